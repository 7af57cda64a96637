// Figures in a labelled goal block ("Mål 2. …" / "Mål: <goal>" / "Baseline: 21,4 % (2023)" /
// "Målsætning 2024: Højst 18 %" / "Resultat: 19,6 % (landsplan: 20,2 %)"). A label word names the
// figure's role, never what it measures: the measure is the block's goal, and the label a qualifier.
import type { NormalisedPage } from '../../schema/normalised.js';
import { words } from './context-words.js';

export type BlockRole = 'baseline' | 'target' | 'result' | 'national';

/** Line labels of a goal block, by the role they give the figure on their line. */
const ROLE_LABELS: Readonly<Record<BlockRole, readonly string[]>> = {
  baseline: ['baseline', 'udgangspunkt', 'udgangsniveau', 'nuværende niveau', 'startniveau'],
  target: ['målsætning', 'måltal', 'mål', 'delmål', 'succeskriterie', 'succeskriterium', 'ambition', 'forventet'],
  result: ['resultat', 'status', 'realiseret', 'opnået', 'aktuelt niveau', 'målopfyldelse', 'vurdering', 'konklusion'],
  // The country's figure beside the result: the measure, qualified by the label.
  national: ['landstal', 'landsgennemsnit', 'landsgennemsnittet', 'landsplan', 'hele landet'],
};

const LABEL_ALTERNATION = Object.values(ROLE_LABELS)
  .flat()
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "Baseline:", "Målsætning 2024:", "Resultat (juni 2024):" at the start of a line. */
const LINE_LABEL = new RegExp(String.raw`^[ \t]*(?<label>${LABEL_ALTERNATION})(?:[ \t]+(?<year>\d{4}))?(?:[ \t]*\([^)\n]*\))?[ \t]*:`, 'iu');

/** A block heading: "Mål 1. Hurtigt tilbage i job", "Delmål 2: …", "Indsatsområde 3 - …". */
const BLOCK_HEADING = /^[ \t]*(?:mål|delmål|målsætning|indsatsområde|effektmål)[ \t]+\d{1,2}[.:)\-–]?[ \t]+(?<title>\S.*)$/iu;

/** A numbered goal paragraph: "1) Mindst 62 % af … skal …", "b. Højst …"; the goal is its first sentence. */
const LIST_HEADING = /^[ \t]*\(?(?:\d{1,2}|[a-zæøå])[.)][ \t]+(?<title>\p{Lu}.*)$/u;

/** The goal label on its own line, or with the goal after it: "Mål:" / "Mål: Flere … skal …". */
const GOAL_LABEL = /^[ \t]*(?:mål|målsætning|formål|effektmål)[ \t]*:[ \t]*(?<goal>.*)$/iu;

/** How far back (in lines) a figure looks for its block's goal. */
const MAX_BLOCK_LINES = 30;

export interface LineLabel {
  readonly role: BlockRole;
  /** The label's own span in the text, to blank it out before reading the figure's words. */
  readonly start: number;
  readonly end: number;
  /** The year the label or the figure's parenthesis names ("Baseline: 52,3 % (2023)"). */
  readonly year: string | null;
  /** The label word as the document writes it, lower-cased ("landstal"). */
  readonly word: string;
}

/** The role label at the start of the line a figure stands on, or null. */
export function lineLabel(text: string, figureStart: number, figureEnd: number): LineLabel | null {
  const lineStart = text.lastIndexOf('\n', figureStart - 1) + 1;
  const m = LINE_LABEL.exec(text.slice(lineStart, figureStart));
  const label = m?.groups?.['label']?.toLowerCase();
  if (!m || !label) return null;
  const role = (Object.keys(ROLE_LABELS) as BlockRole[]).find((r) => ROLE_LABELS[r].includes(label));
  if (!role) return null;
  const after = /^[ \t]*\((?<year>\d{4})\)/u.exec(text.slice(figureEnd));
  return { role, start: lineStart + m.index, end: lineStart + m.index + m[0].length, year: m.groups?.['year'] ?? after?.groups?.['year'] ?? null, word: label };
}

export interface GoalBlock {
  /** Where the block starts (page and offset): a new block resets the running topic. */
  readonly key: string;
  /** What the block's goal measures ("andelen af langtidsledige blandt de forsikrede ledige"). */
  readonly measure: string;
}

/** The goal block a figure stands in: its "Mål:" text, else its heading's title; null outside a block. */
export function goalBlock(pages: readonly NormalisedPage[], pageNumber: number, offset: number): GoalBlock | null {
  const index = pages.findIndex((p) => p.number === pageNumber);
  if (index < 0) return null;
  const lines: { page: number; at: number; text: string }[] = [];
  for (let i = Math.max(0, index - 1); i <= index; i++) {
    const page = pages[i];
    if (!page) continue;
    const text = i === index ? page.text.slice(0, offset) : page.text;
    let at = 0;
    for (const line of text.split('\n')) {
      lines.push({ page: page.number, at, text: line });
      at += line.length + 1;
    }
  }
  let goal: string | null = null;
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < MAX_BLOCK_LINES; i--, seen++) {
    const line = lines[i];
    if (!line) break;
    const key = `${line.page}:${line.at}`;
    const heading = BLOCK_HEADING.exec(line.text);
    if (heading) {
      const measure = goalMeasure(goal ?? heading.groups?.['title'] ?? '');
      return measure === '' ? null : { key, measure };
    }
    const listed = goal === null ? LIST_HEADING.exec(line.text) : null;
    if (listed) {
      const sentence = goalText([listed.groups?.['title'] ?? '', ...lines.slice(i + 1).map((l) => l.text)]);
      // "Mindst 62 % af de nyledige …": the bound and figure are the target, not what is measured.
      const first = sentence.replace(/^(.*?[.!?])\s.*$/u, '$1').replace(/^(?:mindst|højst|maksimalt|minimum|mere\s+end|under|over)?\s*\d[\d.,]*\s*(?:%|pct\.?|procent)?\s+(?:af\s+)?/iu, '');
      const measure = goalMeasure(first);
      return measure === '' ? null : { key, measure };
    }
    const label = GOAL_LABEL.exec(line.text);
    if (label && goal === null) {
      const inline = label.groups?.['goal']?.trim() ?? '';
      // An inline goal may wrap onto the next lines ("Målsætning:\tFlere … i ordinær" / "beskæftigelse …").
      const wrapped = /[.!?]$/u.test(inline) ? '' : goalText(lines.slice(i + 1).map((l) => l.text));
      goal = inline !== '' ? `${inline} ${wrapped}`.trim() : goalText(lines.slice(i + 1).map((l) => l.text));
      // A block without a numbered heading starts at its goal label.
      if (!lines.slice(Math.max(0, i - 3), i).some((l) => BLOCK_HEADING.test(l.text))) {
        const measure = goalMeasure(goal);
        return measure === '' ? null : { key, measure };
      }
    }
  }
  return null;
}

/** The goal's sentence under a "Mål:" label: the lines up to a full stop or the next labelled line. */
function goalText(following: readonly string[]): string {
  const out: string[] = [];
  for (const line of following) {
    if (LINE_LABEL.test(line) || line.includes('\t') || line.trim() === '') break;
    out.push(line.trim());
    if (/[.!?]$/u.test(line.trim())) break;
  }
  return out.join(' ');
}

/** Comparatives that open a goal ("Flere …", "Færre …"): the direction, not the measure. */
const DIRECTION_WORDS = /^(?:flere|færre|mere|mindre|højere|lavere|større|kortere|længere|bedre|hurtigere)$/iu;
const GOAL_MODALS = /^(?:skal|skulle|bør|må|vil)$/iu;

/**
 * What a goal sentence measures: "Flere dagpengemodtagere skal være i job inden for et halvt år" →
 * "dagpengemodtagere i job inden for et halvt år"; "… skal have ordinære løntimer" → "… med ordinære
 * løntimer"; a passive aim ("skal nedbringes", "skal reduceres med 40 personer") leaves the subject.
 */
export function goalMeasure(goal: string): string {
  let ws = words(goal.replace(/[.!?]+\s*$/u, ''));
  while (ws.length > 1 && DIRECTION_WORDS.test(ws[0] as string)) ws = ws.slice(1);
  const modal = ws.findIndex((w) => GOAL_MODALS.test(w));
  if (modal > 0) {
    const subject = ws.slice(0, modal);
    let rest = ws.slice(modal + 1);
    const verb = (rest[0] ?? '').toLowerCase();
    if (verb === 'være' || verb === 'blive') rest = rest.slice(1);
    else if (verb === 'have') rest = ['med', ...rest.slice(1)];
    else if (/[^\s]+es$/u.test(verb)) rest = [];
    // "skal ligge på niveau med landsgennemsnittet", "skal følge landstallet": the comparison is the target.
    else if (/^(?:ligge|følge|svare|matche)$/u.test(verb)) rest = [];
    ws = [...subject, ...rest];
  }
  const first = ws[0];
  if (first && /^\p{Lu}\p{Ll}/u.test(first)) ws = [first.toLowerCase(), ...ws.slice(1)];
  return ws.slice(0, 12).join(' ');
}

/** The figure's context with its role: "målsætning for …", "…, baseline 2023"; a result is the measure itself. */
export function withRole(context: string, label: LineLabel): string {
  if (context === '') return context;
  if (label.role === 'target') return `målsætning for ${context}`;
  if (label.role === 'baseline') return `${context}, baseline${label.year ? ` ${label.year}` : ''}`;
  if (label.role === 'national') return `${context}, ${label.word}`;
  return context;
}

/** Two contexts name the same thing: a word of 5+ letters shares its first five with one in the other ("borgerne"/"borgere"). */
export function sharesStem(a: string, b: string): boolean {
  const stems = new Set(words(b).filter((w) => w.length >= 5).map((w) => w.slice(0, 5).toLowerCase()));
  if (words(a).some((w) => w.length >= 5 && stems.has(w.slice(0, 5).toLowerCase()))) return true;
  // A compound's last part names the same thing: "Frekvensen" / "beskæftigelsesfrekvensen".
  const longer = words(b).map((w) => w.toLowerCase());
  return words(a).some((w) => w.length >= 6 && longer.some((l) => l.length > w.length + 3 && l.endsWith(w.toLowerCase())));
}
