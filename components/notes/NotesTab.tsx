import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LiaisonDb, PageRow } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import { caseManagerContact } from '../../lib/notes/contact';
import { NOTES_EXPORT_BLOCKED, noteMailto, notesMayLeave, type ExportPolicy } from '../../lib/notes/export';
import { byNewest } from '../../lib/notes/model';
import { loadDraft, notesForSite, notesForStudent, undoDelete } from '../../lib/notes/repo';
import { current, type Note, type NoteSettings } from '../../lib/notes/schema';
import { searchNotes } from '../../lib/notes/search';
import { ROLE_DEFAULTS } from '../../lib/notes/settings';
import { useLiveQuery } from '../useLiveQuery';
import { CaseManagerCard } from './CaseManagerCard';
import { ContactLog } from './ContactLog';
import { DueDiligencePanel } from './DueDiligence';
import { ExportButtons } from './ExportButtons';
import { NoteForm } from './NoteForm';
import { NoteItem } from './NoteItem';
import { NoteSettingsForm } from './NoteSettingsForm';
import { readConfirmations } from '../../lib/notes/confirmations';
import { ReadConfirmations } from './ReadConfirmations';

/** The student (and site) a note form with text belongs to. */
interface Pin {
  site: string;
  studentId: string;
  name: string;
}

/** A request to show a student's notes (from a badge's "Add note" or the Follow-ups list). */
export interface NotesTarget {
  studentId: string;
  compose: boolean;
  at: number;
}

interface Props {
  db: LiaisonDb;
  page: PageRow | null;
  target: NotesTarget | null;
  settings: NoteSettings;
  /** The district policy; null while it is being read. `notesExportAllowed: false` switches off exports and email. */
  policy: ExportPolicy | null;
}

/** The Notes tab: the student's contact log, the quick note form, search, exports and note settings. */
export function NotesTab({ db, page, target, settings, policy }: Props) {
  const site = page?.site ?? null;
  const students = page?.subjects.filter((s) => s.kind === 'student') ?? [];
  const defaultId =
    target?.studentId ?? (page?.focus?.kind === 'student' ? page.focus.id : undefined) ?? students[0]?.id ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const studentId = chosen ?? defaultId;
  const [composing, setComposing] = useState(false);
  const [status, setStatus] = useState<{ message: string; undo?: string }>({ message: '' });
  const [mailto, setMailto] = useState<string | null>(null);
  // A form with text stays with the student (and site) it was started for, whatever the page does meanwhile.
  const [pin, setPin] = useState<Pin | null>(null);
  const role = ROLE_DEFAULTS[settings.role];
  const { value: contact } = useLiveQuery(
    () =>
      site && studentId && role.showCaseManagerContact
        ? caseManagerContact(db, site, studentId)
        : Promise.resolve(null),
    [db, site, studentId, role.showCaseManagerContact],
  );

  // A new target (badge, follow-up) picks its student and, for "Add note", opens the form.
  useEffect(() => {
    if (!target) return;
    setChosen(target.studentId);
    if (target.compose) setComposing(true);
  }, [target?.at]);
  // A page for another student resets the choice to it.
  useEffect(() => setChosen(target?.studentId ?? null), [page?.url]);
  // An unsaved draft reopens its form: typing is never lost by closing the panel.
  useEffect(() => {
    if (!site || !studentId) return;
    void loadDraft(db, site, studentId, null).then((d) => d && setComposing(true));
  }, [site, studentId]);

  const name = students.find((s) => s.id === studentId)?.name ?? '';
  const formSite = pin?.site ?? site;
  const formStudent = pin?.studentId ?? studentId;
  const formName = pin ? pin.name : name;
  const done = (saved: Note | null, message: string) => {
    setComposing(false);
    setPin(null);
    setStatus({ message });
    // The case manager's address is the page's student's: offered only for a note about that student.
    const wantsMail = !!(
      saved &&
      saved.site === site &&
      saved.studentId === studentId &&
      contact?.email &&
      current(saved).with === 'case-manager'
    );
    // Policy decides here too: no link is offered, and noteMailto itself refuses.
    setMailto(
      wantsMail ? (policy && notesMayLeave(policy) ? noteMailto(policy, saved!, contact!.email!) : 'blocked') : null,
    );
  };
  const form =
    composing && formSite && formStudent ? (
      <>
        {pin && (pin.site !== site || pin.studentId !== studentId) && (
          <p class="pinned" role="status" data-pinned-to={`${pin.site}|${pin.studentId}`}>
            This note stays with {pin.name || 'the student'} (student {pin.studentId}
            {pin.site !== site ? `, ${pin.site}` : ''}), the student you started it for: the page now shows{' '}
            {site ? (studentId ? `student ${studentId}` : 'no student') : 'no SIS page'}. Save or close this note to
            write about the page’s student.
          </p>
        )}
        <NoteForm
          key={`${formSite}|${formStudent}`}
          db={db}
          site={formSite}
          studentId={formStudent}
          studentName={formName}
          settings={settings}
          autoFocus
          onTyped={(hasText) =>
            setPin((p) => (hasText ? (p ?? { site: formSite, studentId: formStudent, name: formName }) : null))
          }
          onDone={done}
        />
      </>
    ) : null;

  if (!site && !(pin && form))
    return (
      <section aria-labelledby="notes-heading">
        <h1 id="notes-heading">Notes</h1>
        <p>Open a student page in your SIS to see and write that student’s notes.</p>
        <NoteSettingsForm db={db} settings={settings} />
      </section>
    );

  if (!site)
    return (
      <section aria-labelledby="notes-heading">
        <h1 id="notes-heading">Notes</h1>
        {form}
      </section>
    );

  return (
    <section aria-labelledby="notes-heading" class="notes">
      <h1 id="notes-heading">
        Notes{studentId ? `: ${name || 'student'}` : ''}
        {studentId && <span class="muted"> (student {studentId})</span>}
      </h1>
      {students.length > 1 && (
        <p>
          <label for="note-student">Student</label>{' '}
          <select id="note-student" value={studentId ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
            {students.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.id})
              </option>
            ))}
          </select>
        </p>
      )}
      {studentId && role.showCaseManagerContact && <CaseManagerCard contact={contact ?? null} />}
      <div class="status-line">
        <p role="status" aria-live="polite">
          {status.message}
        </p>
        {status.undo && (
          <button
            type="button"
            onClick={async () => {
              await undoDelete(db, status.undo!);
              setStatus({ message: 'Note restored.' });
            }}
          >
            Undo delete
          </button>
        )}
        {mailto === 'blocked' ? (
          <p class="muted" data-email-blocked="policy">
            Email this note: {NOTES_EXPORT_BLOCKED}
          </p>
        ) : (
          mailto && (
            <a href={mailto} class="button">
              Email this note to the case manager
            </a>
          )
        )}
      </div>
      {form ??
        (studentId && (
          <button type="button" class="primary" onClick={() => setComposing(true)}>
            Add note
          </button>
        ))}
      {studentId ? (
        <StudentNotes
          db={db}
          site={site}
          studentId={studentId}
          name={name}
          settings={settings}
          policy={policy}
          onChange={(message, deletedId) => setStatus({ message, undo: deletedId })}
        />
      ) : (
        <p>This page shows no student. Open a student page to write notes.</p>
      )}
      <SiteSearch db={db} site={site} settings={settings} onChange={(message, undo) => setStatus({ message, undo })} />
      <NoteSettingsForm db={db} settings={settings} />
    </section>
  );
}

function StudentNotes({
  db,
  site,
  studentId,
  name,
  settings,
  policy,
  onChange,
}: {
  db: LiaisonDb;
  site: string;
  studentId: string;
  name: string;
  settings: NoteSettings;
  policy: ExportPolicy | null;
  onChange: (message: string, deletedId?: string) => void;
}) {
  const { value: notes } = useLiveQuery(() => notesForStudent(db, site, studentId), [db, site, studentId]);
  if (!notes) return <p aria-busy="true">Loading notes…</p>;
  const live = notes.filter((n) => n.deletedAt === null).sort(byNewest);
  const shared = live.filter((n) => !current(n).private);
  const priv = live.filter((n) => current(n).private);
  const deleted = notes.filter((n) => n.deletedAt !== null);
  const item = (n: Note) => (
    <NoteItem key={n.id} db={db} note={n} studentName={name} settings={settings} onChange={onChange} />
  );
  return (
    <>
      {settings.role !== 'teacher' && <ReadConfirmations list={readConfirmations(shared)} />}
      <ContactLog notes={shared} render={item} />
      {ROLE_DEFAULTS[settings.role].showDueDiligence && <DueDiligencePanel notes={notes} asOf={todayIso()} />}
      <section aria-labelledby="private-heading" class="private">
        <h2 id="private-heading">Private memory aids ({priv.length})</h2>
        <p class="muted">Only on this computer; never exported with records.</p>
        {priv.length > 0 && <ul class="notes-list">{priv.map(item)}</ul>}
      </section>
      {deleted.length > 0 && (
        <details class="deleted">
          <summary>Recently deleted ({deleted.length})</summary>
          <ul>
            {deleted.map((n) => (
              <li key={n.id}>
                {current(n).at.replace('T', ' ')}: {current(n).text.slice(0, 80)}{' '}
                <button
                  type="button"
                  onClick={async () => {
                    await undoDelete(db, n.id);
                    onChange('Note restored.');
                  }}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ExportButtons db={db} site={site} student={{ id: studentId, name }} notes={notes} policy={policy} />
    </>
  );
}

/** Full-text search over the notes of this site, decoded in memory. */
function SiteSearch({
  db,
  site,
  settings,
  onChange,
}: {
  db: LiaisonDb;
  site: string;
  settings: NoteSettings;
  onChange: (message: string, deletedId?: string) => void;
}) {
  const [query, setQuery] = useState('');
  const { value: notes } = useLiveQuery(
    () => (query.trim() ? notesForSite(db, site) : Promise.resolve([])),
    [db, site, query.trim() !== ''],
  );
  const found = useMemo(
    () =>
      searchNotes(
        (notes ?? []).filter((n) => n.deletedAt === null),
        query,
      ).sort(byNewest),
    [notes, query],
  );
  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">Search notes on this site</h2>
      <label for="note-search">Words to find</label>{' '}
      <input id="note-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {query.trim() && (
        <>
          <p role="status">
            {found.length} note{found.length === 1 ? '' : 's'} found
          </p>
          <ul class="notes-list">
            {found.map((n) => (
              <NoteItem
                key={n.id}
                db={db}
                note={n}
                studentName=""
                settings={settings}
                onChange={onChange}
                showStudent
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
