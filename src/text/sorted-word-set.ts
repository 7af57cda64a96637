// A large set of words kept as one sorted UTF-8 text, one word a line, searched by
// bisection: it loads in milliseconds and costs its file size in memory, where a Set of
// 1.3 million strings costs seconds and ~100 MB per thread.

/** The file: a JSON header line ({"forbidden": [...]}), then every known word, sorted, one a line. */
export function encodeWordSet(known: readonly string[], forbidden: readonly string[]): string {
  const words = [...new Set(known)].filter((w) => w !== '' && !w.includes('\n')).sort();
  return `${JSON.stringify({ forbidden: [...forbidden].sort() })}\n${words.join('\n')}\n`;
}

export class SortedWordSet {
  /** Start offset of every word in `text`, and the end of the last. */
  private readonly starts: Uint32Array;
  private readonly count: number;
  readonly forbidden: ReadonlySet<string>;

  constructor(private readonly text: Buffer) {
    const headerEnd = text.indexOf(0x0a);
    const header = JSON.parse(text.toString('utf8', 0, headerEnd)) as { forbidden: string[] };
    this.forbidden = new Set(header.forbidden);
    let lines = 0;
    for (let i = headerEnd + 1; i < text.length; i++) if (text[i] === 0x0a) lines++;
    this.starts = new Uint32Array(lines + 1);
    this.starts[0] = headerEnd + 1;
    let n = 1;
    for (let i = headerEnd + 1; i < text.length; i++) if (text[i] === 0x0a) this.starts[n++] = i + 1;
    this.count = lines;
  }

  get size(): number {
    return this.count;
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const found = this.text.toString('utf8', this.starts[mid] as number, (this.starts[mid + 1] as number) - 1);
      if (found === word) return true;
      if (found < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
