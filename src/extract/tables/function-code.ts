// The account code a municipal budget table may print in a column of its own before the row
// labels: the kommunale kontoplan's "hovedkonto.hovedfunktion.funktion" ("5.57.72", "00.25.11",
// "6.45"). It names the account, so it is neither an amount nor a part of the label.

/** One to two digits, then one to three groups of two: "5.68", "5.68.90", "05.68.90.01". */
const FUNCTION_CODE = /^\d{1,2}(?:\.\d{2}){1,3}$/u;
/** The same code at the start of a label cell, set too close to the label for a cell gap. */
const LEADING_FUNCTION_CODE = /^\d{1,2}(?:\.\d{2}){1,3}\s+(?=\p{L})/u;

/** Function codes and cells that are not, as data. */
export const FUNCTION_CODE_EXAMPLES: readonly { cell: string; code: boolean }[] = [
  { cell: '5.57.72', code: true },
  { cell: '05.68.90', code: true },
  { cell: '6.45', code: true },
  { cell: '3.22.01.02', code: true },
  { cell: '41.205', code: false },
  { cell: '2.1', code: false },
  { cell: '12,5', code: false },
];

/** Whether a cell holds only a function code of the municipal chart of accounts. */
export function isFunctionCode(text: string): boolean {
  return FUNCTION_CODE.test(text.trim());
}

/** A row label without a function code printed in front of it ("5.57.72 Sygedagpenge" → "Sygedagpenge"). */
export function withoutFunctionCode(label: string): string {
  return label.replace(LEADING_FUNCTION_CODE, '');
}
