import { SERVICES, type ServiceRow } from '../pack/services';
import { splitLabel } from './parts';
import { memoize, words } from './text';

export type ServiceResult =
  { kind: 'service'; row: ServiceRow; label: string } | { kind: 'unrecognized'; raw: string } | { kind: 'empty' };

const BY_CODE = new Map<string, ServiceRow>(SERVICES.filter((s) => s.code).map((s) => [s.code!, s]));
const BY_ALIAS = new Map<string, ServiceRow>();
for (const s of SERVICES)
  for (const a of [s.name, ...s.aliases]) if (s.id !== 'OTHER' || a !== s.name) BY_ALIAS.set(words(a), s);

function parse(raw: string): ServiceResult {
  if (!raw) return { kind: 'empty' };
  const { numbers, parts } = splitLabel(raw);
  const codes = new Set(numbers);
  // Only confirmed codes decide (research.md §5.3); an unconfirmed code beside a known name is just a label.
  const byCode = codes.size === 1 ? BY_CODE.get(numbers[0]!) : undefined;
  const byName = new Set<ServiceRow>();
  let unmatched = false;
  const whole = BY_ALIAS.get(words(parts.join(' ')));
  if (whole) byName.add(whole);
  else
    for (const p of parts) {
      const hit = BY_ALIAS.get(words(p));
      if (hit) byName.add(hit);
      else unmatched = true;
    }
  if (byName.size > 1 || codes.size > 1) return { kind: 'unrecognized', raw };
  const named = [...byName][0];
  if (named && byCode && named !== byCode) return { kind: 'unrecognized', raw };
  const row = named ?? byCode;
  if (!row || (unmatched && !byCode)) return { kind: 'unrecognized', raw };
  const label = row.id === 'OTHER' ? raw : row.code ? `${row.name} (${row.code})` : row.name;
  return { kind: 'service', row, label };
}

const memo = memoize(parse);

/**
 * Reads a service as a SIS shows it: a code, a name, or both ("415 - Language and Speech", "Speech and Language",
 * "Physical Therapy"). Names match with or without a code; codes alone only when confirmed.
 */
export function normalizeService(service: { code?: string | null; name?: string | null }): ServiceResult {
  const text = [service.code, service.name]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' - ');
  return memo(text);
}
