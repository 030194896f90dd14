import type { ReadConfirmation } from '../../lib/notes/confirmations';

/** The case manager's view of which teachers confirmed reading the student's accommodations (from her log). */
export function ReadConfirmations({ list }: { list: readonly ReadConfirmation[] }) {
  return (
    <section aria-labelledby="read-confirmations-heading" class="read-confirmations" data-testid="read-confirmations">
      <h2 id="read-confirmations-heading">Teachers who confirmed the accommodations</h2>
      {list.length ? (
        <ul>
          {list.map((c) => (
            <li key={c.noteId}>
              {c.who ?? 'A teacher'} <span class="muted">· {c.at.replace('T', ' ')}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">
          None logged yet. When a teacher’s confirmation e-mail arrives, log it as a note of type “Teacher confirmed
          reading the accommodations”, with the teacher’s name.
        </p>
      )}
    </section>
  );
}
