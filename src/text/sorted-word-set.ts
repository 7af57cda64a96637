// A large set of words kept as one sorted UTF-8 text, one word a line, searched by
// bisection: it loads in milliseconds and costs its file size in memory, where a Set of
// 1.3 million strings costs seconds and ~100 MB per thread.

/** The file: a JSON header line ({"forbidden": [...]}), then every known word, sorted, one a line. */
export function encodeWordSet(known: readonly string[], forbidden: readonly string[]): string {
  const words = [...new Set(known)].filter((w) => w !== '' && !w.includes('\n')).sort();
  return `${JSON.stringify({ forbidden: [...forbidden].sort() })}\n${words.join('\n')}\n`;
}

export class SortedWordSet {
  /** Where the first word starts (after the header line). */
  private readonly bodyStart: number;
  private counted: number | undefined;
  readonly forbidden: ReadonlySet<string>;

  // No index of line starts: bisection over the bytes finds each probe's line by its newlines,
  // so loading is reading the file (an index of 1.3 M starts took 100-250 ms per process).
  constructor(private readonly text: Buffer) {
    const headerEnd = text.indexOf(0x0a);
    const header = JSON.parse(text.toString('utf8', 0, headerEnd)) as { forbidden: string[] };
    this.forbidden = new Set(header.forbidden);
    this.bodyStart = headerEnd + 1;
  }

  get size(): number {
    if (this.counted === undefined) {
      let lines = 0;
      for (let i = this.text.indexOf(0x0a, this.bodyStart); i >= 0; i = this.text.indexOf(0x0a, i + 1)) lines++;
      this.counted = lines;
    }
    return this.counted;
  }

  has(word: string): boolean {
    // [lo, hi) are whole lines: lo is a line start, hi a line start or the end.
    let lo = this.bodyStart;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.text.lastIndexOf(0x0a, mid - 1) + 1;
      const end = this.text.indexOf(0x0a, start);
      const found = this.text.toString('utf8', start, end);
      if (found === word) return true;
      if (found < word) lo = end + 1;
      else hi = start;
    }
    return false;
  }
}
