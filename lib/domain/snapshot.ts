import { z } from 'zod';
import { Staff, Student } from './records';

export const PageType = z.enum(['student-list', 'student', 'staff-list', 'staff', 'unknown']);
export type PageType = z.infer<typeof PageType>;

/** Something on the page that was not understood; never carries student data beyond the field name. */
export const Diagnostic = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string().max(500),
  field: z.string().max(100).optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Where a value came from on the page: field name → the label, header or selector that held it. */
export const Provenance = z.record(z.string(), z.string().max(300));

export const SnapshotStudent = Student.extend({ provenance: Provenance.optional() });
export type SnapshotStudent = z.infer<typeof SnapshotStudent>;
export const SnapshotStaff = Staff.extend({ provenance: Provenance.optional() });
export type SnapshotStaff = z.infer<typeof SnapshotStaff>;

/** What a content script read from one page. Limits keep a hostile page from flooding the worker. */
export const Snapshot = z.object({
  url: z.string().max(4000),
  profile: z.string().max(100),
  pageType: PageType,
  /** The record the page is about (a student or staff page), if any. */
  focus: z.object({ kind: z.enum(['student', 'staff']), id: z.string().min(1) }).nullish(),
  students: z.array(SnapshotStudent).max(20000),
  staff: z.array(SnapshotStaff).max(20000),
  diagnostics: z.array(Diagnostic).max(200),
});
export type Snapshot = z.infer<typeof Snapshot>;
