import Papa from 'papaparse';

/** One CSV cell: numbers stay numbers (a spreadsheet sums them); absent values are empty cells. */
export type CsvCell = string | number | null | undefined;

/**
 * A text cell a spreadsheet could run as a formula: one that starts with = + - @ (after any blanks or line
 * breaks), or with a tab or carriage return (OWASP "CSV injection"). Papa's own default misses cells with a line
 * break after the formula (its pattern needs the whole cell on one line), so the pattern is ours.
 */
export const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;

/**
 * CSV with a header row and CRLF line ends, RFC 4180 quoting, and every text cell that could be a formula prefixed
 * with a quote mark: names, ids and notes come from SIS pages and users, which the reader of the file does not
 * control. Numbers are written as numbers, never neutralized.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c))) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
