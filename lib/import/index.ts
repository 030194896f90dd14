/** Reading district exports into canonical records. Pure functions of text: the CLI and the extension share them. */
import type { CanonicalInput } from '../domain/records';
import { ImportError, type Progress } from './errors';
import { parseCanonicalJson } from './json';
import { parseStaffCsv } from './staff-csv';
import { parseStudentsCsv } from './students-csv';

export { type ColumnReport, type ColumnUse, describeColumns } from './columns';
export { ImportError, PROGRESS_EVERY, type Progress } from './errors';
export { parseCanonicalJson } from './json';
export { parseStaffCsv, STAFF_COLUMNS } from './staff-csv';
export { parseStudentsCsv, STUDENT_COLUMNS } from './students-csv';
export { readCodeName, readDate, readList } from './values';

export type InputFormat = 'json' | 'csv';

/** JSON when the name ends in .json or the text starts with `{`; otherwise CSV. */
export function detectFormat(text: string, file: string): InputFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'csv';
}

/**
 * Reads a main input (canonical JSON, or a student CSV) and an optional staff file (JSON with `staff`, or a
 * staff CSV) into one CanonicalInput. Throws ImportError naming file, row and field.
 */
export function readInputs(
  main: { text: string; file: string },
  staffFile?: { text: string; file: string },
  onProgress?: (file: string, rows: number) => void,
): CanonicalInput {
  const progress = (file: string): Progress | undefined => (onProgress ? (n) => onProgress(file, n) : undefined);
  const input: CanonicalInput =
    detectFormat(main.text, main.file) === 'json'
      ? parseCanonicalJson(main.text, main.file)
      : { staff: [], students: parseStudentsCsv(main.text, main.file, progress(main.file)) };
  if (staffFile) {
    const json =
      detectFormat(staffFile.text, staffFile.file) === 'json'
        ? parseCanonicalJson(staffFile.text, staffFile.file)
        : null;
    const staff = json ? json.staff : parseStaffCsv(staffFile.text, staffFile.file, progress(staffFile.file));
    if (!staff.length) throw new ImportError(staffFile.file, 'no staff records found');
    input.staff = [...input.staff, ...staff];
    // The staff file says whether it is the whole staff list (canonical `staffKnowledge`).
    if (json?.staffKnowledge) input.staffKnowledge = json.staffKnowledge;
  }
  return input;
}
