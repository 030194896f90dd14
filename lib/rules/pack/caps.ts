import type { Citation } from '../../domain/finding';
import { cite } from './sources';

/** Statutory caseload caps (RULES.md check 7, research.md §4). Local caps per position are settings. */
export interface CapRow {
  id: 'rsp' | 'slp-pk' | 'slp';
  max: number;
  severity: 'error' | 'warning';
  /** Up to this many may be allowed by a State Board waiver (EC 56362: aide, not over 28 for two years). */
  waiverMax?: number;
  who: string;
  citation: Citation;
}

export const CAPS = {
  rsp: { id: 'rsp', max: 28, waiverMax: 32, severity: 'error', who: 'resource specialist', citation: cite('EC56362') },
  slpPK: {
    id: 'slp-pk',
    max: 40,
    severity: 'error',
    who: 'speech-language specialist serving only preschool children',
    citation: cite('EC56441_7'),
  },
  slp: {
    id: 'slp',
    max: 55,
    severity: 'warning',
    who: 'speech-language specialist',
    citation: cite('EC56363_3', 'CCR3051_1'),
  },
} as const satisfies Record<string, CapRow>;
