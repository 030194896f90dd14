import type { Citation } from '../../domain/finding';

/**
 * The sources the rule pack rests on (ctc-reference.json `sources`, research.md §10). Every table row and every
 * finding cites one of these, so a reviewer can check the rule against the text it came from.
 */
export const SOURCES = {
  CTC_SPED_CHART: {
    source: 'CTC Special Education Assignment Chart (Assignments Authorized by Special Education Authorizations)',
    url: 'https://docs.ctc.ca.gov/Document/Download/30212',
  },
  CTC_T06: { source: 'CTC data table T06 (authorization statements)', url: 'https://wwwfiles.ctc.ca.gov/T06FILE.txt' },
  CTC_CASE_MGMT: {
    source: 'CTC Assignment Resources: Special Education Case Management',
    url: 'https://www.ctc.ca.gov/credentials/assignment-resources/special-education-case-management',
  },
  CTC_AUTH_FACTORS: {
    source: 'CTC Assignment Factors: Credential Authorizations',
    url: 'https://www.ctc.ca.gov/employers/assignment-resources/assignment-monitoring/credential-authorizations/',
  },
  CTC_CALSAAS_SPED: {
    source: 'CTC CalSAAS: Appropriate Credentials for Special Education Disability Categories',
    url: 'https://www.ctc.ca.gov/credentials/calsaas-information/Appropriate-credentials-for-SPED',
  },
  CL879: {
    source: 'CTC leaflet CL-879 Speech-Language Pathology Services Credential',
    url: 'https://www.ctc.ca.gov/credentials/leaflets/cl-879/',
  },
  CL610: {
    source: 'CTC leaflet CL-610 Clinical or Rehabilitative Services Credentials',
    url: 'https://www.ctc.ca.gov/credentials/leaflets/Clinical-or-Rehabilitative-Credentials-(CL-610)',
  },
  CL380: {
    source: 'CTC leaflet CL-380 School Nurse Services Credential',
    url: 'https://www.ctc.ca.gov/credentials/leaflets/cl-380/',
  },
  CL625: {
    source: 'CTC leaflet CL-625 Resource Specialist Added Authorization',
    url: 'https://www.ctc.ca.gov/credentials/leaflets/cl-625/',
  },
  CL856: {
    source: 'CTC leaflet CL-856 Provisional Internship Permit',
    url: 'https://www.ctc.ca.gov/credentials/leaflets/cl-856/',
  },
  CL858: {
    source: 'CTC leaflet CL-858 Short-Term Staff Permit',
    url: 'https://www.ctc.ca.gov/credentials/leaflets/cl-858/',
  },
  CL889: {
    source: 'CTC leaflet CL-889 Special Education Limited Assignment Permit',
    url: 'https://www.ctc.ca.gov/credentials/leaflets/cl-889/',
  },
  CTC_WAIVERS: {
    source: 'CTC certification glossary: Waivers',
    url: 'https://www.ctc.ca.gov/credentials/certification-glossary/Waivers',
  },
  CL808CA: {
    source: 'CTC leaflet CL-808CA Education Specialist Instruction Credential',
    url: 'https://www.ctc.ca.gov/docs/default-source/leaflets/cl808ca.pdf',
  },
  CALPADS_PLAN0726: {
    source: 'CALPADS PLAN0726 Disability Degree of Support (field 23.16)',
    url: 'https://documentation.calpads.org/Troubleshooting/PLAN/PLAN0726',
  },
  CALPADS_CODES: {
    source: 'CDE CALPADS code sets (disability and service codes; research.md §1, §5.3)',
    url: 'https://www.cde.ca.gov/ds/sp/cl/systemdocs.asp',
  },
  EC56026_5: {
    source: 'Education Code 56026.5 (low incidence disability)',
    url: 'https://lawinsider.com/dictionary/low-incidence-disability',
  },
  EC56362: {
    source: 'Education Code 56362(c) (resource specialist caseload 28; waiver to 32)',
    url: 'https://jurris.com/california/education-code/56360-56369/56362-5',
  },
  EC56363_3: {
    source: 'Education Code 56363.3 (language, speech and hearing average caseload 55)',
    url: 'http://gamutonline.net/district/sebastopol/displayPolicy/133483/0',
  },
  EC56441_7: {
    source: 'Education Code 56441.7(a) (preschool-only speech caseload 40)',
    url: 'https://online.flippingbook.com/view/696684130/635',
  },
  CCR3051_1: {
    source: '5 CCR 3051.1 (language and speech services)',
    url: 'http://gamutonline.net/district/sebastopol/displayPolicy/186897/0',
  },
  BP2630: {
    source: 'Business and Professions Code 2630 (physical therapy license)',
    url: 'http://laws9.com/statutes/california/bpc/2630-2640',
  },
  BP2570: { source: 'Business and Professions Code 2570 et seq. (occupational therapy license)' },
  LOCAL: { source: 'Local policy (district or SELPA caseload settings)' },
} as const satisfies Record<string, Citation>;

export type SourceKey = keyof typeof SOURCES;

/** One citation naming several sources: the first one's address, all of their titles. */
export function cite(...keys: [SourceKey, ...SourceKey[]]): Citation {
  const first = SOURCES[keys[0]];
  const source = keys.map((k) => SOURCES[k].source).join('; ');
  return 'url' in first ? { source, url: first.url } : { source };
}
