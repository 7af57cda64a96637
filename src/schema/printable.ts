// Text bound for a terminal or a log line: control characters (a newline or an escape
// sequence in a file name) never reach it raw, so they cannot forge lines or clear the screen.

/** Newlines and tabs become spaces, every other control character `\xNN`. */
export const printable = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' || c === '\t' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
