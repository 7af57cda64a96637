// Character-level clean-up of one pdf.js string before it joins a line.

/** Private-use glyphs (Symbol/Wingdings bullets such as U+F0B7) carry no meaning in Unicode: removed. */
const PRIVATE_USE = /[\uE000-\uF8FF]/gu;
/** Zero-width spaces/joiners, byte-order marks, and soft hyphens inside a string never belong in the text. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]|\u00AD(?!\s*$)/gu;
/** A soft hyphen ending a string marks a line-end hyphenation: kept for de-hyphenation, removed after it. */
export const SOFT_HYPHEN = '\u00AD';
/** Unicode hyphens that NFKC keeps: written as the ASCII hyphen so patterns need one form. */
const UNICODE_HYPHENS = /[\u2010\u2011]/gu;
/** Control characters and tabs inside a string become a plain space. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;
/** cp1252 characters that stand for bytes 0x80–0x9F when UTF-8 was read as Windows-1252. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** UTF-8 read as Latin-1/cp1252: "Ã¸" for ø, "Ã¦" for æ, "Ã¥" for å, "Ã˜" for Ø. */
const UTF8_AS_LATIN1 = new RegExp(`[\u00C2\u00C3][\u0080-\u00BF${CP1252_HIGH}]`, 'gu');

export interface CleanStats {
  /** Characters decoded from UTF-8-as-Latin-1 mojibake. */
  decoded: number;
}

function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code <= 0xff) return code;
  const i = CP1252_HIGH.indexOf(ch);
  return i >= 0 ? 0x80 + i : -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes "Ã¸"-style mojibake deterministically; no word list needed. */
function decodeUtf8Mojibake(s: string, stats?: CleanStats): string {
  if (!s.includes('\u00C3') && !s.includes('\u00C2')) return s;
  return s.replace(UTF8_AS_LATIN1, (pair) => {
    const bytes = [...pair].map(byteOf);
    if (bytes.some((b) => b < 0)) return pair;
    try {
      const decoded = utf8.decode(new Uint8Array(bytes));
      if (stats) stats.decoded++;
      return decoded;
    } catch {
      return pair;
    }
  });
}

/**
 * UTF-8-as-Latin-1 mojibake decoded, then NFKC (ligatures "ﬁ" → "fi", full-width forms, no-break space → space), then removes
 * invisible characters, private-use bullet glyphs and soft hyphens (except a final
 * one, which de-hyphenation reads and then removes).
 */
export function cleanChars(s: string, stats?: CleanStats): string {
  return decodeUtf8Mojibake(s, stats)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(PRIVATE_USE, '')
    .replace(UNICODE_HYPHENS, '-')
    .replace(CONTROL, ' ');
}
