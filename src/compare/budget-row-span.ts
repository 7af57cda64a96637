// The budget export points each cell at the line of its row, not the whole table: the
// row's label is looked up in the table's snippet (after the rows before it, so two rows
// with one label keep their order), and the line that holds it becomes the provenance.
import type { PositionColumns } from './position-columns.js';

/**
 * The row's line inside the table's span, found from `searchFrom` (an offset into the
 * snippet); the table's own span when the label is not there. `next` is where to look for
 * the following row.
 */
export function budgetRowSpan(table: PositionColumns, label: string, searchFrom: number): { span: PositionColumns; next: number } {
  const text = table.snippet;
  const at = label.trim() ? text.indexOf(label.trim(), searchFrom) : -1;
  if (at < 0) return { span: table, next: searchFrom };
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const newline = text.indexOf('\n', at);
  const lineEnd = newline < 0 ? text.length : newline;
  return {
    span: {
      page: table.page,
      start_offset: table.start_offset + lineStart,
      end_offset: table.start_offset + lineEnd,
      snippet: text.slice(lineStart, lineEnd),
    },
    next: lineEnd,
  };
}
