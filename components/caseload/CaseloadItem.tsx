import type { CaseloadRow } from '../../lib/district/caseload';
import { FindingList } from '../FindingList';

const KV = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 10px', margin: '6px 0' } as const;
const DD = { margin: 0 } as const;

const ago = (days: number) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`);

/** One student of a caseload; details (findings, services) open on demand to keep the list scannable. */
export function CaseloadItem({ row: r }: { row: CaseloadRow }) {
  return (
    <li class="caseload-item" data-student={r.id}>
      <details>
        <summary>
          <span class={`sev ${r.severity}`}>{r.severity === 'none' ? 'ok' : r.severity}</span> <strong>{r.name}</strong>{' '}
          <span class="muted">({r.id})</span>
          {r.due && <span class="due-label"> · {r.due.label}</span>}
        </summary>
        <dl class="kv" style={KV}>
          <dt>Next annual</dt>
          <dd style={DD}>{r.nextAnnual || 'unknown'}</dd>
          <dt>Next triennial</dt>
          <dd style={DD}>{r.nextTriennial || 'unknown'}</dd>
          <dt>Services</dt>
          <dd style={DD}>
            {r.services.length
              ? r.services.map((s) => `${s.service || 'service'}${s.provider ? ` (${s.provider})` : ''}`).join('; ')
              : 'none recorded'}
          </dd>
          <dt>Last contact</dt>
          <dd style={DD}>{r.lastContact ?? 'none recorded'}</dd>
          <dt>Next follow-up</dt>
          <dd style={DD}>{r.nextFollowUp ?? 'none'}</dd>
          <dt>Case manager</dt>
          <dd style={DD}>{r.noCaseManager ? 'none assigned' : r.caseManagerName || 'unknown'}</dd>
        </dl>
        {r.findings.length ? <FindingList findings={r.findings} /> : <p class="ok">No open findings.</p>}
      </details>
      <p class="meta freshness">
        Seen {ago(r.seenDays)} · from <span class="source">{r.source}</span>
      </p>
    </li>
  );
}
