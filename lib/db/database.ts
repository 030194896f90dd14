import Dexie, { type Table } from 'dexie';
import { isSealed } from '../crypto/aead';
import type { Finding, PageType, Staff, Student, SubjectKind } from '../domain';
import type { NoteRow } from '../notes/schema';
import type { FieldSources } from './merge';

/** Records are scoped by site (the SIS origin): the same id on two SIS hosts is two people. */
export interface StudentRow {
  site: string;
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

export interface FindingRow {
  site: string;
  kind: SubjectKind;
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
  subjects: { kind: SubjectKind; id: string; name: string }[];
  recognized: boolean;
  at: number;
  /**
   * The frame whose document this is (0, or absent in rows of earlier versions: the top document). A page of
   * some SIS lives in a frame (openSIS); see `mayWritePage` in lib/db/ingest for which frame's page counts.
   */
  frameId?: number;
  /** Set when the user asked, from a badge, to write a note about this student; the side panel opens the form. */
  compose?: { studentId: string; at: number } | null;
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
  students!: Table<StudentRow, [string, string]>;
  staff!: Table<StaffRow, [string, string]>;
  findings!: Table<FindingRow, [string, string, string]>;
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
  }
}

let shared: LiaisonDb | undefined;
/** The one database of the extension origin (worker and extension pages; never content scripts). */
export function getDb(): LiaisonDb {
  return (shared ??= new LiaisonDb());
}
