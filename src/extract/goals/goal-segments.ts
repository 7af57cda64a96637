// The document cut at agenda item starts: goals, their results and verdicts are looked
// for within one item, never across two.
import type { AgendaItem } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { documentLines, TextRun, type DocLine } from './goal-text.js';

export interface Segment {
  agendaItem: number | null;
  lines: DocLine[];
  run: TextRun;
  /** Offset in run.text where each line starts. */
  lineStarts: number[];
}

export function segmentsOf(pages: readonly NormalisedPage[], items: readonly AgendaItem[]): Segment[] {
  const lines = documentLines(pages);
  const starts = [...items].sort((a, b) => a.provenance.page - b.provenance.page || a.provenance.start - b.provenance.start);
  const groups: { item: number | null; lines: DocLine[] }[] = [{ item: null, lines: [] }];
  let next = 0;
  for (const line of lines) {
    while (next < starts.length) {
      const p = starts[next]?.provenance;
      if (!p || p.page > line.page || (p.page === line.page && p.start >= line.end)) break;
      groups.push({ item: starts[next]?.number ?? null, lines: [] });
      next++;
    }
    groups.at(-1)?.lines.push(line);
  }
  return groups
    .filter((g) => g.lines.length > 0)
    .map((g) => {
      const run = new TextRun(pages, g.lines.map((l) => ({ page: l.page, start: l.start, end: l.end })));
      const lineStarts: number[] = [];
      let at = 0;
      for (const l of g.lines) {
        lineStarts.push(at);
        at += l.end - l.start + 1;
      }
      return { agendaItem: g.item, lines: g.lines, run, lineStarts };
    });
}
