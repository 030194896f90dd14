export interface RuleSettings {
  /** A document expiring within this many days of the as-of date is CREDENTIAL_EXPIRING. */
  expiringLeadDays: number;
  /** Local caseload caps by staff position (as the SIS shows it, compared case-insensitively). */
  caseloadCaps: Record<string, number>;
  /**
   * `complete`: the staff records are the district's whole list, so a missing record or credential list is a data
   * problem. `partial`: Liaison learns staff from the pages the user opens (the browser), so what it has not read
   * is "not checked", not a fault (RULES.md check 8).
   */
  staffKnowledge: 'partial' | 'complete';
}

export const DEFAULT_SETTINGS: RuleSettings = Object.freeze({
  expiringLeadDays: 60,
  caseloadCaps: Object.freeze({}) as Record<string, number>,
  staffKnowledge: 'complete',
});

/** Defaults for whatever is absent; an explicit `undefined` (a cleared form field) also means the default. */
export function resolveRuleSettings(partial: Partial<RuleSettings> | undefined): RuleSettings {
  const given = Object.fromEntries(Object.entries(partial ?? {}).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_SETTINGS, ...given };
}

/** Bumped when a table or check changes what findings a district would see. */
export const RULE_PACK_VERSION = 'ca-2026.11.2';
