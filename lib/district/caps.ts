import type { Staff } from '../domain';
import { CAPS } from '../rules';
import { words } from '../rules/normalize/text';

export interface Cap {
  max: number;
  source: string;
}

/**
 * The cap the chart draws for a staff member: their own record's cap, else the local cap for their position
 * (settings `caseloadCaps`), else the statutory cap their position implies (RSP 28, speech 55), else none.
 * The rules decide findings; this only picks the line to draw against.
 */
export function capFor(
  staff: Pick<Staff, 'caseloadMax' | 'position'>,
  localCaps: Readonly<Record<string, number>>,
): Cap | null {
  if (typeof staff.caseloadMax === 'number') return { max: staff.caseloadMax, source: 'staff record' };
  const position = staff.position ? words(staff.position) : '';
  if (!position) return null;
  for (const [name, max] of Object.entries(localCaps))
    if (words(name) === position) return { max, source: 'local cap' };
  if (position.includes('resource specialist')) return { max: CAPS.rsp.max, source: CAPS.rsp.citation.source };
  if (/\bspeech\b|\blanguage\b/.test(position)) return { max: CAPS.slp.max, source: CAPS.slp.citation.source };
  return null;
}
