// CSV as RFC 4180 says: fields separated by commas, records by CRLF, a field quoted
// when it holds a comma, a double quote, CR or LF (quotes inside doubled). UTF-8.
// null and undefined are empty fields; numbers use a decimal point; objects and
// arrays are written as JSON text.

export type CsvValue = string | number | boolean | null | undefined | readonly unknown[] | Record<string, unknown>;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
