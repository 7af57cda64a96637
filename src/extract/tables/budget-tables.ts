// Tables of kroner from positioned text, ruled or not: rows of a label followed by
// amounts, a header of column names and a unit ("Beløb i 1.000 kr.", "mio. kr."),
// an "I alt" total. Columns are matched by the right edge of their amounts, so a row
// with an empty cell keeps its other amounts under the right header.
import type { BudgetRow, BudgetTable, MoneyAmount } from '../../schema/contract.js';
import type { NormalisedPage } from '../../schema/normalised.js';
import { tableUnitMultiplier } from '../../text/numbers.js';
import { amountDecimals, isAmountCell, isPercentCell, parseAmountCell } from './amount-cell.js';
import { isFunctionCode, withoutFunctionCode } from './function-code.js';
import { nearestTableUnit, statedTableUnit } from './table-unit.js';
import { namesCountUnit } from './table-count-units.js';
import { joinContinuedTables, type TablePart } from './table-continuation.js';
import { headerLeftBehind } from './header-left-behind.js';
import { joinWrapped } from '../../text/dehyphenate.js';
import type { ExtractionContext, WarningSink } from '../types.js';
import { danish } from '../common/danish-regex.js';
import { TOC_HEADING } from '../common/patterns.js';
import { cleanText, makeProvenance } from '../goals/goal-text.js';
import { cellWords, clusterEdges, tableLines, type Cell, type TableLine } from './table-layout.js';

/** Empty-cell marks inside a row of amounts. */
const EMPTY_CELL = /^[-–—.]$/u;
/** Row labels that mark the total. */
export const TOTAL_LABEL = danish(/^(?:i\s+alt|total|sum|samlet|i\s+alt\s+netto|netto\s+i\s+alt)\b/iu);
/** A group's subtotal ("Sum, forsørgelse", "I alt, integration"): a row of the table, never its total. */
const SUBTOTAL_LABEL = /^(?:i\s+alt|sum|total|samlet)\s*,\s*\p{L}/iu;
/** Words that make a table of numbers a table of money. */
const MONEY_WORDS = danish(
  /\b(?:budget\p{L}*|regnskab\p{L}*|forbrug\p{L}*|mindreforbrug|merforbrug|udgift\p{L}*|indtægt\p{L}*|bevilling\p{L}*|tillægsbevilling\p{L}*|økonomi\p{L}*|beløb|kr\.?|kroner|besparelse\p{L}*|råderum\p{L}*|overførsl?\p{L}*|afvigelse\p{L}*|ramme\p{L}*|løn\p{L}*|driftsudgift\p{L}*|anlæg\p{L}*)(?![\p{L}])/iu,
);
/** A table's own caption: "Tabel 2. Foreslåede indsatser", "Tabel 3: Drift", "Tab. 1 –", "Oversigt 2.". */
const CAPTION = danish(/^(?:tabel|tab\.|table|oversigt)\s*(?:\d+[a-z]?(?:\.\d+)*\s*[.:\u2013-]?|[.:\u2013-])\s*\p{L}/iu);
/** Abbreviations that end a header cell without ending a sentence ("Forbrug pr.", "Korr. budget inkl."),
 * also as the tail of a compound ("Tillægsbev.", "Driftsudg."). */
const ABBREVIATION_END =
  /(?:^|[\s(])(?:pr|ca|nr|inkl|ekskl|jf|vedr|mio|mia|mill|kr|tkr|t\.kr|korr|opr|oprind|forv|akk|gns|stk|ændr|dvs|mv|m\.v|bl\.a|o\.l|budg|regn|forbr|udg|indt)\.$|(?:^|[\s(])\p{L}+(?:bev|bevill|budg|regnsk|forbr|udg|indt|afv|overf|korr|forv)\.$/iu;
/** A header cell that is a year ("2024", "B2025", "R 2023"): a column name, never an amount. */
const YEAR_CELL = /^(?:[A-ZÆØÅ]{1,2}\s?)?(?:19|20)\d\d$/u;

/** Each extracted table's last printed digit in kroner; read by the total check. */
const printedResolutions = new WeakMap<BudgetTable, number>();

export function printedResolutionOf(table: BudgetTable): number | undefined {
  return printedResolutions.get(table);
}

interface Row {
  line: TableLine;
  label: string;
  labelCell: Cell | null;
  amounts: Cell[];
  /** Percentage cells beside the amounts (a share or change column): read by the percentages, not here. */
  percents: Cell[];
  /** The last line of a label wrapped below the row's amounts. */
  continued?: TableLine;
}

/** Most lines a table's header may take: caption, unit and column names wrapped over three lines. */
const MAX_HEADER_LINES = 5;

/** Most lines one wrapped row label may run onto below its amounts. */
const MAX_LABEL_CONTINUATION = 2;

/** A line holding only a short piece of a row label. */
function isLabelLine(line: TableLine): boolean {
  return line.cells.length === 1 && line.text.length <= 80 && amountRow(line) === null;
}

function startsLowerCase(line: TableLine): boolean {
  return /^\p{Ll}/u.test(line.text.trim());
}

/** An amount row follows `from`, after at most `labels` label-only lines. */
function rowAfterLabels(lines: readonly TableLine[], from: number, labels: number): boolean {
  for (let k = from; k < lines.length && k <= from + labels; k++) {
    const line = lines[k];
    if (!line) return false;
    if (amountRow(line)) return true;
    if (!isLabelLine(line)) return false;
  }
  return false;
}

/**
 * The last row's label wrapping below it with nothing after (the end of the table): with
 * layout, only when the line sits right under the row, inside the label column, left of
 * the amounts. Without layout the table's end is not evidence enough.
 */
function continuesLabelColumn(line: TableLine, row: Row): boolean {
  const cell = line.cells[0];
  const above = row.continued ?? row.line;
  if (!line.hasLayout || !cell || cell.left === null || cell.right === null || !row.labelCell || row.labelCell.left === null) return false;
  const firstAmount = Math.min(...row.amounts.map((c) => c.left ?? Infinity));
  const close = line.y - above.y <= 1.6 * Math.max(line.size, above.size, 8);
  return close && Math.abs(cell.left - row.labelCell.left) <= 12 && cell.right < firstAmount - 4;
}

export function extractBudgetTables(
  ctx: ExtractionContext,
  _warn: WarningSink,
): { tables: BudgetTable[]; cellAmounts: MoneyAmount[] } {
  const parts: TablePart[] = [];
  for (const page of ctx.pages) {
    const lines = tableLines(page).filter((l) => l.cells.length > 0);
    let i = 0;
    while (i < lines.length) {
      const group = collectRows(lines, i);
      if (!group) {
        i++;
        continue;
      }
      // A table of contents ("1. Sammenfatning … 2") lists pages, not kroner.
      if (isTableOfContents(group.rows, ctx.pages.length, contentsEvidence(lines, i, group.rows, ctx))) {
        i = group.next;
        continue;
      }
      const built = buildTable(ctx, page, lines, i, group.rows);
      const endsPage = group.next >= lines.length;
      // One row alone is a table only as a part of one cut by a page break: it ends or opens its page.
      if (built && (group.rows.length >= 2 || built.opensPage || endsPage)) parts.push({ ...built, endsPage });
      i = group.next;
    }
  }
  // A single row (or a total alone) counts only when it joined a part across a page break.
  const joined = joinContinuedTables(parts).filter((p) => p.moneyEvidence && p.table.rows.length + (p.table.total ? 1 : 0) >= 2);
  for (const part of joined) printedResolutions.set(part.table, part.resolution);
  return { tables: joined.map((p) => p.table), cellAmounts: joined.flatMap((p) => p.cells) };
}

/** A numbered section title: "1. Sammenfatning", "2.3 Bemærkninger", "Bilag 2". */
const SECTION_TITLE = /^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}|bilag\s+\d)/iu;

/**
 * Rows that list pages: one whole number each, none above the document's page count, never
 * falling, beside numbered section titles. Such a "table" is the contents, not amounts.
 * A list headed as contents ("Indholdsfortegnelse") or naming the document's own agenda items
 * may count past the PDF's pages: agenda systems number the printed agenda with its cover and
 * appendices, and the PDF holds only part of it ("5. Eventuelt … 9" in a seven-page file).
 */
export function isTableOfContents(rows: readonly { label: string; amounts: readonly { text: string }[] }[], pageCount: number, listsContents = false): boolean {
  if (rows.length < 2 || !rows.every((r) => r.amounts.length === 1)) return false;
  const pages = rows.map((r) => (/^\d{1,3}$/u.test(r.amounts[0]?.text.trim() ?? '') ? Number(r.amounts[0]?.text.trim()) : NaN));
  if (pages.some((n) => !Number.isInteger(n) || n < 1 || (!listsContents && n > pageCount))) return false;
  if (pages.some((n, k) => k > 0 && n < (pages[k - 1] ?? 0))) return false;
  return rows.filter((r) => SECTION_TITLE.test(r.label)).length * 2 > rows.length;
}

/** Lines above a group of rows searched for a contents heading. */
const CONTENTS_HEADING_REACH = 3;

/**
 * Evidence that rows list the document's contents: a contents heading just above them, or
 * labels that are the titles of its agenda items ("4. Salg af grund" heading an item too).
 */
function contentsEvidence(lines: readonly TableLine[], start: number, rows: readonly Row[], ctx: ExtractionContext): boolean {
  for (let k = start - 1; k >= Math.max(0, start - CONTENTS_HEADING_REACH); k--) if (TOC_HEADING.test(lines[k]?.text ?? '')) return true;
  const titles = new Set(ctx.agendaItems.map((item) => comparableTitle(item.title)));
  return rows.filter((r) => titles.has(comparableTitle(r.label))).length * 2 > rows.length;
}

/** A title without its item number, spacing or case: "4. Salg af grund" → "salg af grund". */
const comparableTitle = (title: string): string => title.replace(/^\s*(?:punkt\s+)?\d{1,3}\.?\s+/iu, '').replace(/\s+/gu, ' ').trim().toLowerCase();

function amountRow(line: TableLine): Row | null {
  if (line.cells.length < 2) return null;
  // A function-code column before the labels ("5.57.72 | Sygedagpenge | …") is neither label nor value.
  const coded = line.cells.length >= 3 && isFunctionCode(line.cells[0]?.text ?? '') && /\p{L}/u.test(line.cells[1]?.text ?? '');
  const cells = coded ? line.cells.slice(1) : line.cells;
  const first = cells[0];
  if (!first) return null;
  const rest = cells.slice(1);
  const hasLabel = /\p{L}/u.test(first.text);
  // A table of contents ("Punkt ........ 12") is not a table of amounts.
  if (/\.{4,}|…{2,}/u.test(first.text)) return null;
  const values = hasLabel ? rest : cells;
  // A percentage column among the kroner ("Forbrugsprocent", "Udvikling") belongs to the row but holds no amount.
  if (!values.every((c) => isAmountCell(c.text) || EMPTY_CELL.test(c.text) || isPercentCell(c.text))) return null;
  const amounts = values.filter((c) => isAmountCell(c.text));
  if (amounts.length === 0 || !hasLabel) return null;
  // A row of years is a header, not amounts.
  if (amounts.every((c) => YEAR_CELL.test(c.text))) return null;
  return {
    line,
    label: cleanText(withoutFunctionCode(first.text)),
    labelCell: first,
    amounts: values.filter((c) => !isPercentCell(c.text)),
    percents: values.filter((c) => isPercentCell(c.text)),
  };
}

/** Consecutive amount rows from `start`; one-cell lines between them continue a label. */
function collectRows(lines: readonly TableLine[], start: number): { rows: Row[]; next: number } | null {
  const first = lines[start] ? amountRow(lines[start]) : null;
  if (!first) return null;
  const rows: Row[] = [first];
  let i = start + 1;
  let pendingLabel: TableLine[] = [];
  while (i < lines.length) {
    const line = lines[i];
    if (!line) break;
    const row = amountRow(line);
    const last = rows.at(-1);
    const previous = last?.continued ?? last?.line ?? first.line;
    if (line.hasLayout && line.y - previous.y > 4 * Math.max(line.size, 8) && pendingLabel.length === 0) break;
    if (row) {
      // Lines above a row start its label when the row's own label goes on in lower case ("Ny
      // skole" / "i Vestbyen 12.000"); above a row with a label of its own they are a group heading.
      if (pendingLabel.length > 0 && /^\p{Ll}/u.test(row.label)) row.label = cleanText([...pendingLabel.map((l) => l.text), row.label].reduce((a, b) => joinWrapped(a, b)));
      pendingLabel = [];
      rows.push(row);
      i++;
      continue;
    }
    // A wrapped label: one short cell, no amounts, and more rows after it (a label may
    // wrap onto two or three lines). A line starting in lower case continues the row
    // above, whose amounts stood on its first line; others start the label of the next row.
    if (isLabelLine(line) && pendingLabel.length < 2) {
      const startsLower = startsLowerCase(line);
      const last = rows.at(-1);
      const rowFollows = rowAfterLabels(lines, i + 1, MAX_LABEL_CONTINUATION);
      if (startsLower && last && pendingLabel.length === 0 && (rowFollows || continuesLabelColumn(line, last))) {
        last.label = cleanText(joinWrapped(last.label, line.text));
        last.continued = line;
        i++;
        continue;
      }
      // A label printed above its amounts: one line, or two when the second starts in lower case.
      const next = lines[i + 1];
      const nextContinues = pendingLabel.length === 0 && next !== undefined && isLabelLine(next) && startsLowerCase(next) && rowAfterLabels(lines, i + 2, 0);
      if (rowAfterLabels(lines, i + 1, 0) || nextContinues) {
        pendingLabel.push(line);
        i++;
        continue;
      }
    }
    break;
  }
  return { rows, next: i };
}

function buildTable(
  ctx: ExtractionContext,
  page: NormalisedPage,
  lines: readonly TableLine[],
  firstRowIndex: number,
  rows: Row[],
): Omit<TablePart, 'endsPage'> | null {
  // The first row's label may begin on the line above its amounts ("Ny skole" / "i Vestbyen  12.000").
  const absorbed = absorbLabelAbove(lines, firstRowIndex, rows[0]);
  const labelLeft = Math.min(...rows.map((r) => r.labelCell?.left ?? Infinity));
  // Under a repeated header, the end of the last label of the page before ("Tilskud til private og" / "selvejende institutioner").
  const labelCarried = absorbed ? null : labelCarriedOver(lines, firstRowIndex, labelLeft);
  const firstIndex = firstRowIndex - (absorbed || labelCarried !== null ? 1 : 0);
  // Header lines: up to five lines straight above the rows (caption, unit, column names
  // over two or three lines), without a sentence in them.
  const header: TableLine[] = [];
  const percentEdges = percentColumns(rows);
  const columns = columnEdges(rows);
  for (let k = firstIndex - 1; k >= 0 && header.length < MAX_HEADER_LINES; k--) {
    const line = lines[k];
    if (!line) break;
    const text = line.text.trim();
    const tabbed = line.cells.length > 1;
    const words = text.split(/\s+/u).length;
    if (text === '' || amountRow(line)) break;
    // A caption ("Tabel 3. …", however long) is the top of the header.
    if (!tabbed && CAPTION.test(text)) {
      header.unshift(line);
      break;
    }
    // A short cell standing over the amount columns names a column ("pr. 30.6.", "Tillægsbevillinger"
    // wrapped onto a line of its own between the others), whatever it ends with.
    const columnName = (c: Cell): boolean => line.hasLayout && c.text.split(/\s+/u).length <= 4 && isOverColumns(c, columns, labelLeft);
    // Header cells are short names, not sentences ("Vedtaget. Byrådet 31. januar", "Målet er nået.").
    // Two column names printed too close for a gap ("Forbrug pr. 30.9. Forventet regnskab") stand over two amount columns.
    const namesTwoColumns = (c: Cell): boolean =>
      line.hasLayout && c.left !== null && c.right !== null && c.left > labelLeft + 20 && c.text.split(/\s+/u).length <= MAX_JOINED_NAME_WORDS &&
      columns.filter((edge) => edge > (c.left ?? 0) && edge <= (c.right ?? 0) + 5).length >= 2;
    const sentence = (c: Cell): boolean =>
      !columnName(c) &&
      !namesTwoColumns(c) &&
      (/\.\s+\p{Lu}/u.test(c.text) ||
        c.text.split(/\s+/u).length > 6 ||
        (/\.$/u.test(c.text) && statedTableUnit(c.text) === null && !ABBREVIATION_END.test(c.text) && !abbreviatedColumnName(c, line, columns, labelLeft)));
    if (tabbed && line.cells.some(sentence)) break;
    const unit = statedTableUnit(text);
    const overColumns = !tabbed && line.cells[0] !== undefined && columnName(line.cells[0]);
    if (!tabbed && !overColumns && (words > 10 || (/[.:]$/u.test(text) && !(words <= 6 && unit !== null)))) break;
    header.unshift(line);
    // A one-cell line above the column headers is the caption: the header ends there.
    if (!tabbed && !overColumns && header.length > 1 && unit === null) break;
  }
  const headerText = header.map((l) => l.text).join(' ');
  // The line just above the header may be the table's caption.
  const captionLine = lines[firstIndex - header.length - 1];
  const beforeText = captionLine?.text.trim() ?? '';
  const before = beforeText.split(/\s+/u).length <= 12 || CAPTION.test(beforeText) ? beforeText : '';
  // The unit nearest the amounts: a header line or corner cell, else a short unit line just
  // above, or — for a table that opens its page — the last line of the page before.
  const shortLine = (t: string | undefined): string[] => (t !== undefined && t.trim() !== '' && t.trim().split(/\s+/u).length <= 6 ? [t] : []);
  const opensPage = firstIndex - header.length === 0;
  const previousPageLine = opensPage ? lastLineBefore(ctx, page.number) : undefined;
  const leftBehind = opensPage ? headerLeftOnPageBefore(ctx, page.number) : [];
  const statedUnit = nearestTableUnit([...leftBehind, ...shortLine(previousPageLine), ...shortLine(before), ...header.map((l) => l.text)]);
  const multiplier = statedUnit ?? 1;
  // A corner cell naming people or cases ("Helårspersoner", "Antal") makes a table of counts, not kroner.
  // The corner cell may stand on a line of its own, centred between the header lines (Word, Writer).
  const atLabels = (c: Cell | undefined): c is Cell => c !== undefined && (c.left === null || Math.abs(c.left - labelLeft) <= 12);
  const cornerCells = header.flatMap((l) => {
    const first = l.cells[0];
    if (l.cells.length > 1) return atLabels(first) ? [first] : [];
    return atLabels(first) && first.left !== null && first.text.split(/\s+/u).length <= 3 ? [first] : [];
  });
  if (statedUnit === null && cornerCells.some((c) => namesCountUnit(c.text))) return null;
  // A percentage column marks a table of statistics as often as one of kroner ("Udvikling" beside
  // counts of persons): then a row label ("Løntilskud") is no evidence, the unit or header must say it.
  const labelsAreEvidence = !rows.some((r) => r.percents.length > 0);
  const moneyEvidence =
    statedUnit !== null ||
    MONEY_WORDS.test(headerText) ||
    (labelsAreEvidence && rows.some((r) => MONEY_WORDS.test(r.label))) ||
    MONEY_WORDS.test(before);
  // A part opening its page may continue a table of kroner from the page before: kept until that is known.
  if (!moneyEvidence && firstIndex - header.length !== 0) return null;

  const names = columnNames(header, columns, rows, percentEdges);
  const unitLine = header.find((l) => statedTableUnit(l.text) !== null);
  const titleLine = header.find((l) => l !== unitLine && l.cells.length === 1 && !(l.cells[0] && isOverColumns(l.cells[0], columns, labelLeft)));
  // The table's own caption ("Tabel 2. …") names it better than the agenda item it stands in.
  // A caption wrapped onto a second line ("Tabel 1. … og" / "beskæftigelsesindsats") keeps both.
  const wrapped = titleLine && /^\p{Ll}/u.test(titleLine.text.trim()) ? ` ${titleLine.text.trim()}` : '';
  const caption = [
    ...header.map((l) => l.text),
    `${before}${wrapped}`,
    firstIndex - header.length === 0 ? lastLineBefore(ctx, page.number) : undefined,
  ]
    .map((t) => (t ?? '').trim())
    .find((t) => CAPTION.test(t));
  const baseTitle = caption
    ? cleanText(caption)
    : titleLine
      ? cleanText(titleLine.text)
      : (agendaTitle(ctx, page.number, rows[0]?.line.start ?? 0) ??
        (before !== '' && !isSentence(before) && (captionLine?.cells.length ?? 0) === 1 ? cleanText(before) : null) ??
        headingAbove(lines, firstIndex - header.length, rows[0]?.line.size ?? 0) ??
        (before !== '' ? cleanText(before) : cleanText(header[0]?.text ?? 'Tabel')));
  // A unit printed in parentheses ("(1.000 kr.)") is not wrapped in a second pair.
  const unitCellText = unitLine ? (unitLine.cells.find((c) => statedTableUnit(c.text) !== null)?.text ?? unitLine.text) : null;
  const unitText = unitCellText === null ? null : cleanText(unitCellText.trim().replace(/^\((.*)\)$/u, '$1'));
  const title = unitText && !baseTitle.includes(unitText) ? `${baseTitle} (${unitText})` : baseTitle;

  const budgetRows: BudgetRow[] = [];
  const cells: MoneyAmount[] = [];
  for (const row of rows) {
    const values: (number | null)[] = columns.map(() => null);
    row.amounts.forEach((cell, k) => {
      const col = columnOf(cell, k, row.amounts.length, columns);
      const parsed = parseAmountCell(cell.text);
      if (parsed === null || col < 0) return;
      const value = Math.round(parsed * multiplier * 1e6) / 1e6;
      values[col] = value;
      cells.push({
        value,
        currency: 'DKK',
        context: `${row.label}${names[col] ? ` – ${names[col]}` : ''}`,
        raw: cell.text,
        provenance: makeProvenance(ctx.pages, page.number, cell.start, cell.end),
      });
    });
    budgetRows.push({ label: row.label, values });
  }
  // The size of the last printed digit, for the total check: "84,2" in mio. kr. → 100000.
  const decimals = Math.max(0, ...rows.flatMap((r) => r.amounts.map((c) => amountDecimals(c.text))));
  const resolution = multiplier / 10 ** decimals;
  const last = budgetRows.at(-1);
  const total = last && TOTAL_LABEL.test(last.label) && !SUBTOTAL_LABEL.test(last.label) ? last : null;
  const firstLine = header[0] ?? rows[0]?.line;
  const lastLine = rows.at(-1)?.continued ?? rows.at(-1)?.line;
  const provenance = makeProvenance(ctx.pages, page.number, firstLine?.start ?? 0, lastLine?.end ?? 0);
  const table: BudgetTable = { title, unit: 'DKK', columns: names, rows: total ? budgetRows.slice(0, -1) : budgetRows, total, provenance };
  const opened = firstIndex - header.length === 0;
  return { table, cells, page: page.number, opensPage: opened, statedUnit, resolution, moneyEvidence, ...(labelCarried !== null && opened ? { labelCarried } : {}) };
}

/** A line of running text ("Udgifterne fordeler sig som vist i tabellen."), not a name for a table. */
function isSentence(text: string): boolean {
  // A full stop after a word, not after a section number ("4. Udgifter til forsørgelse").
  return /\p{L}\.\s+\p{Lu}/u.test(text) || (/[.:]$/u.test(text) && text.split(/\s+/u).length > 3);
}

/** Most words a heading above a table has. */
const MAX_HEADING_WORDS = 12;

/**
 * The nearest heading above a table on its page, for a report's table without a caption: a
 * short line in a larger type than the rows ("4. Udgifter til forsørgelse", "Økonomi"). Another
 * table's rows above end the search.
 */
function headingAbove(lines: readonly TableLine[], top: number, rowSize: number): string | null {
  for (let k = top - 1; k >= 0; k--) {
    const line = lines[k];
    if (!line || amountRow(line)) return null;
    const text = line.text.trim();
    if (!line.hasLayout || line.cells.length !== 1 || !/\p{L}/u.test(text) || isSentence(text)) continue;
    if (line.size >= rowSize + 1.5 && text.split(/\s+/u).length <= MAX_HEADING_WORDS) return cleanText(text);
  }
  return null;
}

/**
 * A one-cell line in lower case between a header of column names and the first row, in the
 * label column: the rest of a row label the page break cut ("Tilskud til private og" ending one
 * page, "selvejende institutioner" under the header repeated on the next). Its text, or null.
 */
function labelCarriedOver(lines: readonly TableLine[], index: number, labelLeft: number): string | null {
  const line = lines[index - 1];
  const above = lines[index - 2];
  const cell = line?.cells[0];
  if (!line || !above || !cell || !line.hasLayout || !isLabelLine(line) || !startsLowerCase(line)) return null;
  if (cell.left === null || Math.abs(cell.left - labelLeft) > 12) return null;
  // The line above must be column names (several cells, none an amount), not a paragraph.
  if (above.cells.length < 2 || amountRow(above) !== null) return null;
  return line.text.trim();
}

/**
 * A one-cell line straight above the first row, in its label column, when that row's label
 * starts in lower case: the start of the label, not a header. Sets the joined label.
 */
function absorbLabelAbove(lines: readonly TableLine[], index: number, row: Row | undefined): boolean {
  const above = lines[index - 1];
  if (!row || !above || !isLabelLine(above) || !/^\p{Ll}/u.test(row.label) || CAPTION.test(above.text.trim())) return false;
  const cell = above.cells[0];
  const labelLeft = row.labelCell?.left ?? null;
  if (above.hasLayout && (!cell || cell.left === null || labelLeft === null || Math.abs(cell.left - labelLeft) > 12 || row.line.y - above.y > 1.6 * Math.max(row.line.size, 8))) return false;
  row.label = cleanText(joinWrapped(above.text, row.label));
  return true;
}

/**
 * Right edges of the amount columns (with layout), else one slot per amount counted from the
 * right. Amounts are mostly right-aligned; a Writer or Word table left-aligns them by default
 * ("41.205" over "0" both start at 297): then the left edges line up where the right ones do
 * not, and each column's right edge is its widest amount's.
 */
/** Words of two column names printed as one cell at most. */
const MAX_JOINED_NAME_WORDS = 8;

function columnEdges(rows: readonly Row[]): number[] {
  const hasLayout = rows.every((r) => r.amounts.every((c) => c.right !== null));
  if (!hasLayout) {
    const width = Math.max(...rows.map((r) => r.amounts.length));
    return Array.from({ length: width }, (_, k) => k);
  }
  const cells = rows.flatMap((r) => r.amounts);
  const rights = clusterEdges(cells.map((c) => c.right ?? 0), 12);
  const lefts = clusterEdges(cells.map((c) => c.left ?? 0), 12);
  if (lefts.length >= rights.length) return rights;
  const edges = lefts.map((l) => Math.max(...cells.filter((c) => nearestEdge(c.left ?? 0, lefts) === lefts.indexOf(l)).map((c) => c.right ?? 0)));
  leftAlignedColumns.set(edges, lefts);
  return edges;
}

/** The left edges of left-aligned amount columns, by the right-edge list columnEdges gave for them. */
const leftAlignedColumns = new WeakMap<readonly number[], readonly number[]>();

function columnOf(cell: Cell, index: number, count: number, columns: readonly number[]): number {
  if (cell.right === null) return columns.length - count + index;
  const lefts = leftAlignedColumns.get(columns);
  if (lefts && cell.left !== null) return nearestEdge(cell.left, lefts);
  let best = -1;
  let bestDistance = Infinity;
  columns.forEach((edge, k) => {
    const d = Math.abs(edge - (cell.right ?? 0));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  });
  return best;
}

/**
 * A one-word cell ending in a full stop over an amount column, on a line with other
 * column names ("Tillægsbev.", "Forv.regnsk."): a column name cut short to fit its
 * column, not a sentence. Sentences run past one word or start at the labels.
 */
function abbreviatedColumnName(cell: Cell, line: TableLine, columns: readonly number[], labelLeft: number): boolean {
  if (!/^\p{L}[\p{L}.\-/]*\.$/u.test(cell.text) || !line.hasLayout) return false;
  if (!isOverColumns(cell, columns, labelLeft)) return false;
  return line.cells.filter((c) => c !== cell && isOverColumns(c, columns, labelLeft)).length >= 1;
}

/** A one-cell header line standing over the amount columns (a column name), not a caption starting at the labels. */
function isOverColumns(cell: Cell, columns: readonly number[], labelLeft: number): boolean {
  if (cell.left === null || cell.right === null || cell.left <= labelLeft + 20) return false;
  return columns.some((edge) => (cell.right ?? 0) > edge - 80 && (cell.left ?? 0) < edge + 5);
}

/**
 * Right edges of the rows' percentage columns (with layout). An empty mark standing in such a
 * column ("–" where nothing was budgeted) is dropped from the amounts, so it opens no kroner column.
 */
function percentColumns(rows: Row[]): number[] {
  const percents = rows.flatMap((r) => r.percents);
  if (percents.length === 0 || percents.some((c) => c.right === null)) return [];
  const edges = clusterEdges(percents.map((c) => c.right ?? 0), 12);
  const amountRights = rows.flatMap((r) => r.amounts.filter((c) => isAmountCell(c.text)).map((c) => c.right ?? 0));
  const near = (x: number, xs: readonly number[]): boolean => xs.some((e) => Math.abs(e - x) <= 12);
  for (const row of rows) {
    row.amounts = row.amounts.filter((c) => !(EMPTY_CELL.test(c.text) && c.right !== null && near(c.right, edges) && !near(c.right, amountRights)));
  }
  return edges;
}

/** Column names from the header cells above each column; the unit header names a single column. */
function columnNames(header: readonly TableLine[], columns: readonly number[], rows: readonly Row[], percentEdges: readonly number[]): string[] {
  const names = columns.map((): string => '');
  const labelRight = Math.max(0, ...rows.map((r) => r.labelCell?.right ?? 0));
  for (const line of header) {
    const labelLeft = Math.min(...rows.map((r) => r.labelCell?.left ?? Infinity));
    const valueCells = line.cells.filter((c) => (c.left === null ? true : c.right !== null && c.right > labelRight + 1 && c.left > labelLeft + 20));
    const cellsOver = line.hasLayout ? valueCells : line.cells.slice(line.cells.length > columns.length ? line.cells.length - columns.length : 0);
    if (cellsOver.length === 0) continue;
    const named = cellsOver.filter((c) => !(tableUnitMultiplier(c.text) !== null && c.text.split(/\s+/u).length <= 4));
    if (named.length === 0) continue;
    const pieces = named.flatMap((cell) => splitAcrossColumns(cell, columns));
    pieces.forEach((cell, k) => {
      const col = cell.right === null ? columns.length - pieces.length + k : nearestColumn(cell, columns);
      if (col < 0 || col >= names.length) return;
      // The name of a percentage column ("Forbrugsprocent") names no kroner column.
      if (cell.right !== null && percentEdges.length > 0 && columnDistance(cell, percentEdges[nearestColumn(cell, percentEdges)] ?? Infinity) < columnDistance(cell, columns[col] ?? Infinity)) return;
      names[col] = cleanText(joinWrapped(names[col] ?? '', cell.text));
    });
  }
  if (names.every((n) => n.length === 0)) {
    const unit = header.map((l) => l.cells.find((c) => tableUnitMultiplier(c.text) !== null)?.text).find((t) => t !== undefined);
    if (unit && names.length === 1) names[0] = cleanText(unit);
  }
  return names;
}

/**
 * A header cell over several amount columns: in a narrow column the names of neighbouring
 * columns stand closer than a cell gap and arrive as one cell ("Budget Forventet Afvigelse").
 * Its words are placed by their share of the characters and each goes to the column its
 * right end is nearest; a cell whose words all fall under one column stays whole.
 */
function splitAcrossColumns(cell: Cell, columns: readonly number[]): Cell[] {
  if (cell.left === null || cell.right === null) return [cell];
  const { left, right } = cell;
  const spanned = columns.filter((edge) => edge > left + 10 && edge < right + 8);
  if (spanned.length < 2) return [cell];
  const words = cellWords(cell).map((piece) => ({ piece, col: nearestEdge(piece.right ?? right, columns) }));
  const groups: { cells: Cell[]; col: number }[] = [];
  for (const w of words) {
    const last = groups.at(-1);
    if (last && last.col === w.col) last.cells.push(w.piece);
    else groups.push({ cells: [w.piece], col: w.col });
  }
  // Groups must run left to right over distinct columns, else the cell is one spanning name.
  if (groups.length < 2 || groups.some((g, k) => k > 0 && g.col <= (groups[k - 1]?.col ?? -1))) return [cell];
  return groups.map(({ cells }) => {
    const first = cells[0] ?? cell;
    const lastCell = cells.at(-1) ?? cell;
    return { text: cell.text.slice(first.start - cell.start, lastCell.end - cell.start), start: first.start, end: lastCell.end, left: first.left, right: lastCell.right };
  });
}

function nearestEdge(x: number, columns: readonly number[]): number {
  let best = -1;
  let bestDistance = Infinity;
  columns.forEach((edge, k) => {
    if (Math.abs(edge - x) < bestDistance) {
      best = k;
      bestDistance = Math.abs(edge - x);
    }
  });
  return best;
}

/** How far a header cell stands from a column's right edge; a header may be centred or right-aligned over its column. */
function columnDistance(cell: Cell, edge: number): number {
  const centre = ((cell.left ?? 0) + (cell.right ?? 0)) / 2;
  return Math.min(Math.abs(edge - (cell.right ?? 0)), Math.abs(edge - centre) * 1.5);
}

function nearestColumn(cell: Cell, columns: readonly number[]): number {
  let best = -1;
  let bestDistance = Infinity;
  columns.forEach((edge, k) => {
    const d = columnDistance(cell, edge);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  });
  return best;
}

/** The header lines a table opening this page left at the foot of the page before (see header-left-behind). */
function headerLeftOnPageBefore(ctx: ExtractionContext, page: number): string[] {
  const previous = ctx.pages.find((p) => p.number === page - 1);
  return previous ? headerLeftBehind(tableLines(previous).filter((l) => l.cells.length > 0), (l) => amountRow(l) !== null) : [];
}

/** The last line of the previous page: a caption left behind when the table moved to the next page. */
function lastLineBefore(ctx: ExtractionContext, page: number): string | undefined {
  const previous = ctx.pages.find((p) => p.number === page - 1);
  const last = previous?.lines.at(-1);
  return previous && last ? previous.text.slice(last.start, last.end) : undefined;
}

function agendaTitle(ctx: ExtractionContext, page: number, offset: number): string | null {
  let title: string | null = null;
  for (const item of ctx.agendaItems) {
    const p = item.provenance;
    if (p.page < page || (p.page === page && p.start <= offset)) title = item.title;
  }
  return title;
}
