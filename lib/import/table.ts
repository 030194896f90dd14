import Papa from 'papaparse';
import { ImportError, type Progress, PROGRESS_EVERY } from './errors';
import { headerKey } from './values';

/** Which header spellings name a field: `{ grade: ['grade', 'gradelevel'] }` (compared as header keys). */
export type ColumnAliases<F extends string> = Record<F, readonly string[]>;

export interface TableRow<F extends string> {
  /** Data row number, 1 for the first row under the header. */
  row: number;
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  get(field: F): string;
  has(field: F): boolean;
  /** Runs a cell reader, turning its error into an ImportError naming file, row and column. */
  read<T>(field: F, reader: (cell: string) => T): T;
  fail(field: F | null, problem: string): never;
}

/**
 * Which column (by position) feeds each field: the first header whose key is one of the field's spellings.
 * The reader and the import preview ("Name ← Student Last Name") use this one matching.
 */
export function matchColumns<F extends string>(header: readonly string[], aliases: ColumnAliases<F>): Map<F, number> {
  const keys = header.map(headerKey);
  const out = new Map<F, number>();
  for (const field of Object.keys(aliases) as F[]) {
    const at = keys.findIndex((k) => aliases[field].includes(k));
    if (at >= 0) out.set(field, at);
  }
  return out;
}

/**
 * Reads a CSV export with a header row into rows addressed by field name. Lines are tracked so errors can name
 * both the spreadsheet row and the file line even when quoted cells span lines.
 */
export function readImportTable<F extends string>(
  text: string,
  file: string,
  aliases: ColumnAliases<F>,
  onRow: (row: TableRow<F>) => void,
  opts: { onProgress?: Progress; required?: Partial<Record<F, string>> } = {},
): { columns: Set<F> } {
  const { onProgress, required = {} } = opts;
  text = text.replace(/^\uFEFF/, ''); // Excel's byte-order mark would shift the cursor offsets
  let header: string[] | null = null;
  const index = new Map<F, number>();
  let cursor = 0;
  let line = 1;
  let n = 0;
  const advance = (to: number) => {
    for (let i = cursor; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    cursor = to;
  };

  let failure: unknown = null;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      try {
        // Blank lines skipped before this row still move it down.
        let skip = cursor;
        while (skip < text.length && (text.charCodeAt(skip) === 10 || text.charCodeAt(skip) === 13)) skip++;
        advance(skip);
        const startLine = line;
        // A one-column file has no delimiter to detect: that is not an error.
        const errors = result.errors.filter((e) => e.type !== 'Delimiter');
        if (errors.length) {
          throw new ImportError(
            file,
            `malformed CSV (${(errors[0]?.message ?? '').replace(/"[^"]*"/g, '…')})`,
            header ? { row: n + 1, line: startLine } : { line: startLine },
          );
        }
        if (!header) {
          header = result.data.map((h) => h.trim());
          for (const [field, at] of matchColumns(header, aliases)) index.set(field, at);
          for (const [field, problem] of Object.entries(required) as [F, string][]) {
            if (!index.has(field)) throw new ImportError(file, problem, { line: startLine });
          }
        } else {
          n++;
          const cells = result.data;
          const at = { row: n, line: startLine };
          const columnName = (f: F | null) => (f === null ? undefined : index.has(f) ? header![index.get(f)!] : f);
          const row: TableRow<F> = {
            row: n,
            line: startLine,
            get: (f) => (index.has(f) ? (cells[index.get(f)!] ?? '').trim() : ''),
            has: (f) => index.has(f),
            read: (f, reader) => {
              try {
                return reader(row.get(f));
              } catch (e) {
                if (e instanceof ImportError) throw e;
                throw new ImportError(file, (e as Error).message, { ...at, field: columnName(f) });
              }
            },
            fail: (f, problem) => {
              throw new ImportError(file, problem, { ...at, field: columnName(f) });
            },
          };
          onRow(row);
          if (onProgress && n % PROGRESS_EVERY === 0) onProgress(n);
        }
        advance(result.meta.cursor);
      } catch (e) {
        failure = e;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  if (!header) throw new ImportError(file, 'the file is empty (expected a header row)');
  return { columns: new Set(index.keys()) };
}
