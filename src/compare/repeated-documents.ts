// Documents that publish the same meeting twice: a full referat and the single-item PDF
// that repeats one of its items, or the agenda and the minutes of one meeting. They are
// linked when they share municipality, committee and meeting date AND an agenda item or
// a fact; a fact they both carry is then counted once, read from the fuller document,
// with the other document's place kept beside it. Links are rebuilt at query time from
// the stored facts (like the indicator links), so they never go stale when a document
// is re-extracted, replaced, or saved concurrently with its twin.
import type { Kysely } from 'kysely';
import { municipalityKey } from '../extract/meeting/municipalities.js';
import type { Database } from '../store/schema.js';
import { loadDocuments, loadFacts, type DocumentFacts, type RepeatedAt, type StoredDocument } from './load-facts.js';

/** Agenda titles, goal texts and figure contexts shorter than this ("Eventuelt", "andel") are in every meeting and prove nothing. */
const MIN_SHARED_TEXT = 12;
/** Two documents of one meeting may each print a figure or two alike by chance; this many shared ones link them. */
const MIN_SHARED_PERCENTAGES = 2;

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The meeting a document records, or null when its municipality or date is unknown (then it is never linked). */
export function meetingKey(d: Pick<StoredDocument, 'municipality' | 'municipality_code' | 'committee' | 'meeting_date'>): string | null {
  if (d.meeting_date === null || (d.municipality_code === null && d.municipality === null)) return null;
  const municipality = d.municipality_code ?? municipalityKey(d.municipality ?? '');
  return JSON.stringify([municipality, fold(d.committee ?? ''), d.meeting_date]);
}

/** What makes two goals the same goal; null when the text is too short to tell. */
export function goalKey(g: DocumentFacts['goals'][number]): string | null {
  const text = fold(g.goal.text);
  return text.length < MIN_SHARED_TEXT ? null : JSON.stringify([text, g.goal.target_value]);
}

/** What makes two percentages the same figure; null when its context is too short to tell. */
export function percentageKey(p: DocumentFacts['percentages'][number]): string | null {
  const context = fold(p.context);
  return context.length < MIN_SHARED_TEXT ? null : JSON.stringify([p.value, p.unit, context]);
}

const keys = <T>(items: readonly T[], key: (item: T) => string | null): Set<string> =>
  new Set(items.map(key).filter((k): k is string => k !== null));

function titles(f: DocumentFacts): string[] {
  return f.agendaItems.map((i) => fold(i.title)).filter((t) => t.length >= MIN_SHARED_TEXT);
}

/** An agenda item of one is an item (or, for a single-item PDF without item headings, the first page) of the other. */
function shareAnItem(a: DocumentFacts, b: DocumentFacts): boolean {
  const inB = new Set(titles(b));
  const firstPageB = fold(b.firstPageText ?? '');
  if (titles(a).some((t) => inB.has(t) || firstPageB.includes(t))) return true;
  const firstPageA = fold(a.firstPageText ?? '');
  return titles(b).some((t) => firstPageA.includes(t));
}

function shareFacts(a: DocumentFacts, b: DocumentFacts): boolean {
  const goalsOfA = keys(a.goals, goalKey);
  if ([...keys(b.goals, goalKey)].some((k) => goalsOfA.has(k))) return true;
  const percentagesOfA = keys(a.percentages, percentageKey);
  return [...keys(b.percentages, percentageKey)].filter((k) => percentagesOfA.has(k)).length >= MIN_SHARED_PERCENTAGES;
}

/** Document id → the documents linked to it (same meeting, shared item or fact); documents without links are absent. */
export function linkRepeatedDocuments(facts: readonly DocumentFacts[]): Map<number, StoredDocument[]> {
  const byMeeting = new Map<string, DocumentFacts[]>();
  for (const f of facts) {
    const key = meetingKey(f.document);
    if (key === null) continue;
    const list = byMeeting.get(key);
    if (list) list.push(f);
    else byMeeting.set(key, [f]);
  }
  const links = new Map<number, StoredDocument[]>();
  const add = (from: DocumentFacts, to: DocumentFacts): void => {
    const list = links.get(from.document.id) ?? [];
    list.push(to.document);
    links.set(from.document.id, list);
  };
  for (const meeting of byMeeting.values()) {
    for (let i = 0; i < meeting.length; i++) {
      for (let j = i + 1; j < meeting.length; j++) {
        const a = meeting[i] as DocumentFacts;
        const b = meeting[j] as DocumentFacts;
        if (shareAnItem(a, b) || shareFacts(a, b)) {
          add(a, b);
          add(b, a);
        }
      }
    }
  }
  return links;
}

/** The fuller publication first: more pages, then more agenda items, then path order. */
function fullerFirst(a: DocumentFacts, b: DocumentFacts): number {
  return (
    b.document.pages - a.document.pages ||
    b.agendaItems.length - a.agendaItems.length ||
    (a.document.path < b.document.path ? -1 : a.document.path > b.document.path ? 1 : 0)
  );
}

/** The documents connected by links (a referat, its agenda and its single-item PDFs form one group). */
function linkedGroups(facts: readonly DocumentFacts[], links: Map<number, StoredDocument[]>): DocumentFacts[][] {
  const byId = new Map(facts.map((f) => [f.document.id, f]));
  const seen = new Set<number>();
  const groups: DocumentFacts[][] = [];
  for (const f of facts) {
    if (seen.has(f.document.id) || !links.has(f.document.id)) continue;
    const group: DocumentFacts[] = [];
    const stack = [f.document.id];
    seen.add(f.document.id);
    while (stack.length > 0) {
      const member = byId.get(stack.pop() as number);
      if (!member) continue;
      group.push(member);
      for (const other of links.get(member.document.id) ?? []) {
        if (!seen.has(other.id)) {
          seen.add(other.id);
          stack.push(other.id);
        }
      }
    }
    groups.push(group.sort(fullerFirst));
  }
  return groups;
}

const repeatedAt = (d: StoredDocument, p: { page: number; start_offset: number; end_offset: number }): RepeatedAt => ({
  file: d.path,
  sha256: d.sha256,
  page: p.page,
  start: p.start_offset,
  end: p.end_offset,
});

/** The first document of a group to publish each fact; repeats in the same document are separate facts. */
class FirstPublished<T extends { repeatedIn?: RepeatedAt[] }> {
  private readonly first = new Map<string, { fact: T; documentId: number }>();

  /** Whether `fact` is kept; when not, its place is added to the kept fact's `repeatedIn`. A fact without a key is always kept. */
  keep(key: string | null, fact: T, document: StoredDocument, place: { page: number; start_offset: number; end_offset: number }): boolean {
    if (key === null) return true;
    const kept = this.first.get(key);
    if (!kept) this.first.set(key, { fact, documentId: document.id });
    if (!kept || kept.documentId === document.id) return true;
    (kept.fact.repeatedIn ??= []).push(repeatedAt(document, place));
    return false;
  }
}

/**
 * The facts with each repeated goal and percentage counted once: kept in the fullest
 * linked document, with `repeatedIn` naming where else it was published, and left out
 * of the others. Each document gets `linkedDocuments`. The input is changed in place.
 */
export function countRepeatsOnce(facts: DocumentFacts[]): DocumentFacts[] {
  const links = linkRepeatedDocuments(facts);
  for (const f of facts) f.linkedDocuments = links.get(f.document.id) ?? [];
  for (const group of linkedGroups(facts, links)) {
    const goals = new FirstPublished<DocumentFacts['goals'][number]>();
    const percentages = new FirstPublished<DocumentFacts['percentages'][number]>();
    for (const f of group) {
      f.goals = f.goals.filter((g) => goals.keep(goalKey(g), g, f.document, g.goal));
      f.percentages = f.percentages.filter((p) => percentages.keep(percentageKey(p), p, f.document, p));
    }
  }
  return facts;
}

/** Documents whose facts are read per round when links are looked up for an export. */
const LINK_ROUND = 200;

/**
 * sha256 → the sha256s of its linked documents, over the whole store: only documents
 * sharing a meeting with another are read, a round of meetings at a time, so an
 * export of any size stays in bounded memory.
 */
export async function storedDocumentLinks(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const byMeeting = new Map<string, StoredDocument[]>();
  for (const d of await loadDocuments(db)) {
    const key = meetingKey(d);
    if (key === null) continue;
    const list = byMeeting.get(key);
    if (list) list.push(d);
    else byMeeting.set(key, [d]);
  }
  const shared = [...byMeeting.values()].filter((docs) => docs.length > 1);
  const links = new Map<string, string[]>();
  let round: StoredDocument[] = [];
  const readRound = async (): Promise<void> => {
    const facts = await loadFacts(db, { documents: round });
    for (const [id, linked] of linkRepeatedDocuments(facts)) {
      const doc = round.find((d) => d.id === id) as StoredDocument;
      links.set(doc.sha256, linked.map((d) => d.sha256).sort());
    }
    round = [];
  };
  for (const meeting of shared) {
    round.push(...meeting);
    if (round.length >= LINK_ROUND) await readRound();
  }
  if (round.length > 0) await readRound();
  return links;
}
