// The README's tested commands: the lines of its fenced blocks marked `sh readme-test`,
// each with the exit status it documents (`# exit N` in its comment, else 0).

export interface ReadmeCommand {
  /** The line as written (continuation lines joined), comment included: bash ignores it. */
  line: string;
  /** 1-based line of the README it starts on. */
  readmeLine: number;
  expectedStatus: number;
}

const OPEN = /^```sh readme-test\s*$/;
const CLOSE = /^```\s*$/;
const EXIT_COMMENT = /#.*\bexit (\d+)\b/;

export function readmeCommands(readme: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let inBlock = false;
  let pending: { text: string; start: number } | undefined;
  readme.split('\n').forEach((raw, i) => {
    if (!inBlock) {
      inBlock = OPEN.test(raw);
      return;
    }
    if (CLOSE.test(raw)) {
      inBlock = false;
      return;
    }
    const text = pending ? `${pending.text}\n${raw}` : raw;
    const start = pending?.start ?? i + 1;
    if (/\\$/.test(raw)) {
      pending = { text, start };
      return;
    }
    pending = undefined;
    if (text.trim() === '' || text.trim().startsWith('#')) return;
    commands.push({ line: text, readmeLine: start, expectedStatus: Number(EXIT_COMMENT.exec(text)?.[1] ?? 0) });
  });
  return commands;
}

/** A V8 stack frame (`    at run (file.js:12:5)`) or Node's internal one: what a user must never see. */
export const STACK_FRAME = /^\s*at .*(\(.*:\d+:\d+\)|:\d+:\d+|\(native\))$|node:internal\//m;
