import Dexie, { type Table } from 'dexie';
import { isSealed } from '../crypto/aead';
import { schoolKey } from '../domain/ids';
import type { Finding, PageType, Staff, Student, SubjectKind } from '../domain';
import type { GradedFinding } from '../domain/severity';
import type { ComposeRequest } from '../messaging/protocol';
import type { NoteRow } from '../notes/schema';
import type { FieldSources } from './merge';

/**
 * Students are keyed by site (the SIS origin), school and id: the same id on two SIS hosts, or at two schools of one
 * SIS (Aeries numbers students per school), is two people. `school` is `schoolKey(record.school)`, '' while no page
 * has shown the school; `lib/db/student-rows` decides which stored student a page's mention names.
 */
export interface StudentRow {
  site: string;
  school: string;
  id: string;
  record: Student;
  /** `site|id:T100` / `site|name:priya patel` for every staff member the student refers to (multi-entry index). */
  staffRefs: string[];
  seenAt: number;
  url: string;
  /** The page (URL) that gave each field its value (lib/db/merge `FieldSources`); absent in older rows. Not indexed. */
  sources?: FieldSources;
  /**
   * The address of the record's own page in the SIS (the last page read whose focus was this record), for a link
   * back from the district view; absent until Liaison has read that page. Not indexed.
   */
  recordUrl?: string;
}

export interface StaffRow {
  site: string;
  id: string;
  record: Staff;
  /** `site|id:…` and `site|name:…`: the keys students may use to refer to this staff member. */
  refs: string[];
  seenAt: number;
  url: string;
  /** As StudentRow `sources`. */
  sources?: FieldSources;
  /** As StudentRow `recordUrl`. */
  recordUrl?: string;
}

/** A subject's findings, keyed as its record: a student's by site, school and id, staff by site and id (school ''). */
export interface FindingRow {
  site: string;
  kind: SubjectKind;
  school: string;
  id: string;
  findings: Finding[];
  checkedAt: number;
}

/** What Liaison last read in each tab; the side panel follows the most recent one. */
export interface PageRow {
  tabId: number;
  site: string;
  url: string;
  profile: string | null;
  pageType: PageType;
  focus: { kind: SubjectKind; id: string } | null;
  /**
   * `school`: the stored student's key part (StudentRow `school`; absent, ''). `ambiguous`: the page named the
   * student without a school while two schools' students have the id (lib/db/student-rows), so none is meant.
   * `graded`: the subject's findings row as codes and severities (absent: not checked yet), kept in step with it
   * (lib/db/page-grades) so the side panel lists a 3,000-row page from this row alone.
   */
  subjects: {
    kind: SubjectKind;
    id: string;
    name: string;
    school?: string;
    ambiguous?: true;
    graded?: GradedFinding[];
  }[];
  recognized: boolean;
  at: number;
  /**
   * The frame whose document this is (0, or absent in rows of earlier versions: the top document). A page of
   * some SIS lives in a frame (openSIS); see `mayWritePage` in lib/db/page-read for which frame's page counts.
   */
  frameId?: number;
  /** "Add note" on a badge: the worker → side panel channel (lib/messaging/protocol `ComposeRequest`). */
  compose?: ComposeRequest | null;
}

/** A key/value row: settings, site profiles and similar small documents, each parsed by its own zod schema on read. */
export interface KeyValueRow {
  key: string;
  value: unknown;
  updatedAt: number;
  /** A draft version 1 wrote in the clear, marked by the upgrade to 2 (see `legacyClear` on NoteRow). */
  legacyClear?: true;
}

export class LiaisonDb extends Dexie {
  /** Stored as `studentsBySchool` since version 3 (see the constructor). */
  students: Table<StudentRow, StudentKey>;
  /** Staff stay keyed by site and id: a district's staff ids are district-wide, and one teacher serves several schools. */
  staff!: Table<StaffRow, [string, string]>;
  /** Stored as `findingsBySchool` since version 3. */
  findings: Table<FindingRow, FindingKey>;
  pages!: Table<PageRow, number>;
  /** Liaison notes: one row per note, with its versions inside; read and written only by lib/notes/repo. */
  notes!: Table<NoteRow, string>;
  /** Unsaved note drafts, saved as the user types. */
  drafts!: Table<KeyValueRow, string>;
  settings!: Table<KeyValueRow, string>;
  /** Site profiles taught by the user or imported (lib/adapters/profile). */
  profiles!: Table<KeyValueRow, string>;
  /** Which records were viewed and which notes read, for the district's record-of-access duties. */
  accessLog!: Table<{ seq?: number; at: number; site: string; action: string; subject: string }, number>;

  constructor(name = 'liaison') {
    super(name);
    // Version 1 is the first released schema; later versions add `.upgrade()` steps, never edit this one.
    this.version(1).stores({
      students: '[site+id], site, *staffRefs',
      staff: '[site+id], site, *refs',
      findings: '[site+kind+id], site',
      pages: 'tabId, at',
      notes: 'id, [site+studentId], site, followUp, updatedAt',
      drafts: 'key',
      settings: 'key',
      profiles: 'key',
      accessLog: '++seq, at, site',
    });
    // Version 1 wrote notes and drafts in the clear. The rows in the clear at this upgrade are those, and only
    // those may be read unsealed (and then sealed): Liaison never writes a clear row again, so one that appears
    // later was not written by Liaison and is refused (lib/notes/repo).
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('notes')
          .toCollection()
          .modify((r: NoteRow) => {
            if (!isSealed(r.payload)) r.legacyClear = true;
          });
        await tx
          .table('drafts')
          .toCollection()
          .modify((r: KeyValueRow) => {
            if (!isSealed(r.value)) r.legacyClear = true;
          });
      });
    // Version 3 keys students (and so their findings) by school too. IndexedDB cannot change a store's key, so the
    // rows move to new stores; each keeps the school its record shows ('' when none did), staff findings ''.
    this.version(3)
      .stores({
        students: null,
        findings: null,
        studentsBySchool: '[site+school+id], [site+id], site, *staffRefs',
        findingsBySchool: '[site+kind+school+id], [site+kind+id], site',
      })
      .upgrade(async (tx) => {
        const students = (await tx.table('students').toArray()) as Omit<StudentRow, 'school'>[];
        const schools = new Map(students.map((r) => [`${r.site}|${r.id}`, schoolKey(r.record.school)]));
        await tx
          .table('studentsBySchool')
          .bulkAdd(students.map((r) => ({ ...r, school: schools.get(`${r.site}|${r.id}`) })));
        const findings = (await tx.table('findings').toArray()) as Omit<FindingRow, 'school'>[];
        await tx
          .table('findingsBySchool')
          .bulkAdd(
            findings.map((r) => ({ ...r, school: (r.kind === 'student' && schools.get(`${r.site}|${r.id}`)) || '' })),
          );
      });
    // Dexie names a table's property after its store; these two keep the names every caller knows.
    this.students = this.table('studentsBySchool');
    this.findings = this.table('findingsBySchool');
  }
}

/** `[site, school, id]` (StudentRow). */
export type StudentKey = [string, string, string];
/** `[site, kind, school, id]` (FindingRow). */
export type FindingKey = [string, SubjectKind, string, string];

let shared: LiaisonDb | undefined;
/** The one database of the extension origin (worker and extension pages; never content scripts). */
export function getDb(): LiaisonDb {
  return (shared ??= new LiaisonDb());
}
