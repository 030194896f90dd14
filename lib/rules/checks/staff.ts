import { plusDays } from '../../compliance/days';
import type { Severity } from '../../domain/finding';
import type { FindingSink } from '../findings';
import { quoteCredential } from '../normalize/credential';
import { describeCode, TEMPORARY } from '../pack/credentials';
import { cite } from '../pack/sources';
import type { RuleSettings } from '../settings';
import type { DocInfo, StaffInfo } from '../staff-index';

function docName(d: DocInfo): string {
  if (d.cred.title) return d.cred.title;
  const codes = d.norm.choices.map((c) => c.options.map(describeCode).join(' or '));
  return codes.join(', ') || (d.cred.authorizations ?? []).join(', ') || 'a credential document';
}

/**
 * Checks 6 and 8 on staff records. `involved`: case manager or provider of at least one student; others get
 * the same codes as info.
 */
/** The last expiration date that counts as expiring soon (computed once per run). */
export function expiringUntil(asOf: string, settings: RuleSettings): string {
  return plusDays(asOf, settings.expiringLeadDays);
}

export function checkStaff(
  info: StaffInfo,
  involved: boolean,
  lead: string,
  settings: RuleSettings,
  sink: FindingSink,
): void {
  const { staff } = info;
  const subject = { kind: 'staff' as const, id: staff.id };
  const sev = (s: Severity): Severity => (involved ? s : 'info');
  if (!info.known && involved) {
    // Partial staff knowledge: never-read credentials are not seen yet (info); read-and-empty ones are a real gap.
    const notSeen = settings.staffKnowledge === 'partial' && !info.read;
    sink.add(
      'STAFF_NO_CREDENTIALS',
      notSeen ? 'info' : 'warning',
      subject,
      notSeen ? 'Credentials not checked yet' : 'Credentials unknown',
      notSeen
        ? `${staff.name} is a case manager or provider, but Liaison has not seen their credentials yet, so their assignments are not checked.`
        : `${staff.name} is a case manager or provider, but no credential documents are on record, so their assignments cannot be checked.`,
      cite('CTC_AUTH_FACTORS'),
      notSeen
        ? `Open ${staff.name}'s staff page in the SIS, or import a staff file, so Liaison can read their credentials.`
        : settings.staffKnowledge === 'partial'
          ? `${staff.name}'s staff record in the SIS lists no credential documents: record them there, or look them up on the CTC public search.`
          : `Record ${staff.name}'s credential documents (a staff file with their credentials), or look them up on the CTC public search.`,
    );
  }
  for (const d of info.docs) {
    const name = docName(d);
    for (const raw of d.norm.unrecognized) {
      sink.add(
        'DATA_UNRECOGNIZED',
        sev('warning'),
        subject,
        'Unrecognized credential',
        `The credential ${quoteCredential(raw)} of ${staff.name}${d.cred.expires ? ` (expires ${d.cred.expires})` : ''} could not be matched to CTC authorization codes, so it is not counted as authorizing anything until reviewed.`,
        cite('CTC_T06'),
        'Record the document with its CTC authorization codes (for example R3MN or LSH).',
      );
    }
    const expires = d.cred.expires;
    if (expires && d.expired) {
      sink.add(
        'CREDENTIAL_EXPIRED',
        sev('error'),
        subject,
        'Credential expired',
        `${staff.name}'s ${name} expired on ${expires}; it no longer authorizes any assignment.`,
        cite('CTC_AUTH_FACTORS'),
        `Ask ${staff.name} to renew the document, or record the renewed one.`,
      );
    } else if (expires && expires <= lead) {
      sink.add(
        'CREDENTIAL_EXPIRING',
        sev('warning'),
        subject,
        'Credential expiring soon',
        `${staff.name}'s ${name} expires on ${expires}, within ${settings.expiringLeadDays} days.`,
        cite('CTC_AUTH_FACTORS'),
        `Remind ${staff.name} to renew before ${expires}.`,
      );
    }
    const temporary = TEMPORARY[d.norm.kind];
    if (temporary) {
      sink.add(
        'CREDENTIAL_TEMPORARY',
        'info',
        subject,
        'Temporary document',
        `${staff.name}'s ${name} is a temporary document (${d.norm.kind}): ${temporary.limits}.`,
        temporary.citation,
      );
    }
  }
}
