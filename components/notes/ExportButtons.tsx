import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import {
  exportable,
  NOTES_EXPORT_BLOCKED,
  notesMayLeave,
  notesToCsv,
  printableLog,
  type ExportPolicy,
} from '../../lib/notes/export';
import { notesForSite } from '../../lib/notes/repo';
import type { Note } from '../../lib/notes/schema';
import { downloadText, openPrintable, safePart } from './download';

/**
 * Exports: one student's log (CSV, printable) for a records request, and all notes of this SIS site (CSV; a
 * site's notes go together because student ids are only unique within a site).
 */
export function ExportButtons({
  db,
  site,
  student,
  notes,
  policy,
}: {
  db: LiaisonDb;
  site: string;
  student: { id: string; name: string };
  notes: Note[];
  /** The district policy; null while it is being read (exports wait for it). */
  policy: ExportPolicy | null;
}) {
  const [status, setStatus] = useState('');
  if (!policy)
    return (
      <section aria-labelledby="export-heading" class="export">
        <h2 id="export-heading">Export</h2>
        <p aria-busy="true">Reading your district’s policy…</p>
      </section>
    );
  if (!notesMayLeave(policy))
    return (
      <section aria-labelledby="export-heading" class="export" data-export-blocked="policy">
        <h2 id="export-heading">Export</h2>
        <p>{NOTES_EXPORT_BLOCKED}</p>
      </section>
    );
  const base = `liaison-notes-${safePart(student.id)}-${todayIso()}`;
  const count = exportable(notes).length;
  const names = new Map([[student.id, student.name]]);
  return (
    <section aria-labelledby="export-heading" class="export">
      <h2 id="export-heading">Export</h2>
      <p class="muted">Private memory aids and deleted notes are never exported.</p>
      <button
        type="button"
        onClick={() => {
          downloadText(`${base}.csv`, notesToCsv(policy, notes, names), 'text/csv;charset=utf-8');
          setStatus(`Exported ${count} note${count === 1 ? '' : 's'} as CSV.`);
        }}
      >
        Student log (CSV)
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          openPrintable(`${base}.html`, printableLog(policy, notes, student, Date.now()));
          setStatus('Printable log opened in a new tab: print it from there.');
        }}
      >
        Printable log
      </button>{' '}
      <button
        type="button"
        onClick={async () => {
          const [all, students] = await Promise.all([
            notesForSite(db, site),
            db.students.where('site').equals(site).toArray(),
          ]);
          const allNames = new Map(students.map((s) => [s.id, s.record.name]));
          downloadText(
            `liaison-notes-all-${todayIso()}.csv`,
            notesToCsv(policy, all, allNames),
            'text/csv;charset=utf-8',
          );
          setStatus(`Exported ${exportable(all).length} notes as CSV.`);
        }}
      >
        All notes on this site (CSV)
      </button>
      <p role="status" class="muted">
        {status}
      </p>
    </section>
  );
}
