import type { Citation } from '../domain/finding';

/**
 * Statutes the compliance checks rest on. research.md quotes none of these sections and gives no address for
 * them, so the citations carry no url (RULES.md: url only where the research gives one).
 */
export const CITE = {
  annual: { source: 'Cal. Educ. Code § 56343(d) (IEP review at least annually)' },
  triennial: { source: 'Cal. Educ. Code § 56381(a)(2) (reassessment at least once every three years)' },
  plan: { source: 'Cal. Educ. Code §§ 56043(a), 56321(a) (assessment plan within 15 days of referral)' },
  planEndOfYear: {
    source: 'Cal. Educ. Code §§ 56043(b), 56321(a) (referral 10 days or less before the end of the school year)',
  },
  initialIep: {
    source: 'Cal. Educ. Code §§ 56043(c), 56043(f), 56344(a) (initial IEP within 60 days of consent to assessment)',
  },
  initialIepEndOfYear: {
    source: 'Cal. Educ. Code § 56344(a) (referral 30 days or less before the end of the school year)',
  },
  transition: {
    source: 'Cal. Educ. Code § 56043(g)(1); 20 U.S.C. § 1414(d)(1)(A)(i)(VIII) (transition plan by the IEP in effect at 16)',
  },
  majority: {
    source: 'Cal. Educ. Code §§ 56041.5, 56043(g)(3) (rights transfer at 18; notice at least one year before)',
  },
} as const satisfies Record<string, Citation>;
