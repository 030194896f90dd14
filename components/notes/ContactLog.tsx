import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { Counterpart, COUNTERPART_LABEL, current, NOTE_TYPE_LABEL, NoteType, type Note } from '../../lib/notes/schema';

/** The student's shared notes, newest first, filtered by type and by person. */
export function ContactLog({ notes, render }: { notes: Note[]; render: (n: Note) => VNode }) {
  const [type, setType] = useState<NoteType | ''>('');
  const [person, setPerson] = useState<Counterpart | ''>('');
  const shown = notes.filter((n) => (!type || current(n).type === type) && (!person || current(n).with === person));
  return (
    <section aria-labelledby="log-heading" class="log">
      <h2 id="log-heading">Contact log ({notes.length})</h2>
      <div class="filters">
        <label for="log-type">Show type</label>{' '}
        <select id="log-type" value={type} onChange={(e) => setType(e.currentTarget.value as NoteType | '')}>
          <option value="">All types</option>
          {NoteType.options.map((t) => (
            <option key={t} value={t}>
              {NOTE_TYPE_LABEL[t]}
            </option>
          ))}
        </select>{' '}
        <label for="log-person">Show contacts with</label>{' '}
        <select id="log-person" value={person} onChange={(e) => setPerson(e.currentTarget.value as Counterpart | '')}>
          <option value="">Everyone</option>
          {Counterpart.options.map((p) => (
            <option key={p} value={p}>
              {COUNTERPART_LABEL[p]}
            </option>
          ))}
        </select>
      </div>
      {shown.length ? (
        <ul class="notes-list">{shown.map(render)}</ul>
      ) : (
        <p>{notes.length ? 'No notes match these filters.' : 'No notes yet.'}</p>
      )}
    </section>
  );
}
