/**
 * The match pattern that enables Liaison on one SIS site. Match patterns carry no port, so a pattern covers every
 * port of the host; only http(s) pages can be an SIS.
 */
export function sitePatternFor(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (!u.hostname) return null;
  return `${u.protocol}//${u.hostname}/*`;
}

/** Only per-site patterns count as enabled sites; broad grants (all hosts) are never requested by Liaison. */
export function isSitePattern(pattern: string): boolean {
  return /^https?:\/\/[^*/]+\/\*$/.test(pattern);
}

/** A readable name for a pattern in lists: `https://sis.example.org/*` → `sis.example.org`. */
export function siteLabel(pattern: string): string {
  return pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');
}
