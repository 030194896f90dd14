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
    source:
      'Cal. Educ. Code § 56043(g)(1); 20 U.S.C. § 1414(d)(1)(A)(i)(VIII) (transition plan by the IEP in effect at 16)',
  },
  majority: {
    source: 'Cal. Educ. Code §§ 56041.5, 56043(g)(3) (rights transfer at 18; notice at least one year before)',
  },
  scheduleBy: {
    source:
      'Cal. Educ. Code § 56341.5(a)–(c); 34 C.F.R. § 300.322(a) (parents notified early enough to attend, meeting at a mutually agreed time and place); the schedule-by lead time is a district setting',
  },
  transfer: {
    source:
      'Cal. Educ. Code § 56325(a)(1) (transfer with an IEP: comparable services for up to 30 days, by which time the previous IEP is adopted or a new one is developed)',
  },
  progress: {
    source:
      'Cal. Educ. Code § 56345(a)(3); 34 C.F.R. § 300.320(a)(3)(ii) (progress reports at least as often as report cards)',
  },
  plan504: {
    source: "34 C.F.R. § 104.35(d) (periodic reevaluation of a Section 504 plan; the review date is the plan's own)",
  },
} as const satisfies Record<string, Citation>;
