import type { LiaisonDb } from '../../lib/db/database';
import { followUpItems } from '../../lib/notes/followups';
import { completeFollowUp } from '../../lib/notes/repo';
import { useState } from 'preact/hooks';
import { COUNTERPART_LABEL, current, NOTE_TYPE_LABEL, type Note } from '../../lib/notes/schema';
import { reportWrite } from './saveError';

type Item = ReturnType<typeof followUpItems>[number];

interface Props {
  db: LiaisonDb;
  notes: Note[];
  asOf: string;
  leadDays: number;
  names: ReadonlyMap<string, string>;
  onOpen: (studentId: string) => void;
}

/** Due and overdue follow-ups of this site's notes; private memory aids listed apart. */
export function FollowUpsTab({ db, notes, asOf, leadDays, names, onOpen }: Props) {
  const items = followUpItems(notes, asOf, leadDays, { includePrivate: true });
  const [status, setStatus] = useState('');
  const shared = items.filter((i) => !current(i.note).private);
  const priv = items.filter((i) => current(i.note).private);
  const row = (i: Item) => {
    const v = current(i.note);
    const who = names.get(i.note.studentId);
    return (
      <li key={i.note.id} class={`finding ${i.finding.severity}`} data-code={i.finding.code} data-note={i.note.id}>
        <span class={`sev ${i.finding.severity}`}>{i.date < asOf ? 'Overdue' : 'Due'}</span> <strong>{i.date}</strong> ·{' '}
        {who ?? 'Student'} <span class="muted">({i.note.studentId})</span>
        <p>
          {NOTE_TYPE_LABEL[v.type]} with {COUNTERPART_LABEL[v.with]}
          {v.withName ? ` (${v.withName})` : ''}, {v.at.replace('T', ' ')}: {v.text.slice(0, 140)}
          {v.text.length > 140 ? '…' : ''}
        </p>
        <button
          type="button"
          onClick={() => void reportWrite(() => completeFollowUp(db, i.note.id), setStatus, 'Follow-up marked done.')}
        >
          Mark done
        </button>{' '}
        <button type="button" onClick={() => onOpen(i.note.studentId)}>
          Open notes
        </button>
      </li>
    );
  };
  return (
    <section aria-labelledby="fu-heading">
      <h1 id="fu-heading">Follow-ups</h1>
      <p class="muted">
        Due {leadDays ? `within ${leadDays} day${leadDays === 1 ? '' : 's'}` : 'today'} or overdue, on this SIS site.
      </p>
      <p role="status">{status}</p>
      {shared.length ? <ul class="findings">{shared.map(row)}</ul> : <p class="ok">No follow-ups due.</p>}
      {priv.length > 0 && (
        <section aria-labelledby="fu-private">
          <h2 id="fu-private">Private reminders</h2>
          <ul class="findings">{priv.map(row)}</ul>
        </section>
      )}
    </section>
  );
}
