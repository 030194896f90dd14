import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { forgetStudent } from '../../lib/db/retention';

/** "Forget this student": drops Liaison's cached copy of the record and its findings, after a confirmation. */
export function ForgetStudent({
  db,
  site,
  id,
  school,
  name,
  onForgotten,
}: {
  db: LiaisonDb;
  site: string;
  id: string;
  /** The student's key part (StudentRow `school`); absent, every student of the site with the id. */
  school?: string;
  name: string;
  onForgotten?: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  if (done) return <p role="status">Liaison forgot {name}. Opening their page again reads it anew.</p>;
  return asking ? (
    <p role="group" aria-label="Confirm forgetting" class="status-line">
      <span>Forget {name}'s cached record and findings? Notes stay.</span>
      <button
        type="button"
        class="danger"
        onClick={() =>
          void forgetStudent(db, site, id, school).then(() => {
            setDone(true);
            onForgotten?.();
          })
        }
      >
        Forget
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </p>
  ) : (
    <button type="button" onClick={() => setAsking(true)}>
      Forget this student
    </button>
  );
}
