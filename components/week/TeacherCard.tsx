import { storedStudent } from '../../lib/db/student-rows';
import { useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { todayIso } from '../../lib/dates';
import { caseManagerContact } from '../../lib/notes/contact';
import {
  confirmationMailto,
  groupsFingerprint,
  loadReadConfirmation,
  saveReadConfirmation,
  teacherGroups,
} from '../../lib/teacher/card';
import { CaseManagerCard } from '../notes/CaseManagerCard';
import { useLiveQuery } from '../useLiveQuery';

async function load(db: LiaisonDb, site: string, studentId: string) {
  const [row, contact, read] = await Promise.all([
    storedStudent(db, site, { id: studentId }),
    caseManagerContact(db, site, studentId),
    loadReadConfirmation(db, site, studentId),
  ]);
  return { row, contact, read };
}

/**
 * The teacher's card (teacher role): who the case manager is and how to reach them, and the accommodations,
 * modifications and supports the SIS shows, with "I have read these" (34 CFR 300.323(d)). No disability, no finding.
 */
export function TeacherCard({
  db,
  site,
  studentId,
  withCaseManager = true,
}: {
  db: LiaisonDb;
  site: string;
  studentId: string;
  withCaseManager?: boolean;
}) {
  const { value } = useLiveQuery(() => load(db, site, studentId), [db, site, studentId]);
  const [status, setStatus] = useState('');
  if (!value) return <p aria-busy="true">Loading…</p>;
  const groups = teacherGroups(value.row?.record);
  const fingerprint = groupsFingerprint(groups);
  const read = value.read;
  const current = read?.fingerprint === fingerprint;
  const email = value.contact?.email;
  return (
    <section class="teacher-card" aria-labelledby="teacher-card-heading" data-testid="teacher-card">
      <h2 id="teacher-card-heading">What you need to know</h2>
      {withCaseManager && <CaseManagerCard contact={value.contact} />}
      {groups.length ? (
        groups.map((g) => (
          <div key={g.key} class="teacher-group" data-group={g.key}>
            <h3>{g.label}</h3>
            <ul>
              {g.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          </div>
        ))
      ) : (
        <p class="muted">
          The SIS pages Liaison has read show no accommodations, modifications or supports for this student.
        </p>
      )}
      {groups.length > 0 && (
        <div class="read-confirmation">
          {read && (
            <p data-testid="read-date">
              {current
                ? `You confirmed reading these on ${read.date}.`
                : `The list changed since you confirmed reading it on ${read.date}.`}
            </p>
          )}
          {!current && (
            <button
              type="button"
              onClick={async () => {
                const date = todayIso();
                await saveReadConfirmation(db, site, studentId, { date, fingerprint });
                setStatus(`Recorded: read on ${date}.`);
              }}
            >
              I have read these
            </button>
          )}
          {current && email && value.row && (
            <p>
              <a href={confirmationMailto(email, value.row.record, groups, read!.date)} data-testid="confirm-mail">
                E-mail the case manager that you read them
              </a>{' '}
              <span class="muted">(opens your mail program; Liaison sends nothing)</span>
            </p>
          )}
          <p role="status" aria-live="polite">
            {status}
          </p>
        </div>
      )}
    </section>
  );
}
