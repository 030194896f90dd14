import type { DistrictFilter } from '../../lib/district/filter';
import type { DistrictView } from '../../lib/district/types';

type Facets = DistrictView['facets'];

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
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

export function Filters({
  facets,
  filter,
  onChange,
}: {
  facets: Facets;
  filter: DistrictFilter;
  onChange: (f: DistrictFilter) => void;
}) {
  const set = (patch: DistrictFilter) => onChange({ ...filter, ...patch });
  return (
    <form class="filters district-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <Choice
        label="School"
        value={filter.school ?? ''}
        options={facets.schools.map((s) => ({ value: s, label: s }))}
        onChange={(school) => set({ school })}
      />
      <Choice
        label="Case manager"
        value={filter.caseManager ?? ''}
        options={facets.caseManagers.map((c) => ({ value: c.key, label: c.name }))}
        onChange={(caseManager) => set({ caseManager })}
      />
      <Choice
        label="Finding"
        value={filter.code ?? ''}
        options={facets.codes.map((c) => ({ value: c.code, label: `${c.title} (${c.code})` }))}
        onChange={(code) => set({ code })}
      />
      <Choice
        label="Severity"
        value={filter.severity ?? ''}
        options={SEVERITIES}
        onChange={(severity) => set({ severity: severity as DistrictFilter['severity'] })}
      />
      <label>
        <input
          type="checkbox"
          checked={!!filter.withFindings}
          onChange={(e) => set({ withFindings: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        Only records with findings
      </label>
    </form>
  );
}

/** What the filters show, in words, for the printout (drop-downs do not print). */
export function FilterSummary({ facets, filter }: { facets: Facets; filter: DistrictFilter }) {
  const parts: string[] = [];
  if (filter.school) parts.push(`school ${filter.school}`);
  if (filter.caseManager)
    parts.push(`case manager ${facets.caseManagers.find((c) => c.key === filter.caseManager)?.name ?? 'chosen'}`);
  if (filter.code) parts.push(`finding "${facets.codes.find((c) => c.code === filter.code)?.title ?? filter.code}"`);
  if (filter.severity) parts.push(`severity ${filter.severity}`);
  const what = filter.withFindings ? 'Records with findings' : 'All records';
  return (
    <p class="print-only" data-testid="filter-summary">
      {what}
      {parts.length ? `, only ${parts.join(', ')}` : ''}.
    </p>
  );
}
