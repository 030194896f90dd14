import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { openFollowUp } from '../../lib/notes/model';
import { completeFollowUp, deleteNote } from '../../lib/notes/repo';
import {
  COUNTERPART_LABEL,
  current,
  original,
  MODE_LABEL,
  NOTE_TYPE_LABEL,
  OUTCOME_LABEL,
  type Note,
  type NoteSettings,
  type NoteVersion,
} from '../../lib/notes/schema';
import { NoteForm } from './NoteForm';
import { stamp } from './format';

interface Props {
  db: LiaisonDb;
  note: Note;
  studentName: string;
  settings: NoteSettings;
  /** Tells the notes view what happened, for its live region (and the Undo after a delete). */
  onChange: (message: string, deletedId?: string) => void;
  /** Search results span students: say whose note it is. */
  showStudent?: boolean;
}

/** One note of the log: the current version, its history, and Edit / Delete (with confirmation). */
export function NoteItem({ db, note, studentName, settings, onChange, showStudent }: Props) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const v = current(note);
  const followUp = openFollowUp(note);
  const headingId = `note-${note.id}`;

  if (editing)
    return (
      <li class="note" data-note={note.id}>
        <NoteForm
          db={db}
          site={note.site}
          studentId={note.studentId}
          studentName={studentName}
          note={note}
          settings={settings}
          autoFocus
          onDone={(_saved, message) => {
            setEditing(false);
            onChange(message);
          }}
        />
      </li>
    );

  return (
    <li class={`note type-${v.type}`} data-note={note.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {NOTE_TYPE_LABEL[v.type]} · {COUNTERPART_LABEL[v.with]}
        {v.withName ? ` (${v.withName})` : ''} · {MODE_LABEL[v.mode]}
        <span class="muted"> · {v.at.replace('T', ' ')}</span>
      </h3>
      {showStudent && <p class="muted">Student {note.studentId}</p>}
      <p class="note-text">{v.text}</p>
      <p class="meta">
        {OUTCOME_LABEL[v.outcome]}
        {v.followUp && (
          <>
            {' '}
            · Follow up {v.followUp}
            {followUp ? '' : ' (done)'}
          </>
        )}{' '}
        · {original(note).by}, {stamp(original(note).savedAt)}
      </p>
      {note.versions.length > 1 && <History versions={note.versions} />}
      {confirming ? (
        <div class="confirm" role="group" aria-label="Confirm delete">
          <p>Delete this note? You can undo for a while.</p>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              await deleteNote(db, note.id);
              onChange('Note deleted.', note.id);
            }}
          >
            Delete note
          </button>{' '}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setEditing(true)} aria-describedby={headingId}>
            Edit
          </button>{' '}
          {followUp && (
            <>
              <button
                type="button"
                aria-describedby={headingId}
                onClick={async () => {
                  await completeFollowUp(db, note.id);
                  onChange('Follow-up marked done.');
                }}
              >
                Follow-up done
              </button>{' '}
            </>
          )}
          <button type="button" onClick={() => setConfirming(true)} aria-describedby={headingId}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** Every earlier version, newest first: an amendment never hides what was written before. */
function History({ versions }: { versions: NoteVersion[] }) {
  const earlier = versions.slice(0, -1).reverse();
  const last = versions[versions.length - 1];
  if (!last) return null;
  return (
    <details class="history">
      <summary>
        Amended {versions.length - 1} time{versions.length > 2 ? 's' : ''} (last {stamp(last.savedAt)} by {last.by}):
        show history
      </summary>
      <ol>
        {earlier.map((e) => (
          <li key={e.savedAt}>
            <p class="meta">
              Version of {stamp(e.savedAt)} by {e.by}: {NOTE_TYPE_LABEL[e.type]} · {COUNTERPART_LABEL[e.with]}
              {e.withName ? ` (${e.withName})` : ''} · {MODE_LABEL[e.mode]} · {e.at.replace('T', ' ')}
              {e.followUp ? ` · Follow up ${e.followUp}` : ''}
              {e.private ? ' · private' : ''}
            </p>
            <p class="note-text">{e.text}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
