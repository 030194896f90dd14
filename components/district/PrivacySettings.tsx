import { useEffect, useState } from 'preact/hooks';
import type { LiaisonDb } from '../../lib/db/database';
import { clearAll, retentionDays, saveRecordRetentionDays } from '../../lib/db/retention';
import { useLiveQuery } from '../useLiveQuery';
import { reportWrite } from '../notes/saveError';
import { ConfirmAction } from '../ConfirmAction';

/** Options: how long cached records are kept, and "clear everything" behind a confirmation. */
export function PrivacySettings({
  db,
  loadPolicyDays,
}: {
  db: LiaisonDb;
  loadPolicyDays?: () => Promise<number | undefined>;
}) {
  const { value: days } = useLiveQuery(() => retentionDays(db), [db]);
  // District policy, when it sets a period, wins over the user's setting (lib/db/retention).
  const [policyDays, setPolicyDays] = useState<number | undefined>();
  useEffect(() => void loadPolicyDays?.().then(setPolicyDays, () => undefined), [loadPolicyDays]);
  const [status, setStatus] = useState('');
  const locked = typeof policyDays === 'number';
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Freshness and privacy</h2>
      <p>
        <label>
          Keep records read from SIS pages and imports for{' '}
          <input
            type="number"
            min={1}
            max={3650}
            value={locked ? policyDays! : (days ?? '')}
            disabled={locked}
            onChange={(e) => {
              const n = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isInteger(n) && n >= 1 && n <= 3650)
                void reportWrite(() => saveRecordRetentionDays(db, n), setStatus, 'Saved.');
              else setStatus('Not saved: enter a whole number of days from 1 to 3650.');
            }}
          />{' '}
          days
        </label>
        {locked && <span class="muted"> (set by your district)</span>}
      </p>
      <p>
        <a class="button" href="district.html" target="_blank" rel="noopener">
          Open district view
        </a>
      </p>
      <ConfirmAction
        start="Clear everything…"
        question="Delete every cached student and staff record, every finding and every note? This cannot be undone."
        confirm="Delete everything"
        groupLabel="Confirm clearing everything"
        onConfirm={() => reportWrite(() => clearAll(db), setStatus, 'Everything was cleared.')}
      />
      <p role="status">{status}</p>
    </section>
  );
}
