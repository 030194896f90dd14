const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof']);

/**
 * A key for matching people by name when the SIS shows no id (RULES.md): case- and whitespace-insensitive,
 * "Last, First" equal to "First Last", titles such as Ms, Mr, Mrs, Dr dropped.
 */
export function personNameKey(name: string | null | undefined): string {
  if (!name) return '';
  let s = name.normalize('NFKC').toLowerCase().trim();
  const comma = s.indexOf(',');
  if (comma >= 0) s = `${s.slice(comma + 1)} ${s.slice(0, comma)}`;
  return s
    .split(/[\s.]+/)
    .filter((w) => w && !TITLES.has(w))
    .join(' ');
}
