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

/** Loopback hosts, where a district's SIS never is but a local test server or the demo SIS is. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Only per-site patterns count as enabled sites: one exact host, `https:`, or `http:` on a loopback host (student
 * data never travels unencrypted). Broad grants (all hosts, `*.` subdomains) are never requested by Liaison.
 */
export function isSitePattern(pattern: string): boolean {
  const m = /^(https?):\/\/([^*/]+)\/\*$/.exec(pattern);
  return !!m && (m[1] === 'https' || isLoopback(m[2]!));
}

/**
 * What the user typed as their SIS address, as the pattern to enable, or why it cannot be enabled. A bare host
 * ("sis.district.org") means https.
 */
export function siteToEnable(address: string): { pattern: string } | { refused: string } {
  const typed = address.trim();
  if (typed.includes('*'))
    return { refused: 'Type one SIS address, without * : Liaison is enabled for one site at a time.' };
  const pattern = sitePatternFor(/^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`);
  if (!pattern)
    return { refused: 'That is not a web address. Type your SIS address, for example https://sis.yourdistrict.org' };
  if (!isSitePattern(pattern))
    return {
      refused:
        'Liaison runs only on https:// addresses (http:// only on this computer, for a local test server): student data must not travel unencrypted.',
    };
  return { pattern };
}

/** A readable name for a pattern in lists: `https://sis.example.org/*` → `sis.example.org`. */
export function siteLabel(pattern: string): string {
  return pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');
}
