import { toCsv } from '../csv';
import { mailtoHref } from './mailto';
import { format } from 'date-fns';
import { byNewest } from './model';
import { COUNTERPART_LABEL, current, original, MODE_LABEL, NOTE_TYPE_LABEL, OUTCOME_LABEL, type Note } from './schema';

/**
 * Exports for a parent's records request or the user's own archive. Private memory aids and deleted notes
 * are never exported: filtering happens here, in the one place every export goes through.
 */
export const CSV_HEADER = [
  'Student ID',
  'Student',
  'Date and time',
  'Type',
  'With',
  'Name',
  'How',
  'Result',
  'Note',
  'Follow-up',
  'Author',
  'Recorded',
  'Last amended',
  'Versions',
] as const;

/** What the side panel needs of the district policy: only whether notes may leave the browser. */
export interface ExportPolicy {
  notesExportAllowed?: boolean;
}

/** Said wherever an export, the printable log or an email is refused, so the user knows it is policy, not a fault. */
export const NOTES_EXPORT_BLOCKED =
  'Your district’s policy does not allow notes to leave the browser: CSV exports, the printable log and email are switched off.';

/** Thrown by every way notes leave the browser when policy forbids it (hidden buttons are not the guard). */
export class NotesExportBlocked extends Error {
  constructor() {
    super(NOTES_EXPORT_BLOCKED);
    this.name = 'NotesExportBlocked';
  }
}

/** Only an explicit `notesExportAllowed: false` blocks; no policy (or no managed storage) allows. */
export const notesMayLeave = (policy: ExportPolicy): boolean => policy.notesExportAllowed !== false;

function assertAllowed(policy: ExportPolicy): void {
  if (!notesMayLeave(policy)) throw new NotesExportBlocked();
}

export function exportable(notes: readonly Note[]): Note[] {
  return notes.filter((n) => n.deletedAt === null && !current(n).private).sort(byNewest);
}

const stamp = (ms: number) => format(ms, "yyyy-MM-dd'T'HH:mm");

function row(n: Note, studentName: string): string[] {
  const v = current(n);
  const first = original(n);
  return [
    n.studentId,
    studentName,
    v.at,
    NOTE_TYPE_LABEL[v.type],
    COUNTERPART_LABEL[v.with],
    v.withName,
    MODE_LABEL[v.mode],
    OUTCOME_LABEL[v.outcome],
    v.text,
    v.followUp ?? '',
    first.by,
    stamp(first.savedAt),
    n.versions.length > 1 ? `${stamp(v.savedAt)} by ${v.by}` : '',
    String(n.versions.length),
  ];
}

/** The contact log as CSV, one row per note (lib/csv.ts quotes it and neutralizes formula-like cells). */
export function notesToCsv(
  policy: ExportPolicy,
  notes: readonly Note[],
  names: ReadonlyMap<string, string> = new Map(),
): string {
  assertAllowed(policy);
  const rows = exportable(notes).map((n) => row(n, names.get(n.studentId) ?? ''));
  return toCsv(CSV_HEADER, rows);
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A self-contained printable page (no script: extension pages forbid inline script, and it needs none). */
export function printableLog(
  policy: ExportPolicy,
  notes: readonly Note[],
  student: { id: string; name: string },
  generatedAt: number,
): string {
  assertAllowed(policy);
  const items = exportable(notes)
    .map((n) => {
      const v = current(n);
      const amended =
        n.versions.length > 1
          ? `<p class="meta">Amended ${n.versions.length - 1} time${n.versions.length > 2 ? 's' : ''}, last ${esc(stamp(v.savedAt))} by ${esc(v.by)}</p>`
          : '';
      return `<article>
<h2>${esc(v.at.replace('T', ' '))} · ${esc(NOTE_TYPE_LABEL[v.type])}</h2>
<p class="meta">With ${esc(COUNTERPART_LABEL[v.with])}${v.withName ? ` (${esc(v.withName)})` : ''} · ${esc(MODE_LABEL[v.mode])} · ${esc(OUTCOME_LABEL[v.outcome])}${v.followUp ? ` · Follow-up ${esc(v.followUp)}` : ''}</p>
<p class="text">${esc(v.text)}</p>
<p class="meta">Recorded ${esc(stamp(original(n).savedAt))} by ${esc(original(n).by)}</p>${amended}
</article>`;
    })
    .join('\n');
  const title = `Contact log: ${student.name || 'student'} (${student.id})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:12pt/1.4 system-ui,sans-serif;margin:2em;color:#000}
h1{font-size:16pt;margin:0 0 .2em} h2{font-size:12pt;margin:0}
article{border-top:1px solid #999;padding:.6em 0;break-inside:avoid}
.meta{color:#333;font-size:10pt;margin:.2em 0} .text{white-space:pre-wrap;margin:.3em 0}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="meta">Generated ${esc(stamp(generatedAt))} by Liaison. ${exportable(notes).length} entries, newest first. Private memory aids are not included.</p>
${items || '<p>No notes recorded.</p>'}
</body></html>`;
}

/** A prefilled email to the case manager (the user's mail program sends it; Liaison sends nothing). */
export function noteMailto(policy: ExportPolicy, note: Note, email: string): string {
  assertAllowed(policy);
  return mailtoHref(email, `Note about student ${note.studentId}`, current(note).text);
}
