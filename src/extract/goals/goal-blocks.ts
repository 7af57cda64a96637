// Goal blocks: a numbered goal label ("Mål 3.1.2", "Delmål 2") followed by labelled
// cells for the result ("Status", "Resultat") and the verdict ("Målopfyldelse",
// "Vurdering"), as in Word two-column tables or label/value lists. Lines belong to the
// open cell while they stay in its column; a line back at the label column that is no
// label (a theme row, a heading) closes the block.
import type { Goal, Warning } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { documentLines, TextRun, cleanText, type DocLine, type Piece } from './goal-text.js';
import { buildGoal, markScope, spanOf, markNational, setExtent, type GoalParts, type Span } from './goal-build.js';
import { legendStatus, readVerdictLegend } from './verdict-legend.js';
import { findVerdict } from './status-vocabulary.js';
import { blockLabelOf, VERDICT_LABEL, RESULT_LABEL, type LabelMatch, type LabelRole } from './goal-labels.js';
import { KIND_LABEL } from './goal-kind-lists.js';
import { targetOfCell } from './goal-table-row.js';
import { columnHeaderScope } from '../figures/column-scope.js';
import { namesReferencePeriod, referencePeriodOf } from './goal-actuals.js';
import { titledSectionParts } from './goal-titled-sections.js';
import { readsAsStatement } from './goal-statement-cues.js';
import { columnLabelOf, figureFieldRole, isPeriodRow, placeRowOf } from './goal-block-lines.js';

/**
 * A goal label with the document's own id: "Mål 1.1", "Delmål 3.2", "Servicemål 2", "Målsætning 4", "Mål nr. 2", after a
 * section number or not ("2.1 Mål 1: Flere ledige i job");
 * never a year ("Målsætning 2025" heads the year's target), nor a value across a column gap ("Måltal⇥80 %").
 * STAR's "Resultatmål"/"Fokusmål 1:" are kinds with an ordinal, read as kind lists instead.
 */
export const GOAL_ID_LABEL =
  /^[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?(?:(?:Del|Effekt|Indsats|Service|Kvalitets|Lokalt\s+)?[Mm]ål|Målsætning|Måltal|Succeskriterie)[ \u00a0]+(?:nr\.\s*)?(?!(?:19|20)\d\d(?!\.\d))((?:[A-ZÆØÅ][.-]?)?\d+(?:\.(?:\d+|[a-z](?!\p{L})))*[a-z]?)(?=[\s.:)]|$)[.:)]?[ \t]*/u;
export { NATIONAL_LABEL, RESULT_LABEL, VERDICT_LABEL } from './goal-labels.js';

/** 'goal' is the cell after the numbered heading; the others come from labelled lines. */
type Role = 'goal' | 'note' | LabelRole;

interface Cell {
  role: Role;
  /** The label that opened the cell ("Opnået 2024:", "Status"). */
  label: string;
  /** The label runs into its text on the line ("Målsætning. Mindst 55 pct. …"), not across a column gap. */
  runIn?: boolean;
  /** A row of a small figure table, labelled by its place. */
  placeRow?: boolean;
  pieces: Piece[];
  contentX: number | null;
  lastY: number;
}

interface Block {
  id: string;
  cells: Cell[];
  labelX: number;
  /** Opened by a labelled line under an unnumbered heading rather than by "Mål N". */
  fromLabel?: boolean;
  /** A verdict mark printed in the margin before the goal's label. */
  mark?: Piece;
}

/** A mark of one to three signs before a line's words ("✔", "◐", "–", "(✓)"). */
const MARGIN_MARK = /^[ \t]*([^\p{L}\d\s]{1,3})[ \t]+/u;

/**
 * The line without its margin mark, and the mark, when a goal label follows a mark that gives a
 * verdict (by the vocabulary or the document's legend: a bullet is no verdict).
 */
function markedLine(line: DocLine, isVerdict: (mark: string) => boolean): { line: DocLine; mark: Piece } | null {
  const m = MARGIN_MARK.exec(line.text);
  if (!m?.[1] || !isVerdict(m[1])) return null;
  const rest = line.text.slice(m[0].length);
  if (!GOAL_ID_LABEL.test(rest)) return null;
  const markStart = line.text.indexOf(m[1]);
  const next = line.fragments.find((f) => f.start >= line.start + m[0].length);
  return {
    line: { ...line, start: line.start + m[0].length, text: rest, x: next?.x ?? line.x },
    mark: { page: line.page, start: line.start + markStart, end: line.start + markStart + m[1].length },
  };
}

/** A heading that numbers the block below it: "Mål 3. Titel", "3. Titel", "3.2 Titel". */
const NUMBERED_HEADING = /^[ \t]*(?:(?:Del)?[Mm]ål\s+)?(\d{1,2}(?:\.\d{1,2})*)[.)]?[ \t]+\p{Lu}/u;

export function extractGoalBlocks(pages: readonly NormalisedPage[], warn: (w: Warning) => void): Goal[] {
  const lines = documentLines(pages);
  const blocks: Block[] = [];
  let block: Block | null = null;
  let previous: DocLine | null = null;
  const open = (line: DocLine, role: Role, labelEnd: number): Cell => {
    const rest = line.text.slice(labelEnd);
    const restX = contentXOf(line, line.start + labelEnd);
    const label = line.text.slice(0, labelEnd);
    const cell: Cell = { role, label, pieces: [], contentX: rest.trim() === '' ? null : restX, lastY: line.y, runIn: rest.trim() !== '' && !label.includes('\t') };
    if (rest.trim() !== '') cell.pieces.push({ page: line.page, start: line.start + labelEnd, end: line.end });
    return cell;
  };
  let heading: DocLine | null = null;
  const legend = readVerdictLegend(pages);
  const isVerdictMark = (mark: string): boolean => legendStatus(legend, mark) !== null || findVerdict(mark) !== null;
  let underKindItem = false;
  for (const printed of lines) {
    // A verdict mark in a margin column before the goal's label ("✔⇥Mål 1: …"): the goal's verdict.
    const marked = markedLine(printed, isVerdictMark);
    const line = marked?.line ?? printed;
    const has = (role: Role): boolean => block?.cells.some((c) => c.role === role) ?? false;
    const found = blockLabelOf(line.text);
    // "Målsætning:" after a "Mål:" line gives the target level, not a second goal.
    const labelled: LabelMatch | null = found?.orTarget && has('statement') ? { ...found, role: 'target' } : found;
    // "Målsætning 2024:" is a target label with a year, not goal number 2024.
    const goal: RegExpExecArray | null = labelled && labelled.role !== 'statement' && /^\s*\S+\s+\(?(?:19|20)\d\d\b/u.test(line.text) ? null : GOAL_ID_LABEL.exec(line.text);
    const current: Cell | undefined = block?.cells[block.cells.length - 1];
    if (labelled?.role === 'statement' && (!block || has('statement') || has('result') || has('verdict'))) {
      // A "Mål:" label under a heading that is no goal label ("3. Titel"), or a second one: a new block.
      if (block) blocks.push(block);
      const numbered = heading ? NUMBERED_HEADING.exec(heading.text) : null;
      block = { id: numbered?.[1] ?? '', cells: [open(line, 'statement', labelled.length)], labelX: line.x, fromLabel: true };
    } else if (block && current && labelled && labelled.role !== 'result' && labelled.role !== 'verdict' && (!has(labelled.role) || labelled.role === 'note' || statesGoalAsTarget(block, labelled.role, pages))) {
      // "Mål⇥Mindst 80 % … skal …" then "Måltal⇥80 %": the first target-worded row stated the goal.
      if (labelled.role === 'target') for (const c of block.cells) if (c.role === 'target') c.role = 'statement';
      block.cells.push(open(line, labelled.role, labelled.length));
    } else if (block && current && labelled?.role === 'result' && labelled.ambiguousStatus && has('result') && !has('verdict')) {
      block.cells.push(open(line, 'verdict', labelled.length));
    } else if (goal && goal[1]) {
      if (block) blocks.push(block);
      const cell = open(line, 'goal', goal[0].length);
      // A label set midway down its row ("Mål 1" between the two lines of its statement): the
      // statement's first line stands just above it, in the text column.
      const above = cell.pieces.length === 0 && statementAbove(line, previous) ? previous : null;
      if (above) {
        for (const c of blocks.at(-1)?.cells ?? []) c.pieces = c.pieces.filter((p) => !(p.page === above.page && p.start === above.start));
        cell.pieces.push({ page: above.page, start: above.start, end: above.end });
        cell.contentX = above.x;
      }
      block = { id: goal[1], cells: [cell], labelX: line.x, ...(marked ? { mark: marked.mark } : {}) };
    } else if (block && current) {
      // The label table's length first: it knows a year after the label ("Opnået 2024:").
      // A label is capitalised: "opfyldt ved årets udgang." is a sentence wrapped onto the line.
      const capital = /^[ \t]*\p{Lu}/u.test(line.text);
      const verdict = labelled?.role === 'verdict' ? labelled.length : capital ? VERDICT_LABEL.exec(line.text)?.[0].length : undefined;
      const result = verdict !== undefined ? undefined : labelled?.role === 'result' ? labelled.length : capital ? RESULT_LABEL.exec(line.text)?.[0].length : undefined;
      const figureField = figureFieldRole(line.text);
      const columnLabel = figureField ? null : columnLabelOf(line, block.labelX);
      const place = verdict === undefined && !labelled ? placeRowOf(line.text) : null;
      if (place) {
        // A small table of the goal's figures: one row per place ("Vejle⇥14,1 %⇥13,2 %", "Hele landet⇥…").
        block.cells.push({ ...open(line, place.role, place.length), placeRow: true });
      } else if (verdict === undefined && !labelled && !has('verdict') && isPeriodRow(line.text)) {
        // A header of periods over a table of figures ("4. kvt. 2024⇥1. kvt. 2025"): no part of the
        // wording, and no cell of its own (the open cell goes on below it).
      } else if (verdict === undefined && !labelled && current.placeRow && !has('verdict') && /^[ \t]*\p{Lu}/u.test(line.text) && !line.text.includes('\t')) {
        // A sentence after the table reports on it ("Antallet er faldet fra 118 til 109 …"): a result, and the block goes on.
        block.cells.push(open(line, 'result', 0));
      } else if (verdict !== undefined && current.role !== 'verdict') {
        block.cells.push(open(line, 'verdict', verdict));
      } else if (result !== undefined && (!has('result') || /\b(?:19|20)\d\d/u.test(line.text.slice(0, result))) && !has('verdict')) {
        // One result line, or one per period ("Resultat 2023:", "Resultat 2024:").
        block.cells.push(open(line, 'result', result));
      } else if ((has('result') || has('statement')) && !has('verdict') && !labelled && figureField) {
        // Each labelled line its own cell: its label names the period or the place of its figure.
        block.cells.push(open(line, figureField.role, figureField.length));
      } else if (!labelled && columnLabel) {
        // Another label in the label column ("Sammenligning⇥Gennemsnit for alle kommuner: 41 %"): a
        // comparison when its words name the country or a group, else a note that holds no result.
        block.cells.push(open(line, columnLabel.role, columnLabel.length));
      } else if (continues(current, line, previous, block, pages)) {
        current.pieces.push({ page: line.page, start: line.start, end: line.end });
        if (current.contentX === null) current.contentX = line.x;
        current.lastY = line.y;
      } else {
        blocks.push(block);
        block = null;
      }
    } else if (VERDICT_LABEL.test(line.text) && line.text.replace(VERDICT_LABEL, '').trim() !== '' && blocks.length > 0 && !underKindItem) {
      warn({ code: 'status_without_goal', message: `a verdict cell with no goal before it: "${cleanText(line.text).slice(0, 80)}"`, page: line.page });
    }
    // Labelled lines under a "Resultatmål: …" paragraph belong to that item (read as a kind list).
    if (KIND_LABEL.test(line.text) && !block) underKindItem = true;
    else if (!(underKindItem && (labelled || VERDICT_LABEL.test(line.text) || RESULT_LABEL.test(line.text) || /^\s*\p{Ll}/u.test(line.text)))) underKindItem = false;
    previous = line;
    if (line.text.trim() !== '') heading = line;
  }
  if (block) blocks.push(block);
  // A document whose "Mål N" lines never carry a result or verdict cell is not in this form;
  // its numbered sections may still hold goal, result and verdict as plain sentences.
  if (!blocks.some((b) => b.cells.some((c) => c.role !== 'goal'))) return blocks.map((b) => titledSection(pages, b)).filter((g): g is Goal => g !== null);
  return blocks.map((b) => toGoal(pages, b)).filter((g): g is Goal => g !== null);
}

/** A second target label in a block whose first target-labelled cell reads as the goal's statement (and none states it yet). */
function statesGoalAsTarget(block: Block, role: Role, pages: readonly NormalisedPage[]): boolean {
  if (role !== 'target' || block.cells.some((c) => c.role === 'statement')) return false;
  const first = block.cells.find((c) => c.role === 'target');
  return first !== undefined && readsAsStatement(cleanText(new TextRun(pages, first.pieces).text));
}

/** The line above a bare goal label that starts its statement: right of the label, a line or so higher. */
function statementAbove(label: DocLine, previous: DocLine | null): boolean {
  if (!previous || !label.hasLayout || !previous.hasLayout || previous.page !== label.page) return false;
  const gap = label.y - previous.y;
  return previous.x > label.x + 12 && gap > 0 && gap < 1.5 * Math.max(10, lineSize(label)) && !previous.text.includes('\t');
}

function titledSection(pages: readonly NormalisedPage[], block: Block): Goal | null {
  const cell = block.cells[0];
  if (!cell || cell.pieces.length < 2) return null;
  const parts = titledSectionParts(block.id, new TextRun(pages, cell.pieces));
  if (!parts) return null;
  const goal = buildGoal(parts);
  setExtent(goal, cell.pieces);
  if (parts.result === null || (Array.isArray(parts.result) && parts.result.length === 0)) {
    if (parts.verdict === null) statedOnly.add(goal);
  }
  return goal;
}

/** Titled sections that only state their goal: another form may read the same words with their figures. */
const statedOnly = new WeakSet<Goal>();

/** Whether the goal is a titled section's statement with no result or verdict of its own. */
export function isStatedOnly(goal: Goal): boolean {
  return statedOnly.has(goal);
}

/** Where a line's text at `offset` starts on the page, from its fragments. */
function contentXOf(line: DocLine, offset: number): number | null {
  if (!line.hasLayout) return null;
  const f = line.fragments.find((fr) => fr.end > offset && fr.start >= offset - 1) ?? line.fragments.find((fr) => fr.end > offset);
  return f ? f.x : null;
}

function continues(cell: Cell, line: DocLine, previous: DocLine | null, block: Block, pages: readonly NormalisedPage[]): boolean {
  if (line.text.trim() === '') return cell.role !== 'verdict';
  if (cell.role === 'verdict') {
    // A verdict is one sentence: it continues only while unfinished, on the next line of its column.
    const sofar = new TextRun(pages, cell.pieces).text.trim();
    const gap = previous && previous.page === line.page ? line.y - previous.y : 0;
    // A label on a line of its own ("Status:") has its verdict on the line below, or atop the next page.
    if (sofar === '') return !line.hasLayout || !previous || previous.page !== line.page || (gap > 0 && gap < 2.5 * Math.max(10, lineSize(line)));
    if (/[.!?]$/u.test(sofar) || !/^\s*\p{Ll}/u.test(line.text)) return false;
    if (!line.hasLayout) return true;
    return cell.contentX !== null && Math.abs(line.x - cell.contentX) < 4 && gap > 0 && gap < 2 * Math.max(10, lineSize(line));
  }
  // A heading after a finished sentence ends the block, so a last cell never runs on into the next section.
  const sofar = new TextRun(pages, cell.pieces).text.trim();
  if (/[.!?]$/u.test(sofar) && looksLikeHeading(line.text)) return false;
  if (!line.hasLayout) return true;
  // A statement run into its label ("Målsætning. Mindst …") opens a paragraph: its report and verdict
  // follow at the margin, a small table of figures among them, up to the next label or heading.
  if (cell.runIn && cell.role === 'statement' && Math.abs(line.x - block.labelX) < 4) return true;
  // Back at the label column of a two-column layout, without a label: a theme row or heading;
  // but a sentence left unfinished that goes on there in lower case or with a figure is a run-in
  // label's text wrapping to the margin ("Målsætning: … inden for 6" / "måneder.").
  const twoColumns = cell.contentX !== null && cell.contentX - block.labelX > 12;
  // ("(Region Midtjylland:" / "2,7 %). …": a colon before a figure on the next line goes on too.)
  const wrapsToMargin = sofar !== '' && (!/[.!?:]$/u.test(sofar) || (/:$/u.test(sofar) && /^\s*\d/u.test(line.text))) && /^\s*[\p{Ll}\d]/u.test(line.text);
  // Once its text wraps to the margin, the label was run in ("Mål 1: Ledigheden …" over lines at
  // the margin): a paragraph, not two columns, so later lines at the margin are its text too.
  if (wrapsToMargin && twoColumns && Math.abs(line.x - block.labelX) < 4) cell.contentX = line.x;
  return !(twoColumns && Math.abs(line.x - block.labelX) < 4) || wrapsToMargin;
}

/** A short line without end punctuation that starts with a capital: "Økonomiske konsekvenser". */
function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/u).length;
  return words <= 6 && /^\p{Lu}/u.test(t) && !/[.,;:!?]$/u.test(t) && !/\t/u.test(t);
}

function lineSize(line: DocLine): number {
  return Math.max(0, ...line.fragments.map((f) => f.size));
}

function toGoal(pages: readonly NormalisedPage[], block: Block): Goal | null {
  const cellOf = (role: Role): Cell | undefined => block.cells.find((c) => c.role === role);
  const goalCell = cellOf('goal');
  // The goal's wording is its "Mål:" cell when it has one, else the text after the number.
  // Under a bare "Mål 2" heading, a label column's first row may name the goal with a target's word
  // ("Mål⇥Borgerne skal …", "Servicemål⇥Sagerne skal være afgjort …"): a target cell worded as a statement states the goal.
  const targetCell = cellOf('target');
  // (A heading's title after the number, "Servicemål 1: Byggesager", names the goal; the labelled row states it.)
  const titleOnly = !goalCell || goalCell.pieces.length === 0 || !readsAsStatement(cleanText(new TextRun(pages, goalCell.pieces).text));
  const statedTarget = titleOnly && targetCell && readsAsStatement(cleanText(new TextRun(pages, targetCell.pieces).text)) ? targetCell : undefined;
  const statement = cellOf('statement') ?? (statedTarget ? { ...statedTarget, role: 'statement' as const } : undefined);
  const wording = statement && statement.pieces.length > 0 ? statement : goalCell;
  if (!wording || wording.pieces.length === 0) return null;
  // A statement paragraph with no labelled result or verdict reports in its own later sentences.
  const reported = block.cells.some((c) => c.role === 'target' || c.role === 'result' || c.role === 'verdict' || c.role === 'national' || c.role === 'area');
  if (statement && statement.runIn && !reported && statement.pieces.length > 1) {
    const parts = titledSectionParts(block.id, new TextRun(pages, statement.pieces));
    if (parts && (parts.verdict !== null || (Array.isArray(parts.result) && parts.result.length > 0))) {
      const goal = buildGoal({ ...parts, resultsOnly: true, legend: readVerdictLegend(pages) });
      scopeByColumnHeaders(goal, pages);
      setExtent(goal, block.cells.flatMap((c) => c.pieces));
      return goal;
    }
  }
  // A block opened by a bare "Mål:" label is a goal only with a target, result or verdict beside it.
  if (block.fromLabel && !reported) return null;
  const target = runOf(pages, cellOf('target'));
  // A target cell of its own ("Måltal⇥400") counts what the goal's wording counts.
  const targetFromCell = target ? targetOfCell(cleanText(target.text), cleanText(new TextRun(pages, wording.pieces).text)) : null;
  const result = runOf(pages, cellOf('result'));
  const national = runOf(pages, cellOf('national'));
  const verdict = runOf(pages, cellOf('verdict')) ?? (block.mark ? new TextRun(pages, [block.mark]) : null);
  // Every result line ("Resultat 2023:", "Resultat 2024:"), the country's and the cluster's, as printed.
  // A line labelled with the period the goal counts its change from ("December 2024:" under
  // "reduceres med 15 % i forhold til 2024") gives the baseline, not a result.
  const reference = referencePeriodOf(cleanText(new TextRun(pages, wording.pieces).text));
  const cellsOf = (role: Role): Cell[] => block.cells.filter((c) => c.role === role && c.pieces.length > 0 && !(reference && namesReferencePeriod(c.label, reference)));
  const inPrintOrder = (a: Cell, b: Cell): number => (a.pieces[0]?.page ?? 0) - (b.pieces[0]?.page ?? 0) || (a.pieces[0]?.start ?? 0) - (b.pieces[0]?.start ?? 0);
  const results: Span[] = [...cellsOf('result'), ...cellsOf('national'), ...cellsOf('area')].sort(inPrintOrder).map((c) => spanOf(new TextRun(pages, c.pieces)));
  const parts: GoalParts = {
    id: block.id,
    goal: new TextRun(pages, wording.pieces),
    ...(targetFromCell && targetFromCell.value !== null ? { target: targetFromCell } : target ? { targetText: cleanText(target.text) } : {}),
    result: results.length > 0 ? results : result,
    verdict,
    verdictFromResult: true,
    expectsVerdict: true,
    resultsOnly: true,
    legend: readVerdictLegend(pages),
    // Without a verdict line, the result sentence is what the document says of the goal; a
    // "Status" cell is the verdict slot itself, and one without a verdict leaves statusText empty.
    resultAsStatusText: verdict === null && !/^\s*status\b/iu.test(cellOf('result')?.label ?? ''),
  };
  const goal = buildGoal(parts);
  // The label, not the words of the cell, says whose figure a "Landstal:" cell holds.
  markNational(goal, cellsOf('national').flatMap((c) => c.pieces));
  markScope(goal, cellsOf('area').flatMap((c) => c.pieces), 'other');
  scopeByColumnHeaders(goal, pages);
  setExtent(goal, block.cells.flatMap((c) => c.pieces));
  return goal;
}

/** Figures read from a small table in the block take the scope its column header names ("Klynge", "Hele landet"). */
function scopeByColumnHeaders(goal: Goal, pages: readonly NormalisedPage[]): void {
  for (const a of goal.actual) {
    const p = a.provenance;
    const scope = p ? columnHeaderScope(pages, p.page, p.start) : null;
    if (scope) a.scope = scope;
  }
}

function runOf(pages: readonly NormalisedPage[], cell: Cell | undefined): TextRun | null {
  return cell && cell.pieces.length > 0 ? new TextRun(pages, cell.pieces) : null;
}
