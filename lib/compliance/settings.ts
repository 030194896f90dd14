import { isIsoDate } from '../dates';

/** A district break, inclusive dates (winter break, spring break, a single holiday). */
export interface SchoolBreak {
  start: string;
  end: string;
  name?: string;
}

export interface ComplianceSettings {
  annualLeadDays: number;
  triennialLeadDays: number;
  transitionLeadDays: number;
  /** Notice of the rights that transfer at 18 is due a year ahead (EC 56043(g)(3), 56041.5). */
  majorityLeadDays: number;
  /**
   * The date by which an annual or triennial meeting must be scheduled: this many days before it is due
   * (PCG warns at 335 days, i.e. 30 before the annual). District policy may set it.
   */
  scheduleLeadDays: number;
  /** `IEP_SCHEDULE_BY` shows as info this many days before the schedule-by date. */
  scheduleNoticeDays: number;
  /** The district's report-card dates (YYYY-MM-DD): IEP progress reports are due with each. */
  reportCardDates: string[];
  /** `PROGRESS_REPORT_DUE` shows this many days before a report-card date. */
  progressLeadDays: number;
  /** `PLAN_504_REVIEW_DUE` shows this many days before a 504 plan's review date. */
  plan504LeadDays: number;
  /** `statute`: school vacations of more than five school days, and the days between school years, do not count. */
  tolling: 'statute' | 'none';
  breaks: SchoolBreak[];
  /** Last day of the current regular school year. With `schoolYearStart`, enables the end-of-year rules. */
  schoolYearEnd?: string;
  /** First day of the next regular school year. */
  schoolYearStart?: string;
}

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = Object.freeze({
  annualLeadDays: 30,
  triennialLeadDays: 60,
  transitionLeadDays: 60,
  majorityLeadDays: 365,
  scheduleLeadDays: 30,
  scheduleNoticeDays: 14,
  reportCardDates: [],
  progressLeadDays: 14,
  plan504LeadDays: 30,
  tolling: 'statute',
  breaks: [],
});

const LEADS = [
  'annualLeadDays',
  'triennialLeadDays',
  'transitionLeadDays',
  'majorityLeadDays',
  'scheduleLeadDays',
  'scheduleNoticeDays',
  'progressLeadDays',
  'plan504LeadDays',
] as const;

/**
 * Defaults filled in, and whatever a bad setting holds replaced by the default: settings come from the options
 * page and district policy, and one malformed break must not stop every compliance check.
 */
export function resolveComplianceSettings(partial: Partial<ComplianceSettings> = {}): ComplianceSettings {
  const out: ComplianceSettings = { ...DEFAULT_COMPLIANCE_SETTINGS, breaks: [], reportCardDates: [] };
  for (const key of LEADS) {
    const v = partial[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[key] = v;
  }
  if (partial.tolling === 'none' || partial.tolling === 'statute') out.tolling = partial.tolling;
  out.breaks = (partial.breaks ?? []).filter((b) => isIsoDate(b?.start) && isIsoDate(b?.end) && b.start <= b.end);
  // Sorted and distinct, so the next report-card date is the first one on or after the as-of date.
  const cards = Array.isArray(partial.reportCardDates) ? partial.reportCardDates.filter((d) => isIsoDate(d)) : [];
  out.reportCardDates = [...new Set(cards)].sort();
  if (isIsoDate(partial.schoolYearEnd)) out.schoolYearEnd = partial.schoolYearEnd;
  if (isIsoDate(partial.schoolYearStart)) out.schoolYearStart = partial.schoolYearStart;
  return out;
}
