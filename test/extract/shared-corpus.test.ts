// The meeting, agenda and figure rules on the real PDFs of ../shared/corpus, checked
// against ../shared/eval/gold (read at run time, never copied) and, for the Aarhus
// referat that has no gold file, against its own raw text.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { normalisePages } from '../../src/text/normalise.js';
import { extractFacts } from '../../src/extract/index.js';
import { lookupMunicipality } from '../../src/extract/meeting/municipalities.js';
import type { ExtractedFacts } from '../../src/schema/contract.js';
import type { NormalisedPage } from '../../src/schema/normalised.js';
import type { ParsedPdf } from '../../src/schema/parsed.js';
import { hasSharedCorpus, sharedCorpusDir, sharedDir, warnSkipped } from '../pdf/corpus.js';
import { CORPUS_PARSE_OPTIONS, parseOnce } from '../support/parse-once.js';
import { expectProvenance } from './pages.js';

const goldDir = join(sharedDir, 'eval', 'gold');
const seeds = ['001_f72e2d1bcdd6ace0', '003_5bb165e9788c49bf', '004_d87f12b627035099'];
const aarhusPdf = join(sharedCorpusDir, 'real', 'aarhus_byraad_2025-08-27.pdf');
const available = hasSharedCorpus && existsSync(goldDir);
if (!available) warnSkipped('test/extract/shared-corpus.test.ts', `${sharedCorpusDir} or ${goldDir} is not there (../shared sits beside the project in CI)`);

interface Gold {
  municipality: string;
  committee: string;
  meetingDate: string;
  documentKind: string;
  agendaItems: { number: number; title: string; caseNumber: string | null; decision: string | null }[];
  percentages: { value: number; scope: string; unit?: string }[];
  moneyAmounts: { value: number }[];
  absent: string[];
}

interface Run {
  parsed: ParsedPdf;
  pages: NormalisedPage[];
  facts: ExtractedFacts;
}

async function run(path: string): Promise<Run> {
  const parsed = await parseOnce(readFileSync(path), CORPUS_PARSE_OPTIONS);
  const { pages } = normalisePages(parsed.pages);
  return { parsed, pages, facts: extractFacts({ path, info: parsed.info, pages }) };
}

function checkProvenance({ pages, facts }: Run): void {
  for (const x of [...facts.agendaItems, ...facts.percentages, ...facts.moneyAmounts]) expectProvenance(pages, x.provenance);
}

describe.skipIf(!available)('seeds of ../shared/corpus against ../shared/eval/gold', () => {
  const runs = new Map<string, { run: Run; gold: Gold }>();
  beforeAll(async () => {
    for (const seed of seeds) {
      const gold = JSON.parse(readFileSync(join(goldDir, `${seed}.json`), 'utf8')) as Gold;
      runs.set(seed, { run: await run(join(sharedCorpusDir, 'seeds', `${seed}.pdf`)), gold });
    }
  });
  const get = (seed: string): { run: Run; gold: Gold } => runs.get(seed) as { run: Run; gold: Gold };

  test.each(seeds)('%s: meeting metadata', (seed) => {
    const { run: r, gold } = get(seed);
    expect(r.facts.municipalityCode).toBe(lookupMunicipality(gold.municipality)?.code);
    // The official name, as gold writes it ("Norddjurs Kommune"; see src/extract/meeting/meeting.ts).
    expect(r.facts.municipality).toBe(gold.municipality);
    expect(r.facts.municipality).toBe(lookupMunicipality(gold.municipality)?.officialName);
    expect(r.facts.committee).toBe(gold.committee);
    expect(r.facts.meetingDate).toBe(gold.meetingDate);
    expect(r.facts.documentKind).toBe(gold.documentKind);
  });

  test.each(seeds)('%s: agenda items, case numbers, decisions and absences', (seed) => {
    const { run: r, gold } = get(seed);
    expect(r.facts.agendaItems.map(({ number, title, caseNumber, decision }) => ({ number, title, caseNumber, decision }))).toEqual(
      gold.agendaItems.map(({ number, title, caseNumber, decision }) => ({ number, title, caseNumber, decision })),
    );
    expect(r.facts.absent).toEqual(gold.absent);
  });

  test.each(seeds)('%s: every percentage in order, with its scope', (seed) => {
    const { run: r, gold } = get(seed);
    const ours = r.facts.percentages.filter((p) => p.unit === 'percent');
    expect(ours.map((p) => p.value)).toEqual(gold.percentages.filter((p) => p.unit !== 'percentage_points').map((p) => p.value));
    ours.forEach((p, i) => {
      const g = gold.percentages[i];
      if (g?.scope === 'national' || g?.scope === 'municipality') expect(`${p.value} ${p.scope}`).toBe(`${g.value} ${g.scope}`);
    });
    checkProvenance(r);
  });

  test.each(seeds)('%s: every kroner amount with a unit in the text is a gold amount', (seed) => {
    const { run: r, gold } = get(seed);
    const left = gold.moneyAmounts.map((m) => m.value);
    for (const a of r.facts.moneyAmounts) {
      const i = left.findIndex((v) => Math.abs(v - a.value) < 0.5);
      expect(i, `${a.raw} (${a.value}) on page ${a.provenance.page}`).toBeGreaterThanOrEqual(0);
      left.splice(i, 1);
    }
  });
});

describe.skipIf(!available || !existsSync(aarhusPdf))(`${basename(aarhusPdf)} (no gold: checked against its own text)`, () => {
  let r: Run;
  beforeAll(async () => {
    r = await run(aarhusPdf);
  });

  test('is Aarhus Byråd minutes of 27 August 2025', () => {
    expect([r.facts.municipality, r.facts.municipalityCode, r.facts.committee, r.facts.meetingDate, r.facts.documentKind]).toEqual(['Aarhus Kommune', 751, 'Aarhus Byråd', '2025-08-27', 'minutes']);
  });

  test('yields all 21 agenda items, each with the EMN number printed under its heading and a decision', () => {
    // Expected numbers come from the raw pdf-parse text: "Punkt N: …" followed, within a few lines, by "EMN-…".
    const raw = r.parsed.pages.map((p) => p.text).join('\n');
    const printed = new Map<number, string>();
    for (const m of raw.matchAll(/^Punkt (\d+): [^\n]*(?:\n(?!EMN-)[^\n]*){0,2}\n(EMN-\d{4}-\d{6})$/gmu)) printed.set(Number(m[1]), m[2] as string);
    expect(printed.size).toBe(21);
    expect(r.facts.agendaItems.map((i) => i.number)).toEqual([...printed.keys()]);
    expect(r.facts.agendaItems.map((i) => i.caseNumber)).toEqual([...printed.values()]);
    for (const item of r.facts.agendaItems) {
      expect(item.decision, `item ${item.number}`).toMatch(/^(?:Godkendt|Fremsendes|Tilbagesendes)\b.*\.$/u);
    }
    checkProvenance(r);
  });
});
