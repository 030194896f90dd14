import type { Citation } from '../../domain/finding';
import type { Category } from './disabilities';
import { cite } from './sources';

/**
 * Special-education services, what a provider needs to deliver each, and which disabilities a service addresses
 * for the exception of check 1 (RULES.md checks 1 and 3). Only 330, 415, 450, 510 and 515 are confirmed CALPADS
 * codes (research.md §5.3); the rest are matched by name only, so an unconfirmed code never decides anything.
 */
export type ServiceId =
  | 'SAI'
  | 'SPEECH'
  | 'OT'
  | 'PT'
  | 'APE'
  | 'AUDIOLOGY'
  | 'OM'
  | 'COUNSELING_IND'
  | 'COUNSELING_GUID'
  | 'PSYCH'
  | 'NURSING'
  | 'DHH'
  | 'VISION'
  | 'OTHER';

export interface ServiceRow {
  id: ServiceId;
  /** Confirmed CALPADS code, if any. */
  code?: string;
  /** Display name. */
  name: string;
  /** Other names SIS pages use, compared as lowercase words. */
  aliases: readonly string[];
  /** Any one of these authorizes the provider; `coverage` means the check-1 coverage table; null: not checked. */
  requires: readonly string[] | 'coverage' | null;
  /** For the exception of check 1: the disabilities this service addresses, and under which authorizations. */
  addresses?: { categories: readonly Category[] | 'coverage'; under: readonly string[] | 'coverage' };
  citation: Citation;
}

/** RULES.md check 1: vision or orientation-and-mobility services under R3VB, R3VI or CRS O&M address VI and DB. */
const VISION_AUTHS = ['R3VB', 'R3VI', 'R56A:OM'];

export const SERVICES: readonly ServiceRow[] = [
  {
    id: 'SAI',
    code: '330',
    name: 'Specialized Academic Instruction',
    aliases: ['specialized academic instruction', 'sai', 'specialized academic instruction sai'],
    requires: 'coverage',
    addresses: { categories: 'coverage', under: 'coverage' },
    citation: cite('CTC_SPED_CHART', 'CTC_AUTH_FACTORS'),
  },
  {
    id: 'SPEECH',
    code: '415',
    name: 'Language and Speech',
    aliases: [
      'language and speech',
      'speech and language',
      'speech language',
      'language speech',
      'speech',
      'speech therapy',
      'speech and language therapy',
      'speech language therapy',
      'speech language services',
      'speech and language services',
      'language and speech services',
      'speech language pathology',
      'speech language pathology services',
      'lss',
    ],
    requires: ['LSH', 'R56B', 'R56C', 'license:SLP'],
    addresses: { categories: ['SLI'], under: ['LSH', 'license:SLP'] },
    citation: cite('CL879', 'CCR3051_1'),
  },
  {
    id: 'OT',
    code: '450',
    name: 'Occupational Therapy',
    aliases: ['occupational therapy', 'ot', 'occupational therapy services'],
    requires: ['license:OT'],
    citation: cite('BP2570'),
  },
  {
    id: 'PT',
    name: 'Physical Therapy',
    aliases: ['physical therapy', 'pt', 'physical therapy services'],
    requires: ['license:PT'],
    citation: cite('BP2630'),
  },
  {
    id: 'APE',
    name: 'Adapted Physical Education',
    aliases: ['adapted physical education', 'adapted pe', 'ape'],
    requires: ['APEA'],
    citation: cite('CTC_SPED_CHART', 'CTC_T06'),
  },
  {
    id: 'AUDIOLOGY',
    name: 'Audiological Services',
    aliases: ['audiological services', 'audiology', 'audiology services', 'audiological'],
    requires: ['AUDL', 'R56A:AUD'],
    citation: cite('CTC_T06', 'CL610'),
  },
  {
    id: 'OM',
    name: 'Orientation and Mobility',
    aliases: ['orientation and mobility', 'o and m', 'orientation mobility', 'orientation and mobility services'],
    requires: ['R56A:OM'],
    addresses: { categories: ['VI', 'DB'], under: VISION_AUTHS },
    citation: cite('CL610'),
  },
  {
    id: 'COUNSELING_IND',
    code: '510',
    name: 'Individual Counseling',
    aliases: ['individual counseling', 'counseling'],
    requires: ['R511', 'R512', 'R513'],
    citation: cite('CTC_T06'),
  },
  {
    id: 'COUNSELING_GUID',
    code: '515',
    name: 'Counseling and Guidance',
    aliases: ['counseling and guidance', 'group counseling'],
    requires: ['R511', 'R512', 'R513'],
    citation: cite('CTC_T06'),
  },
  {
    id: 'PSYCH',
    name: 'Psychological Services',
    aliases: ['psychological services', 'psychological', 'school psychology services'],
    requires: ['R513'],
    citation: cite('CTC_T06'),
  },
  {
    id: 'NURSING',
    name: 'Health and Nursing',
    aliases: [
      'health and nursing',
      'nursing',
      'nursing services',
      'health and nursing specialized physical health care',
      'specialized physical health care',
      'health and nursing other services',
      'health and nursing other',
      'school nurse services',
    ],
    requires: ['R52N'],
    citation: cite('CL380'),
  },
  {
    id: 'DHH',
    name: 'Specialized Deaf and Hard of Hearing Services',
    aliases: [
      'specialized deaf and hard of hearing services',
      'specialized deaf and hard of hearing',
      'deaf and hard of hearing services',
      'dhh services',
      'specialized dhh services',
      'specialized dhh',
      'dhh itinerant services',
    ],
    requires: ['R3HD', 'R3DH'],
    addresses: { categories: ['HH', 'DEAF', 'DB'], under: ['R3HD', 'R3DH'] },
    citation: cite('CTC_SPED_CHART'),
  },
  {
    id: 'VISION',
    name: 'Specialized Vision Services',
    aliases: [
      'specialized vision services',
      'specialized vision',
      'vision services',
      'vi services',
      'visual impairment services',
    ],
    requires: ['R3VB', 'R3VI'],
    addresses: { categories: ['VI', 'DB'], under: VISION_AUTHS },
    citation: cite('CTC_SPED_CHART'),
  },
  {
    // Recognized services with no credential rule in this pack: they are understood, not checked.
    id: 'OTHER',
    name: 'Other service',
    aliases: [
      'intensive individual services',
      'individual and small group instruction',
      'assistive technology',
      'assistive technology services',
      'parent counseling',
      'social work services',
      'social work',
      'behavior intervention services',
      'behavior intervention',
      'day treatment services',
      'residential treatment services',
      'interpreter services',
      'braille transcription',
      'specialized orthopedic services',
      'reading services',
      'note taking services',
      'transcription services',
      'recreation services',
      'college awareness',
      'vocational assessment counseling guidance and career assessment',
      'career awareness',
      'work experience education',
      'job coaching',
      'mentoring',
      'agency linkages',
      'travel training',
      'other transition services',
      'other special education related services',
      'transportation',
      'extended school year',
    ],
    requires: null,
    citation: cite('CALPADS_CODES'),
  },
];

export const SERVICE_BY_ID: ReadonlyMap<ServiceId, ServiceRow> = new Map(SERVICES.map((s) => [s.id, s]));
