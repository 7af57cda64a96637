// The layout-variant generator checked on its own terms: a sample rendered by each
// producer, its expected JSON consistent with the facts, every expected text present
// in the PDF (pdftotext), totals adding up. Extractor accuracy is not asserted here
// (`npm run variants` measures it); a missing producer fails, never skips.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeVariant, type Variant } from '../../fixtures/variants/compose-document.js';
import { generateVariants } from '../../fixtures/variants/generate.js';
import { requireProgram } from '../../fixtures/variants/producers.js';
import { missingTexts } from '../../fixtures/variants/self-check.js';
import { specFor, PRODUCERS, type Producer } from '../../fixtures/variants/spec.js';
import { MUNICIPALITIES } from '../../fixtures/variants/municipalities.js';

const run = promisify(execFile);

/** The first `perProducer` variants of each producer whose goal forms differ. */
function sample(perProducer: number): number[] {
  const out: number[] = [];
  for (const p of PRODUCERS) {
    const forms = new Set<string>();
    for (let i = 0; out.filter((k) => specFor(k).producer === p).length < perProducer && i < 330; i++) {
      const s = specFor(i);
      if (s.producer !== p || forms.has(s.goalForm)) continue;
      forms.add(s.goalForm);
      out.push(i);
    }
  }
  return out;
}

describe('layout-variant generator', () => {
  it('the producers it needs are installed (LibreOffice Writer, Chromium, pdftotext)', async () => {
    await expect(requireProgram('libreoffice')).resolves.toMatch(/\S/);
    await expect(requireProgram('chromium')).resolves.toMatch(/\S/);
    await expect(run('pdftotext', ['-v'])).resolves.toBeDefined();
  });

  it('is deterministic: the same index gives the same facts and expected JSON', () => {
    for (const i of [0, 7, 123, 329]) expect(composeVariant(specFor(i)).gold).toEqual(composeVariant(specFor(i)).gold);
    expect(composeVariant(specFor(1)).gold).not.toEqual(composeVariant(specFor(2)).gold);
  });

  it('covers every dimension value across 330 variants', () => {
    const specs = Array.from({ length: 330 }, (_, i) => specFor(i));
    const values = (k: keyof (typeof specs)[number]): Set<unknown> => new Set(specs.map((s) => s[k]));
    expect(values('producer')).toEqual(new Set(PRODUCERS));
    expect(values('goalForm')).toEqual(new Set(['table', 'labelled', 'bullets', 'numbered', 'prose', 'ministermaal']));
    expect(values('verdictForm')).toEqual(new Set(['words', 'marks', 'colours', 'dots']));
    expect(values('columnOrder').size).toBe(5);
    expect(values('periods')).toEqual(new Set(['single', 'quarters', 'years']));
    expect(values('budget')).toEqual(new Set(['none', '1.000 kr.', 'mio. kr.', 'kr.']));
    expect(values('negatives')).toEqual(new Set(['minus', 'divide', 'parens']));
    expect(values('kind')).toEqual(new Set(['agenda', 'minutes', 'report']));
    expect(values('headerStyle')).toEqual(new Set(['modern', 'old']));
    expect(values('textColumns')).toEqual(new Set([1, 2]));
    expect(values('orientation')).toEqual(new Set(['portrait', 'landscape']));
    expect(values('ranges')).toEqual(new Set(['none', 'inline', 'split']));
    expect(values('tableAcrossPages')).toEqual(new Set([true, false]));
  });

  it('expected JSON is consistent with the facts in every one of 330 variants', () => {
    for (let i = 0; i < 330; i++) {
      const { gold, spec } = composeVariant(specFor(i));
      const muni = MUNICIPALITIES.find((m) => m.name === gold.municipality);
      expect(muni?.code, spec.name).toBe(gold.municipalityCode);
      expect(gold.meetingDate, spec.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(gold.documentKind).toBe(spec.kind);
      // Reports have numbered sections, never agenda items; agendas have no decisions.
      if (spec.kind === 'report') expect(gold.agendaItems).toEqual([]);
      else expect(gold.agendaItems.length, spec.name).toBeGreaterThanOrEqual(4);
      if (spec.kind === 'agenda') expect(gold.agendaItems.every((a) => a.decision === null)).toBe(true);
      if (spec.kind === 'minutes') expect(gold.agendaItems.every((a) => typeof a.decision === 'string')).toBe(true);
      expect(gold.goals.length, spec.name).toBeGreaterThanOrEqual(4);
      for (const g of gold.goals) {
        if (spec.goalForm === 'ministermaal') {
          expect(g.target).toBeNull();
          expect(g.status).toBe('unknown');
          expect(g.actual.map((a) => a.scope)).toEqual(['municipality', 'other', 'national']);
          continue;
        }
        expect(g.target, `${spec.name} ${g.text}`).not.toBeNull();
        expect(g.text).toContain(g.target?.comparator === 'increase' && g.target.upper !== undefined ? 'stiger' : '');
        // Results (one per filled period, in time order) exist exactly when the goal was assessed;
        // comparisons only beside a result.
        const own = g.actual.filter((a) => a.scope === 'municipality');
        expect(own.length > 0, `${spec.name} ${g.id}`).toBe(!(g.status === 'withdrawn' || g.status === 'not_assessable'));
        if (own.length === 0) expect(g.actual).toEqual([]);
        if (spec.comparisons === 'none') expect(g.actual.filter((a) => a.scope !== 'municipality')).toEqual([]);
        // Met and not met agree with result against target (≥ / ≤ / reduce / increase).
        const r = own.at(-1)?.value;
        const t = g.target;
        if (r !== undefined && t && (g.status === 'met' || g.status === 'not_met')) {
          const reached = t.comparator === '<=' ? r <= t.value : r >= t.value;
          expect(reached, `${spec.name} ${g.text} ${r}`).toBe(g.status === 'met');
        }
      }
      // Ranges are listed twice (lower and upper bound, one raw), and never as one joined number.
      for (const p of gold.percentages) expect(p.value).toBeLessThan(100);
      // Every budget total adds up: subtotals over their rows, `I alt` over the subtotals (or the rows).
      for (const tb of gold.budgetTables) {
        const subtotals = tb.rows.filter((r) => r.label.startsWith('Sum, '));
        const parts = subtotals.length ? subtotals : tb.rows;
        tb.total?.values.forEach((v, k) => {
          const sum = parts.reduce((a, r) => a + (r.values[k] ?? 0), 0);
          expect(Math.abs(sum - (v ?? 0)), `${spec.name} column ${k}`).toBeLessThan(1);
        });
        let run = tb.columns.map(() => 0);
        for (const r of tb.rows) {
          if (r.label.startsWith('Sum, ')) {
            r.values.forEach((v, k) => expect(Math.abs((run[k] ?? 0) - (v ?? 0)), `${spec.name} ${r.label}`).toBeLessThan(1));
            run = tb.columns.map(() => 0);
          } else r.values.forEach((v, k) => (run[k] = (run[k] ?? 0) + (v ?? 0)));
        }
        // Every cell is also a money amount.
        const cells = [...tb.rows, ...(tb.total ? [tb.total] : [])].flatMap((r) => r.values);
        const money = gold.moneyAmounts.map((m) => m.value);
        for (const c of cells) expect(money, spec.name).toContain(c);
      }
    }
  });

  describe('a sample rendered by every producer', () => {
    const indices = sample(4);
    let dir = '';
    let variants: Variant[] = [];

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'variants-test-'));
      variants = await generateVariants(dir, indices);
    }, 300_000);

    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('has four variants per producer', () => {
      const per = (p: Producer): number => indices.filter((i) => specFor(i).producer === p).length;
      expect(PRODUCERS.map(per)).toEqual([4, 4, 4]);
    });

    it('each PDF was made by its producer and is landscape when asked', async () => {
      for (const v of variants) {
        const { stdout } = await run('pdfinfo', [join(dir, 'pdf', `${v.spec.name}.pdf`)]);
        const producer = /Producer:\s*(.*)/.exec(stdout)?.[1] ?? '';
        const creator = /Creator:\s*(.*)/.exec(stdout)?.[1] ?? '';
        const want = { pdfkit: /pdfkit/i, libreoffice: /LibreOffice/i, chromium: /Skia|Chrom/i }[v.spec.producer];
        expect(`${creator} ${producer}`, v.spec.name).toMatch(want);
        const [w, h] = (/Page size:\s*([\d.]+) x ([\d.]+)/.exec(stdout) ?? []).slice(1).map(Number) as [number, number];
        if (v.spec.orientation === 'landscape') expect(w, v.spec.name).toBeGreaterThan(h);
        else if (v.spec.orientation === 'portrait') expect(h, v.spec.name).toBeGreaterThan(w);
      }
    });

    it('every expected text and figure occurs in the PDF text', async () => {
      for (const v of variants) expect(await missingTexts(v.gold, join(dir, 'pdf', `${v.spec.name}.pdf`)), v.spec.name).toEqual([]);
    });

    it('the gold files on disk are the composed ones', async () => {
      for (const v of variants) {
        const onDisk = JSON.parse(await readFile(join(dir, 'gold', `${v.spec.name}.json`), 'utf8')) as unknown;
        expect(onDisk).toEqual(JSON.parse(JSON.stringify(v.gold)));
      }
    });
  });
});
