import { useState } from 'preact/hooks';
import { todayIso } from '../lib/dates';
import {
  accessEntries,
  accessLogCsv,
  loadAccessLogRetentionDays,
  purgeAccessLog,
  RetentionDays,
  saveAccessLogRetentionDays,
} from '../lib/access/log';
import { IdleMinutes, loadIdleMinutes, saveIdleMinutes } from '../lib/crypto/store';
import type { LiaisonDb } from '../lib/db/database';
import { loadRejected } from '../lib/messaging/guard';
import { downloadText } from './notes/download';
import { reportWrite } from './notes/saveError';
import { useLiveQuery } from './useLiveQuery';

const SHOWN = 200;
const ACTION_LABEL: Record<string, string> = { view: 'Viewed record', 'read-notes': 'Read notes' };

/**
 * The record of access (who is "this browser's user"; what: student records viewed and notes read), its
 * retention, and the security counters: rejected messages and the notes idle lock.
 */
export function AccessLogSettings({ db }: { db: LiaisonDb }) {
  const { value } = useLiveQuery(
    async () => ({
      entries: await accessEntries(db),
      days: await loadAccessLogRetentionDays(db),
      idle: await loadIdleMinutes(db),
      rejected: await loadRejected(db),
    }),
    [db],
  );
  const [status, setStatus] = useState('');
  if (!value) return <p aria-busy="true">Loading…</p>;
  const { entries, days, idle, rejected } = value;

  const exportCsv = () => {
    downloadText(`liaison-access-log-${todayIso()}.csv`, accessLogCsv(entries), 'text/csv');
    setStatus(`Exported ${entries.length} entries.`);
  };
  const saveNumber = async (
    e: Event,
    schema: typeof RetentionDays,
    save: (n: number) => Promise<unknown>,
    done: string,
  ) => {
    const n = schema.safeParse(Number((e.currentTarget as HTMLInputElement).value));
    if (!n.success) return setStatus('Not saved: enter a whole number in range.');
    await reportWrite(() => save(n.data), setStatus, done);
  };

  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">Access log</h2>
      <p>
        Which student records were viewed and whose notes were read in this browser: time, SIS site and student id only
        (no names, no note text). Kept on this computer for the period below, for your district’s record of access.
      </p>
      <p>
        <label for="access-days">Keep entries for (days)</label>{' '}
        <input
          id="access-days"
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) =>
            void saveNumber(
              e,
              RetentionDays,
              async (n) => {
                await saveAccessLogRetentionDays(db, n);
                await purgeAccessLog(db);
              },
              'Retention saved.',
            )
          }
        />
      </p>
      <button type="button" onClick={exportCsv}>
        Export access log (CSV)
      </button>
      <p>
        {entries.length} entr{entries.length === 1 ? 'y' : 'ies'}
        {entries.length > SHOWN ? `; the newest ${SHOWN} shown` : ''}.
      </p>
      {entries.length > 0 && (
        <table class="access-log">
          <caption class="visually-hidden">Access log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Site</th>
              <th scope="col">Student ID</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, SHOWN).map((e) => (
              <tr key={e.seq}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.site}</td>
                <td>{e.subject.slice(e.subject.lastIndexOf('|') + 1)}</td>
                <td>{ACTION_LABEL[e.action] ?? e.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="security-heading">Security</h2>
      <p>
        <label for="idle-minutes">Lock notes after this many minutes without activity</label>{' '}
        <input
          id="idle-minutes"
          type="number"
          min={1}
          max={480}
          value={idle}
          onChange={(e) =>
            void saveNumber(
              e,
              IdleMinutes,
              (n) => saveIdleMinutes(db, n),
              'Idle lock saved. Open panels use it from their next unlock.',
            )
          }
        />
      </p>
      <p data-rejected={rejected.total}>
        Rejected messages: {rejected.total}
        {rejected.total > 0 && (
          <span class="muted">
            {' '}
            (
            {Object.entries(rejected.byReason)
              .map(([r, n]) => `${r}: ${n}`)
              .join(', ')}
            )
          </span>
        )}
      </p>
      <p class="muted">
        Messages from web pages that were malformed, too large or from sites you did not enable; Liaison ignored them.
      </p>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
