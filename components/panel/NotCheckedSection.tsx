import { useState } from 'preact/hooks';
import type { LiaisonDb, PageRow } from '../../lib/db/database';
import type { StaffLink } from '../../lib/messaging/read-summary';
import { useLiveQuery } from '../useLiveQuery';
import { loadNotChecked, type NotCheckedPerson } from './notChecked';

/** Where a staff file is imported (the district view's import). */
export const IMPORT_URL = 'district.html#import-heading';
const SHOWN = 20;

/**
 * "Not checked yet" for the current page: whose credentials Liaison has not seen, and how to let it see them
 * (open their staff page, or import a staff file). Nothing shows when everyone on the page was checked.
 * `links` is a query dependency: it must keep its identity between renders (pass the summary's own array).
 */
export function NotCheckedSection({ db, page, links }: { db: LiaisonDb; page: PageRow; links: readonly StaffLink[] }) {
  const { value: people } = useLiveQuery(
    () => loadNotChecked(db, page, links),
    [db, page.tabId, page.at, page.url, page.subjects, links],
  );
  if (!people?.length) return null;
  return <NotCheckedList people={people} />;
}

export function NotCheckedList({ people }: { people: NotCheckedPerson[] }) {
  const [shown, setShown] = useState(SHOWN);
  return (
    <section class="not-checked" aria-labelledby="not-checked-heading" data-testid="not-checked">
      <h2 id="not-checked-heading">Not checked yet</h2>
      <p>
        Liaison has not seen the credentials of {people.length === 1 ? 'this person' : `these ${people.length} people`},
        so it could not check their assignments on this page. That is not a fault of the assignment.
      </p>
      <ul class="people">
        {people.slice(0, shown).map((p) => (
          <Person key={p.key} person={p} />
        ))}
      </ul>
      {people.length > shown && (
        <button type="button" onClick={() => setShown(shown + SHOWN)}>
          Show {Math.min(SHOWN, people.length - shown)} more of {people.length - shown}
        </button>
      )}
      <p>
        Or import a staff file with their credentials:{' '}
        <a href={IMPORT_URL} target="_blank" rel="noopener">
          District view → Import
        </a>
        .
      </p>
    </section>
  );
}

function Person({ person: p }: { person: NotCheckedPerson }) {
  return (
    <li data-staff-key={p.key}>
      <strong>{p.name}</strong>
      {p.staffId && <span class="muted"> ({p.staffId})</span>}
      <span class="muted"> · {p.reason === 'no-record' ? 'no staff record yet' : 'credentials not seen yet'}</span>
      <p class="meta">{p.roles.join('; ')}</p>
      <p class="how">
        {p.url ? (
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            Open {p.name}'s staff page
          </a>
        ) : (
          <>Open {p.name}'s staff page in your SIS</>
        )}{' '}
        so Liaison can read their credentials.
      </p>
    </li>
  );
}
