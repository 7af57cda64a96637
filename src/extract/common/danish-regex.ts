// JavaScript's \b knows only ASCII letters, so /\bmå\b/ matches inside "Målgruppen"
// (å–l counts as a word edge). Patterns with Danish letters are written with \b and
// passed through danish(), which swaps in a Unicode-aware word edge.
const EDGE = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;

export function danish(pattern: RegExp): RegExp {
  const flags = pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`;
  return new RegExp(pattern.source.replace(/\\b/g, EDGE), flags);
}
