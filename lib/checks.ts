import { complianceFindings, resolveComplianceSettings, type ComplianceSettings } from './compliance';
import type { LiaisonDb } from './db/database';
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

/** Where the user's own check settings are kept (db.settings); district policy still wins over them. */
export const CHECK_SETTINGS_KEY = 'checks';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * The user's stored check settings, only the fields they set and a valid value holds (a damaged field is dropped,
 * so its default applies): rule lead days and local caseload caps, compliance lead times and dates. Staff
 * knowledge is never read from storage (the browser's is `partial`). Nothing stored, or a failed read: `{}`.
 */
export async function loadCheckSettings(db: LiaisonDb): Promise<CheckSettings> {
  const value = await db.settings
    .get(CHECK_SETTINGS_KEY)
    .then((r) => r?.value)
    .catch(() => undefined);
  const obj = (v: unknown): Record<string, unknown> | null =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  const stored = obj(value);
  if (!stored) return {};
  const out: CheckSettings = {};
  const rules = obj(stored.rules);
  if (rules) {
    const r: Partial<RuleSettings> = {};
    if (isCount(rules.expiringLeadDays)) r.expiringLeadDays = rules.expiringLeadDays;
    const caps = obj(rules.caseloadCaps);
    if (caps)
      r.caseloadCaps = Object.fromEntries(Object.entries(caps).filter(([, v]) => isCount(v) && v > 0)) as Record<
        string,
        number
      >;
    if (Object.keys(r).length) out.rules = r;
  }
  const compliance = obj(stored.compliance);
  if (compliance) {
    // Only the fields the user set, each as the compliance checks accept it (resolveComplianceSettings drops bad ones).
    const resolved = resolveComplianceSettings(compliance as Partial<ComplianceSettings>);
    const kept = (k: string) =>
      k in resolved &&
      (Array.isArray(resolved[k as keyof ComplianceSettings]) ||
        resolved[k as keyof ComplianceSettings] === compliance[k]);
    const c = Object.fromEntries(
      Object.keys(compliance)
        .filter(kept)
        .map((k) => [k, resolved[k as keyof ComplianceSettings]]),
    );
    if (Object.keys(c).length) out.compliance = c as Partial<ComplianceSettings>;
  }
  return out;
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
    ...complianceFindings(data.students, {
      asOf: opts.asOf,
      settings: opts.settings?.compliance,
      pack: RULE_PACK_VERSION,
    }),
  ]);
}
