import type { DistrictFilter } from '../../lib/district/filter';
import type { DistrictView } from '../../lib/district/types';

type Facets = DistrictView['facets'];

function Choice({ label, value, options, onChange }: { label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const SEVERITIES = ['error', 'warning', 'info'].map((s) => ({ value: s, label: s }));

export function Filters({ facets, filter, onChange }: { facets: Facets; filter: DistrictFilter; onChange: (f: DistrictFilter) => void }) {
  const set = (patch: DistrictFilter) => onChange({ ...filter, ...patch });
  return (
    <form class="filters district-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Choice label="School" value={filter.school ?? ''} options={facets.schools.map((s) => ({ value: s, label: s }))} onChange={(school) => set({ school })} />
      <Choice
        label="Case manager"
        value={filter.caseManager ?? ''}
        options={facets.caseManagers.map((c) => ({ value: c.key, label: c.name }))}
        onChange={(caseManager) => set({ caseManager })}
      />
      <Choice label="Finding code" value={filter.code ?? ''} options={facets.codes.map((c) => ({ value: c, label: c }))} onChange={(code) => set({ code })} />
      <Choice label="Severity" value={filter.severity ?? ''} options={SEVERITIES} onChange={(severity) => set({ severity: severity as DistrictFilter['severity'] })} />
      <label>
        <input type="checkbox" checked={!!filter.withFindings} onChange={(e) => set({ withFindings: (e.currentTarget as HTMLInputElement).checked })} /> Only
        records with findings
      </label>
    </form>
  );
}
