import { CanonicalInput } from '../domain/records';
import { ImportError } from './errors';
import { pathText } from './validate';

/** Line and column of a character offset, for JSON syntax errors. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}

/**
 * Parses canonical JSON (DESIGN.md: `{ asOf?, staff: [], students: [] }`) with the CanonicalInput schema.
 * Errors name the file, the record ("students[3]", row 4) and the field, never the values.
 */
export function parseCanonicalJson(text: string, file: string): CanonicalInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // V8's message quotes the text around the error, which may be student data: keep only the position.
    const m = /position (\d+)/.exec((e as Error).message);
    if (m) {
      const { line, column } = lineCol(text, Number(m[1]));
      throw new ImportError(file, `not valid JSON (syntax error at column ${column})`, { line });
    }
    throw new ImportError(file, 'not valid JSON (the text ends early or is not JSON)');
  }
  const r = CanonicalInput.safeParse(raw);
  if (r.success) return r.data;
  // A failed parse has at least one issue.
  const issue = r.error.issues[0]!;
  const [list, index, ...rest] = issue.path;
  if ((list === 'students' || list === 'staff') && typeof index === 'number') {
    throw new ImportError(file, issue.message, {
      record: `${list}[${index}]`,
      row: index + 1,
      field: pathText(rest) || undefined,
    });
  }
  throw new ImportError(file, issue.message, { field: pathText(issue.path) || undefined });
}
