import Papa from 'papaparse';
import type { CheckSettings } from '../checks';
import type { FindingRow, LiaisonDb } from '../db/database';
import { upsertStaff, upsertStudents } from '../db/ingest';
import { checkRows } from '../db/recheck';
import { regradePages } from '../db/page-grades';
import type { Staff, Student } from '../domain';
import {
  type ColumnReport,
  describeColumns,
  ImportError,
  parseCanonicalJson,
  parseStaffCsv,
  parseStudentsCsv,
  STAFF_COLUMNS,
  STUDENT_COLUMNS,
} from '../import';
import { matchColumns } from '../import/table';
import { headerKey } from '../import/values';
import { IMPORT_PREFIX } from './caseload';
import { toCsv } from '../csv';

export type ImportKind = 'students' | 'staff' | 'json';

export interface ImportResult {
  kind: ImportKind;
  students: Student[];
  staff: Staff[];
  /** Row-level problems (file, row, line and field named; never a cell value), the first `maxErrors` of them. */
  errors: ImportError[];
  /** Rows left out because they could not be read (every one, also past `maxErrors`); the others are kept. */
  skipped: number;
  /** Data rows read (CSV) or records read (JSON). */
  rows: number;
  /** True when the file could not be read at all (no id column, malformed JSON): nothing can be imported. */
  fatal: boolean;
  /** Which column fed each field, ignored columns and warnings (CSV only). */
  columns: ColumnReport | null;
  /** What was left out beyond the bad rows themselves, in words. */
  warnings: string[];
}

export interface ImportProgress {
  done: number;
  total: number;
}

interface RawRecord {
  text: string;
  line: number;
}

/**
 * Splits CSV text into its header and data records without parsing cells: a newline ends a record unless it
 * is inside quotes (quote parity; RFC 4180's doubled quotes keep it). Blank records are dropped as the parser
 * drops them, so record i is the parser's data row i + 1.
 */
export function splitRecords(text: string): { header: string; records: RawRecord[] } {
  text = text.replace(/^\uFEFF/, '');
  const out: RawRecord[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quoted = false;
  const push = (end: number) => {
    const t = text.slice(start, end).replace(/\r$/, '');
    if (t.replace(/["\s,;\t|]/g, '')) out.push({ text: t, line: startLine });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (!quoted) {
        push(i);
        start = i + 1;
        startLine = line;
      }
    }
  }
  push(text.length);
  const [header, ...records] = out;
  return { header: header?.text ?? '', records };
}

const STUDENT_ONLY = new Set<string>([
  'studentid',
  'ssid',
  'seisid',
  'studentnumber',
  ...STUDENT_COLUMNS.caseManager,
  ...STUDENT_COLUMNS.primaryDisability,
  ...STUDENT_COLUMNS.nextAnnual,
]);
const STAFF_ONLY = new Set<string>([
  'staffid',
  'employeeid',
  'empid',
  'seid',
  ...STAFF_COLUMNS.title,
  ...STAFF_COLUMNS.authorizations,
  ...STAFF_COLUMNS.expires,
]);

/** JSON by name or first character; a CSV is a student list unless only staff columns name it a staff list. */
export function detectKind(text: string, file: string): ImportKind {
  if (/\.json$/i.test(file) || /^\uFEFF?\s*[{[]/.test(text)) return 'json';
  const { header } = splitRecords(text.slice(0, 64_000));
  const keys = (Papa.parse<string[]>(header).data[0] ?? []).map(headerKey);
  if (keys.some((k) => STUDENT_ONLY.has(k))) return 'students';
  return keys.some((k) => STAFF_ONLY.has(k)) ? 'staff' : 'students';
}

/** Rows of one staff member may fall in two chunks: they are one person with all their documents. */
function mergeStaffLists(into: Map<string, Staff>, list: Staff[]): void {
  for (const s of list) {
    const had = into.get(s.id);
    // Never read (absent) stays absent unless some chunk read the credential columns.
    if (had)
      had.credentials =
        had.credentials || s.credentials ? [...(had.credentials ?? []), ...(s.credentials ?? [])] : undefined;
    else into.set(s.id, s);
  }
}

const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Reads an export with the same parsers as `npm run audit`, in chunks of rows with a pause between them so the
 * page stays responsive and can show progress. Unlike the CLI it does not stop at the first bad row: the bad
 * row is left out and reported (the first `maxErrors` of them; all are counted in `skipped`), and every other
 * row is still read, so the good rows can be imported and the bad ones fixed from the error file.
 */
export async function parseImport(
  text: string,
  file: string,
  opts: {
    kind?: ImportKind;
    chunkRows?: number;
    maxErrors?: number;
    onProgress?: (p: ImportProgress) => void;
    pause?: () => Promise<void>;
  } = {},
): Promise<ImportResult> {
  const kind = opts.kind ?? detectKind(text, file);
  if (kind === 'json') {
    try {
      const input = parseCanonicalJson(text, file);
      return {
        kind,
        students: input.students,
        staff: input.staff,
        errors: [],
        skipped: 0,
        rows: input.students.length + input.staff.length,
        fatal: false,
        columns: null,
        warnings: [],
      };
    } catch (e) {
      return {
        kind,
        students: [],
        staff: [],
        errors: [asImportError(e, file)],
        skipped: 0,
        rows: 0,
        fatal: true,
        columns: null,
        warnings: [],
      };
    }
  }
  const { chunkRows = 2000, maxErrors = 100, pause = yieldToUi } = opts;
  const parse = kind === 'students' ? parseStudentsCsv : parseStaffCsv;
  const { header, records } = splitRecords(text);
  const students: Student[] = [];
  const staff = new Map<string, Staff>();
  const errors: ImportError[] = [];
  let skipped = 0;
  const headerCells = Papa.parse<string[]>(header).data[0]?.map((h) => h.trim()) ?? [];
  const columns = describeColumns(kind, headerCells);
  const warnings: string[] = [];
  // A staff member is one person over several rows (one per document): with one of those rows bad, the rest
  // would be half their credentials and give wrong findings, so the whole person is left out.
  const staffIdAt = kind === 'staff' ? matchColumns(headerCells, STAFF_COLUMNS).get('id') : undefined;
  const partialStaff = new Set<string>();
  const take = (list: (Student | Staff)[]) =>
    kind === 'students' ? students.push(...(list as Student[])) : mergeStaffLists(staff, list as Staff[]);
  const result = (fatal: boolean): ImportResult => ({
    kind,
    students,
    staff: [...staff.values()],
    errors,
    skipped,
    rows: records.length,
    fatal,
    columns,
    warnings,
  });

  // An empty file or one without an id column fails on its header alone.
  if (!records.length) {
    try {
      parse(header, file);
    } catch (e) {
      return { ...result(true), errors: [asImportError(e, file)] };
    }
    return result(false);
  }
  for (let start = 0; start < records.length; start += chunkRows) {
    const end = Math.min(start + chunkRows, records.length);
    let from = start;
    while (from < end) {
      const chunk = (a: number, b: number) =>
        `${header}\n${records
          .slice(a, b)
          .map((r) => r.text)
          .join('\n')}`;
      try {
        take(parse(chunk(from, end), file));
        break;
      } catch (e) {
        const err = asImportError(e, file);
        if (err.where.row === undefined) return { ...result(true), errors: [err] };
        const at = from + err.where.row - 1;
        skipped++;
        if (errors.length < maxErrors)
          errors.push(new ImportError(file, err.problem, { ...err.where, row: at + 1, line: records[at]?.line }));
        if (staffIdAt !== undefined) {
          const id = Papa.parse<string[]>(records[at]?.text ?? '').data[0]?.[staffIdAt]?.trim();
          if (id) partialStaff.add(id);
        }
        // The rows before the bad one were read and then lost with the throw: read them again.
        if (at > from) take(parse(chunk(from, at), file));
        from = at + 1;
      }
    }
    opts.onProgress?.({ done: end, total: records.length });
    if (end < records.length) await pause();
  }
  let heldBack = 0;
  for (const id of partialStaff) if (staff.delete(id)) heldBack++;
  if (heldBack) {
    warnings.push(
      `${heldBack} staff member${heldBack === 1 ? ' is' : 's are'} left out whole: one of their rows could not be read, and their other rows alone would give wrong findings.`,
    );
  }
  return result(false);
}

/** The error file a user downloads beside a partial import: one line per skipped row (row, line, field, reason). */
export function importErrorsCsv(result: Pick<ImportResult, 'errors' | 'skipped'>): string {
  const rows: (string | number)[][] = result.errors.map((e) => [
    e.where.row ?? '',
    e.where.line ?? '',
    e.where.field ?? '',
    e.problem,
  ]);
  const more = result.skipped - result.errors.length;
  if (more > 0) rows.push(['', '', '', `${more} more rows could not be read (not listed)`]);
  return toCsv(['Row', 'Line', 'Field', 'Reason'], rows);
}

function asImportError(e: unknown, file: string): ImportError {
  return e instanceof ImportError ? e : new ImportError(file, 'the file could not be read');
}

export interface WriteImportOptions {
  site: string;
  file: string;
  asOf: string;
  /** Staff knowledge is `partial` unless given: `rules: { staffKnowledge: 'complete' }` for the full staff list. */
  settings?: CheckSettings;
  now?: number;
}

/**
 * Writes confirmed records in one transaction, then re-checks the whole site in it (caseloads count every
 * student of a staff member, so a partial re-check would miss some): either everything lands or nothing does.
 */
export async function writeImport(
  db: LiaisonDb,
  data: { students: Student[]; staff: Staff[] },
  opts: WriteImportOptions,
): Promise<{ students: number; staff: number; findings: number }> {
  const now = opts.now ?? Date.now();
  const url = `${IMPORT_PREFIX}${opts.file}`;
  return db.transaction('rw', [db.students, db.staff, db.findings, db.pages], async () => {
    await upsertStudents(db, opts.site, data.students, url, now, 'import');
    await upsertStaff(db, opts.site, data.staff, url, now, 'import');
    const findings = await recheckSite(db, opts.site, opts.asOf, opts.settings, now);
    return { students: data.students.length, staff: data.staff.length, findings };
  });
}

/** Runs every check on a site's cached records and replaces their findings rows. Returns the finding count. */
export async function recheckSite(
  db: LiaisonDb,
  site: string,
  asOf: string,
  settings: CheckSettings | undefined,
  now: number,
): Promise<number> {
  const [students, staff] = await Promise.all([
    db.students.where('site').equals(site).toArray(),
    db.staff.where('site').equals(site).toArray(),
  ]);
  const checked = checkRows(students, staff, { asOf, settings });
  const rows: FindingRow[] = [
    ...students.map((r) => ({
      site,
      kind: 'student' as const,
      school: r.school,
      id: r.id,
      findings: checked.student(r),
      checkedAt: now,
    })),
    ...staff.map((r) => ({
      site,
      kind: 'staff' as const,
      school: '',
      id: r.id,
      findings: checked.staff(r),
      checkedAt: now,
    })),
  ];
  await db.findings.bulkPut(rows);
  await regradePages(db, site, rows);
  return checked.count;
}
