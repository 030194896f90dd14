import { dueDiligence } from '../../lib/notes/diligence';
import { MODE_LABEL, type Note } from '../../lib/notes/schema';

/** Attempts to reach a parent/guardian, counted the way a district's pre-IEP due-diligence record asks. */
export function DueDiligencePanel({ notes, asOf }: { notes: Note[]; asOf: string }) {
  // The last 12 months: roughly one IEP cycle.
  const since = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const d = dueDiligence(notes, since);
  const modes = Object.entries(d.byMode).filter(([, n]) => n > 0);
  return (
    <section aria-labelledby="dd-heading" class="diligence">
      <h2 id="dd-heading">Parent/guardian contact attempts</h2>
      <p>
        <strong>{d.attempts}</strong> attempt{d.attempts === 1 ? '' : 's'} in the last 12 months, {d.reached} reached
        {modes.length > 0 && (
          <> · {modes.map(([m, n]) => `${MODE_LABEL[m as keyof typeof MODE_LABEL]} ${n}`).join(', ')}</>
        )}
      </p>
      {d.list.length > 0 && (
        <ol class="attempts">
          {d.list.map((a) => (
            <li key={a.noteId}>
              {a.at.replace('T', ' ')} · {MODE_LABEL[a.mode]} · {a.reached ? 'reached' : 'no answer'}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
