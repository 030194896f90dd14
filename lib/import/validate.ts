import type { z } from 'zod';
import { ImportError } from './errors';

/** "students[3].services[0].code" from a zod issue path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}

/**
 * Validates one record against its schema (length limits, date formats), naming the field of the first problem.
 * zod's messages do not quote the value, so no student data reaches the error.
 */
export function checkRecord<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  where: { row?: number; line?: number; record?: string },
): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!; // a failed parse has at least one issue
  throw new ImportError(file, issue.message, { ...where, field: pathText(issue.path) || undefined });
}
