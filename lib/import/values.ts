/** Cell readers shared by the CSV importers. Each returns undefined for an empty cell and throws a plain message on a bad one. */

const MONTH_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** YYYY-MM-DD (a time part is dropped) or US M/D/YYYY, as SIS exports write dates. */
export function readDate(cell: string): string | undefined {
  const t = cell.trim();
  if (!t) return undefined;
  const iso = ISO.exec(t);
  const us = iso ? null : MONTH_FIRST.exec(t);
  const out = iso ? isoDate(+iso[1], +iso[2], +iso[3]) : us ? isoDate(+us[3], +us[1], +us[2]) : null;
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
