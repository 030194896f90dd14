import { z } from 'zod';

const Address = z.email();

/**
 * An e-mail address Liaison may put into a `mailto:` link, or null. Addresses come from SIS pages, which a page
 * script can shape: anything but a plain address (a second recipient, `?cc=`, `&body=`, a line break) is refused.
 */
export function mailAddress(raw: string | null | undefined): string | null {
  const s = raw?.trim().replace(/^mailto:/i, '') ?? '';
  return s && Address.safeParse(s).success ? s : null;
}

/** Thrown when a `mailto:` link is asked for an address that `mailAddress` refuses. */
export class UnusableAddress extends Error {
  constructor() {
    super('That e-mail address cannot be used: check it in the SIS.');
    this.name = 'UnusableAddress';
  }
}

/** A prefilled message for the user's own mail program (Liaison sends nothing). */
export function mailtoHref(to: string, subject: string, body?: string): string {
  const address = mailAddress(to);
  if (!address) throw new UnusableAddress();
  const query = [
    `subject=${encodeURIComponent(subject)}`,
    ...(body === undefined ? [] : [`body=${encodeURIComponent(body)}`]),
  ];
  return `mailto:${encodeURIComponent(address)}?${query.join('&')}`;
}
