import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { forgetStudent } from '../../lib/db/retention';
import { ConfirmAction } from '../ConfirmAction';

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
  const [done, setDone] = useState(false);
  if (done) return <p role="status">Liaison forgot {name}. Opening their page again reads it anew.</p>;
  return (
    <ConfirmAction
      start="Forget this student"
      question={`Forget ${name}'s cached record and findings? Notes stay.`}
      confirm="Forget"
      groupLabel="Confirm forgetting"
      onConfirm={() =>
        forgetStudent(db, site, id, school).then(() => {
          setDone(true);
          onForgotten?.();
        })
      }
    />
  );
}
