import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const SubjectKind = z.enum(['student', 'staff']);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const Subject = z.object({ kind: SubjectKind, id: z.string().min(1) });
export type Subject = z.infer<typeof Subject>;

export const Citation = z.object({ source: z.string(), url: z.string().optional() });
export type Citation = z.infer<typeof Citation>;

/** One result of a check (RULES.md). `code` is stable: users' filters and tests key on it. */
export const Finding = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  severity: Severity,
  subject: Subject,
  title: z.string(),
  detail: z.string(),
  citation: Citation,
  fix: z.string().optional(),
  /** Which rule pack produced it, so a district can tell findings of different releases apart. */
  pack: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export { severityRank, worstSeverity } from './severity';
