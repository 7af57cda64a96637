// Which documents of one meeting are linked as the same publication, and which facts
// are then counted once (the PDFs end to end: repeated-publications.test.ts).
import { describe, expect, it } from 'vitest';
import type { DocumentFacts, StoredDocument, StoredPercentage } from '../../src/compare/load-facts.js';
import { countRepeatsOnce, linkRepeatedDocuments } from '../../src/compare/repeated-documents.js';

let nextId = 1;
function doc(path: string, over: Partial<StoredDocument> = {}, facts: Partial<DocumentFacts> = {}): DocumentFacts {
  const id = nextId++;
  const document: StoredDocument = {
    id, sha256: String(id).padStart(64, '0'), path, title: null, municipality: 'Ballerup Kommune', municipality_code: 151,
    committee: 'Social- og Sundhedsudvalget', meeting_date: '2012-11-19', document_kind: 'other', pages: 2, ...over,
  };
  return { document, firstPageText: '', agendaItems: [], goals: [], percentages: [], ...facts };
}

function pct(documentId: number, value: number, context: string, start = 0): StoredPercentage {
  return {
    id: nextId++, document_id: documentId, position: start, value, unit: 'percent', context, scope: 'municipality', raw: `${value} %`,
    page: 1, start_offset: start, end_offset: start + 4, snippet: `${value} %`, window: '',
  };
}

const withPercentages = (f: DocumentFacts, list: [number, string][]): DocumentFacts => ({
  ...f,
  percentages: list.map(([v, c], i) => pct(f.document.id, v, c, i * 10)),
});

const linkedPaths = (facts: DocumentFacts[]): Record<string, string[]> =>
  Object.fromEntries([...linkRepeatedDocuments(facts)].map(([id, docs]) => [facts.find((f) => f.document.id === id)?.document.path, docs.map((d) => d.path)]));

describe('linkRepeatedDocuments', () => {
  it('does not link two papers of one meeting that share only a figure or two without a telling context', () => {
    const a = withPercentages(doc('notat-a.pdf'), [[25, 'andel'], [50, ''], [12, 'ledigheden i ballerup']]);
    const b = withPercentages(doc('notat-b.pdf'), [[25, 'andel'], [50, ''], [12, 'ledigheden i ballerup']]);
    expect(linkedPaths([a, b])).toEqual({});
  });

  it('links them when they share two figures with their context, or an agenda item, but never across meetings or committees', () => {
    const figures: [number, string][] = [[41.2, 'aktiveringsgrad for jobparate'], [64, 'ledige med registreret jobmål']];
    const a = withPercentages(doc('referat.pdf', { pages: 9 }), figures);
    const b = withPercentages(doc('punkt-4.pdf', { pages: 1 }), figures);
    const otherDate = withPercentages(doc('april.pdf', { meeting_date: '2012-12-17' }), figures);
    const otherCommittee = withPercentages(doc('beskaeftigelse.pdf', { committee: 'Beskæftigelsesudvalget' }), figures);
    expect(linkedPaths([a, b, otherDate, otherCommittee])).toEqual({ 'referat.pdf': ['punkt-4.pdf'], 'punkt-4.pdf': ['referat.pdf'] });

    const item = { number: 4, title: 'Budgettilpasning Torvevej', page: 1, start_offset: 0 };
    const full = doc('dagsorden.pdf', {}, { agendaItems: [{ document_id: 0, ...item }] });
    const single = doc('bilag.pdf', {}, { firstPageText: 'Punkt 4\nBudgettilpasning  Torvevej\nNotat' });
    expect(linkedPaths([full, single])).toEqual({ 'dagsorden.pdf': ['bilag.pdf'], 'bilag.pdf': ['dagsorden.pdf'] });
  });
});

describe('countRepeatsOnce', () => {
  it('keeps a shared figure in the fuller document with the other place, and leaves figures each prints twice itself', () => {
    const figures: [number, string][] = [[41.2, 'aktiveringsgrad for jobparate'], [64, 'ledige med registreret jobmål']];
    const single = withPercentages(doc('punkt-4.pdf', { pages: 1 }), [...figures, [64, 'ledige med registreret jobmål']]);
    const full = withPercentages(doc('referat.pdf', { pages: 9 }), [...figures, [7, 'andel af ledige over 60 år']]);
    const [afterSingle, afterFull] = countRepeatsOnce([single, full]);
    expect(afterFull?.percentages.map((p) => p.value)).toEqual([41.2, 64, 7]);
    expect(afterFull?.percentages[0]?.repeatedIn).toEqual([{ file: 'punkt-4.pdf', sha256: single.document.sha256, page: 1, start: 0, end: 4 }]);
    // The single-item PDF printed 64 % twice, the referat once: the referat's copy counts, both others are its repeats.
    expect(afterSingle?.percentages.map((p) => p.value)).toEqual([]);
    expect(afterFull?.percentages[1]?.repeatedIn?.map((r) => r.start)).toEqual([10, 20]);
    expect(afterFull?.linkedDocuments?.map((d) => d.path)).toEqual(['punkt-4.pdf']);
  });
});
