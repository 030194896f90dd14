import { withProfileDefaults } from '../profile-match';
import type { Service } from '../../domain';
import { textLines } from '../generic/lines';
import { profileAdapter } from '../generic/profile-reader';
import type { SiteProfileInput } from '../profile';
import type { PageRead } from '../types';

/**
 * SEIS (seis.org), a starting profile built only from public code (shared/sis-pages/commercial-sis-facts.md §3):
 * src bstewart2255/speddy, speddy-chrome-extension/manifest.json and content-scripts/seis.js — hosts
 * `*.seis.org` / `www.seis.org`; an AngularJS SPA whose pages are told apart by the URL substrings
 * `/state/goals` and `/state/services`; no stable selectors: the student sidebar is text with the labels
 * `Name:`, `SEIS ID:`, `SSID:`, `DOB:`, `Grade:`, `School:`, `Case Manager:`, `Future IEP Date:` / `Next IEP:`,
 * `Current IEP Date:` / `IEP Date:`; services are text like `#1 510 Individual counseling`. That code says its
 * patterns were written from screenshots, so this profile stays unverified. The record id is the SEIS ID.
 */
export const SEIS_PROFILE = {
  id: 'seis',
  label: 'SEIS (starting profile)',
  verified: false,
  hostPatterns: ['*.seis.org', 'seis.org'],
  source: 'commercial-sis-facts.md §3: bstewart2255/speddy speddy-chrome-extension/content-scripts/seis.js',
  pages: [
    {
      type: 'student',
      urlPatterns: [
        '/**/state/goals',
        '/**/state/services',
        '/**#/state/goals*',
        '/**#/state/services*',
        '/**#/state/goals',
        '/**#/state/services',
      ],
      id: { from: 'label', label: 'SEIS ID' },
      name: { label: 'Name' },
      fields: {
        birthDate: { label: 'DOB' },
        grade: { label: 'Grade' },
        school: { label: 'School' },
        caseManager: { label: 'Case Manager' },
        iepNextAnnual: { label: ['Future IEP Date', 'Next IEP'] },
        iepLastMeeting: { label: ['Current IEP Date', 'IEP Date'] },
      },
    },
  ],
} satisfies SiteProfileInput;

/** A service line as seis.js reads it: "#1 510 Individual counseling". */
const SERVICE_LINE = /^#\d+\s+(\d{3})\s+(.+)$/;

export function servicesFromText(root: ParentNode): Service[] {
  return textLines(root)
    .map((line) => SERVICE_LINE.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ code: m[1], name: (m[2] ?? '').slice(0, 2000) }))
    .slice(0, 100);
}

/** Services are only listed on the services page; elsewhere they stay unknown (absent), not empty. */
function addServices(read: PageRead, doc: Document, url: URL): PageRead {
  const student = read.snapshot.students[0];
  if (!student || !/\/state\/services/.test(`${url.pathname}${url.hash}`) || !doc.body) return read;
  student.services = servicesFromText(doc.body);
  student.provenance = { ...student.provenance, services: 'text "#n code name" lines' };
  return read;
}

export const seisAdapter = profileAdapter(withProfileDefaults(SEIS_PROFILE), addServices);

export const SEIS_URLS = {
  match: [
    'https://www.seis.org/#/state/services',
    'https://www.seis.org/#/state/goals',
    'https://district.seis.org/app/state/services?student=1',
  ],
  noMatch: [
    'https://www.seis.org/',
    'https://www.seis.org/#/state/dashboard',
    'https://seis.example.com/state/services',
  ],
} as const;
