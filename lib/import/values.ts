/** Cell readers shared by the CSV importers. Each returns undefined for an empty cell and throws a plain message on a bad one. */

import { parseDate } from '../dates';

/** A date as SIS exports write it (`parseDate` says which forms): YYYY-MM-DD, M/D/YYYY, a time part dropped. */
export function readDate(cell: string): string | undefined {
  if (!cell.trim()) return undefined;
  const out = parseDate(cell);
  if (!out) throw new Error('not a date (expected YYYY-MM-DD or M/D/YYYY)');
  return out;
}

const TRUE = new Set(['y', 'yes', 'true', '1', 'x', 't']);
const FALSE = new Set(['n', 'no', 'false', '0', 'f']);

export function readBoolean(cell: string): boolean | undefined {
  const t = cell.trim().toLowerCase();
  if (!t) return undefined;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  throw new Error('not yes/no (expected yes, no, true, false, Y, N, 1 or 0)');
}

/** A `;`-separated list, or `,`-separated when the cell has no `;`. */
export function readList(cell: string): string[] {
  const t = cell.trim();
  if (!t) return [];
  return t
    .split(t.includes(';') ? ';' : ',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "415 - Language and Speech" → code and name; "330" → code; "Physical Therapy" → name. */
export function readCodeName(item: string): { code?: string; name?: string } {
  const m = /^(\d{3})(?:\s*[-–:]\s*(.+))?$/.exec(item.trim());
  if (m) return m[2] ? { code: m[1], name: m[2].trim() } : { code: m[1] };
  return { name: item.trim() };
}

/** Header key: case, spacing and punctuation do not matter ("Prim. Dis." = "primdis"). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}
