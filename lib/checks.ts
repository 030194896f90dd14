import { complianceFindings, type ComplianceSettings } from './compliance';
import type { Finding, Staff, Student } from './domain';
import { runChecks, RULE_PACK_VERSION, type RuleSettings } from './rules';
import { sortFindings } from './rules/findings';

export interface CheckSettings {
  rules?: Partial<RuleSettings>;
  compliance?: Partial<ComplianceSettings>;
}

/**
 * Settings for checks run in the browser, which learns staff from the pages the user happens to open: staff
 * knowledge `partial` unless the caller says otherwise (RULES.md check 8, "Not checked yet"). An import the user
 * marked as the district's full staff list passes `rules: { staffKnowledge: 'complete' }`.
 */
export function browserCheckSettings(settings?: CheckSettings): CheckSettings {
  return { ...settings, rules: { ...settings?.rules, staffKnowledge: settings?.rules?.staffKnowledge ?? 'partial' } };
}

/**
 * Every check Liaison runs on records: the credential and assignment rules of RULES.md and the IEP compliance
 * dates. The worker, the audit CLI and the benchmarks all call this one function. Staff knowledge defaults to
 * `complete` (the audit); the browser passes `browserCheckSettings()`.
 */
export function runAllChecks(
  data: { students: Student[]; staff: Staff[] },
  opts: { asOf: string; settings?: CheckSettings },
): Finding[] {
  return sortFindings([
    ...runChecks(data, { asOf: opts.asOf, settings: opts.settings?.rules }),
    ...complianceFindings(data.students, { asOf: opts.asOf, settings: opts.settings?.compliance, pack: RULE_PACK_VERSION }),
  ]);
}
