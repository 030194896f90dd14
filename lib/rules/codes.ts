import type { Severity } from '../domain/finding';

/**
 * Every finding code of RULES.md and the severities it may carry (a meta-test compares this list with RULES.md).
 * Codes are stable: new checks add codes, never rename them.
 */
export const RULE_CODES = {
  CM_NOT_AUTHORIZED: ['error'],
  CM_AUTH_VIA_PROVIDER: ['info'],
  CM_AUTH_NEEDS_REVIEW: ['warning'],
  PROVIDER_NOT_AUTHORIZED: ['error'],
  PROVIDER_NEEDS_REVIEW: ['warning'],
  PROVIDER_UNKNOWN_STAFF: ['info'],
  ALT_PLACEMENT_PRIMARY_UNSERVED: ['error'],
  ALT_PLACEMENT_INVALID: ['warning'],
  CM_BEST_PRACTICE: ['warning'],
  CREDENTIAL_EXPIRED: ['error', 'info'],
  CREDENTIAL_EXPIRING: ['warning', 'info'],
  CREDENTIAL_TEMPORARY: ['info'],
  CASELOAD_OVER_CAP: ['error', 'warning'],
  CM_MISSING: ['error'],
  CM_UNKNOWN_STAFF: ['warning'],
  // Never-read credentials with partial staff knowledge are info; read-and-empty (or complete knowledge) warning.
  STAFF_NO_CREDENTIALS: ['warning', 'info'],
  DATA_UNRECOGNIZED: ['warning', 'info'],
  CM_NOT_CHECKED: ['info'],
  PROVIDER_NOT_CHECKED: ['info'],
} as const satisfies Record<string, readonly Severity[]>;

export type RuleCode = keyof typeof RULE_CODES;
