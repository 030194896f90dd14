import { complianceFindings, type ComplianceSettings } from './compliance';
import type { Finding, Staff, Student } from './domain';
import { runChecks, RULE_PACK_VERSION, type RuleSettings } from './rules';
import { sortFindings } from './rules/findings';

export interface CheckSettings {
  rules?: Partial<RuleSettings>;
  compliance?: Partial<ComplianceSettings>;
}

/**
 * Every check Liaison runs on records: the credential and assignment rules of RULES.md and the IEP compliance
 * dates. The worker, the audit CLI and the benchmarks all call this one function.
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
