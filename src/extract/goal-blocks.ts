// Goal blocks: a numbered goal label ("Mål 3.1.2", "Delmål 2") followed by labelled
// cells for the result ("Status", "Resultat") and the verdict ("Målopfyldelse",
// "Vurdering"), as in Word two-column tables or label/value lists. Lines belong to the
// open cell while they stay in its column; a line back at the label column that is no
// label (a theme row, a heading) closes the block.
import type { Goal, Warning } from '../schema/contract.js';
import type { NormalisedPage } from '../schema/normalised.js';
import { documentLines, TextRun, cleanText, type DocLine, type Piece } from './goal-text.js';
import { buildGoal, type GoalParts } from './goal-build.js';

/**
 * A goal label with the document's own id: "Mål 1.1", "Delmål 3.2", "Målsætning 4", "Mål nr. 2".
 * STAR's "Resultatmål"/"Fokusmål 1:" are kinds with an ordinal, read as kind lists instead.
 */
export const GOAL_ID_LABEL =
  /^[ \t]*(?:(?:Del|Effekt|Indsats|Lokalt\s+)?[Mm]ål|Målsætning|Måltal|Succeskriterie)\s+(?:nr\.\s*)?(\d+(?:\.\d+)*[a-z]?)(?=[\s.:)]|$)[.:)]?[ \t]*/u;
/** Labels of a result cell. */
export const RESULT_LABEL =
  /^[ \t]*(?:Status(?:\s+(?:pr\.|per)\s+\d{1,2}[./]\s*(?:\d{1,2}[./]?|\p{L}+)\s*\d{0,4}|\s+(?:19|20)\d\d)?|Resultat(?:er)?(?:\s+(?:19|20)\d\d)?|Opnået(?:\s+resultat)?|Opfølgning|Måling(?:er)?|Realiseret|Aktuel\s+status|Status\s+på\s+målet)[ \t]*:?(?=\s|$)[ \t]*/iu;
/** Labels of a verdict cell. */
export const VERDICT_LABEL =
  /^[ \t]*(?:Målopfyldelse|Målopnåelse|Vurdering|Opfyldelse|Status\s+på\s+målopfyldelse|Målet\s+opfyldt\??|Opfyldt\??)[ \t]*:?(?=\s|$)[ \t]*/iu;

type Role = 'goal' | 'result' | 'verdict';

interface Cell {
  role: Role;
  pieces: Piece[];
  contentX: number | null;
  lastY: number;
}

interface Block {
  id: string;
  cells: Cell[];
  labelX: number;
}

export function extractGoalBlocks(pages: readonly NormalisedPage[], warn: (w: Warning) => void): Goal[] {
  const lines = documentLines(pages);
  const blocks: Block[] = [];
  let block: Block | null = null;
  let previous: DocLine | null = null;
  const open = (line: DocLine, role: Role, labelEnd: number): Cell => {
    const rest = line.text.slice(labelEnd);
    const restX = contentXOf(line, line.start + labelEnd);
    const cell: Cell = { role, pieces: [], contentX: rest.trim() === '' ? null : restX, lastY: line.y };
    if (rest.trim() !== '') cell.pieces.push({ page: line.page, start: line.start + labelEnd, end: line.end });
    return cell;
  };
  for (const line of lines) {
    const goal = GOAL_ID_LABEL.exec(line.text);
    const current: Cell | undefined = block?.cells[block.cells.length - 1];
    if (goal && goal[1]) {
      if (block) blocks.push(block);
      block = { id: goal[1], cells: [open(line, 'goal', goal[0].length)], labelX: line.x };
    } else if (block && current) {
      const verdict = VERDICT_LABEL.exec(line.text);
      const result = verdict ? null : RESULT_LABEL.exec(line.text);
      if (verdict && current.role !== 'verdict') {
        block.cells.push(open(line, 'verdict', verdict[0].length));
      } else if (result && current.role === 'goal') {
        block.cells.push(open(line, 'result', result[0].length));
      } else if (continues(current, line, previous, block, pages)) {
        current.pieces.push({ page: line.page, start: line.start, end: line.end });
        if (current.contentX === null) current.contentX = line.x;
        current.lastY = line.y;
      } else {
        blocks.push(block);
        block = null;
      }
    } else if (VERDICT_LABEL.test(line.text) && line.text.replace(VERDICT_LABEL, '').trim() !== '' && blocks.length > 0) {
      warn({ code: 'status_without_goal', message: `a verdict cell with no goal before it: "${cleanText(line.text).slice(0, 80)}"`, page: line.page });
    }
    previous = line;
  }
  if (block) blocks.push(block);
  // A document whose "Mål N" lines never carry a result or verdict cell is not in this form.
  if (!blocks.some((b) => b.cells.some((c) => c.role !== 'goal'))) return [];
  return blocks.map((b) => toGoal(pages, b)).filter((g): g is Goal => g !== null);
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
    if (sofar === '' || /[.!?]$/u.test(sofar) || !/^\s*\p{Ll}/u.test(line.text)) return false;
    if (!line.hasLayout) return true;
    const gap = previous && previous.page === line.page ? line.y - previous.y : 0;
    return cell.contentX !== null && Math.abs(line.x - cell.contentX) < 4 && gap > 0 && gap < 2 * Math.max(10, lineSize(line));
  }
  // A heading after a finished sentence ends the block, so a last cell never runs on into the next section.
  const sofar = new TextRun(pages, cell.pieces).text.trim();
  if (/[.!?]$/u.test(sofar) && looksLikeHeading(line.text)) return false;
  if (!line.hasLayout) return true;
  // Back at the label column of a two-column layout, without a label: a theme row or heading.
  const twoColumns = cell.contentX !== null && cell.contentX - block.labelX > 12;
  return !(twoColumns && Math.abs(line.x - block.labelX) < 4);
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
  if (!goalCell || goalCell.pieces.length === 0) return null;
  const parts: GoalParts = {
    id: block.id,
    goal: new TextRun(pages, goalCell.pieces),
    result: runOf(pages, cellOf('result')),
    verdict: runOf(pages, cellOf('verdict')),
    verdictFromResult: true,
    expectsVerdict: true,
  };
  return buildGoal(parts);
}

function runOf(pages: readonly NormalisedPage[], cell: Cell | undefined): TextRun | null {
  return cell && cell.pieces.length > 0 ? new TextRun(pages, cell.pieces) : null;
}
