/** The California rule pack (RULES.md): normalizers, tables and `runChecks`. */
export { runChecks } from './run';
export { DEFAULT_SETTINGS, RULE_PACK_VERSION, type RuleSettings } from './settings';
export { RULE_CODES, type RuleCode } from './codes';
export { isNotCheckedFinding, isOnlyNotChecked, NOT_CHECKED_CODES } from '../domain/not-checked';
export { normalizeDisability, type DisabilityResult } from './normalize/disability';
export { normalizeService, type ServiceResult } from './normalize/service';
export { normalizeCredential, type NormalizedCredential } from './normalize/credential';
export {
  normalizeProgram,
  normalizeRole,
  normalizeSupport,
  type FieldRead,
  type Program,
} from './normalize/student-fields';
export { parseGrade, studentLevel } from './grade';
export { COVERAGE, type CoverageRow } from './pack/coverage';
export { SERVICES, type ServiceRow } from './pack/services';
export { CAPS } from './pack/caps';
export { TITLE_RULES, describeCode } from './pack/credentials';
export { DISABILITIES, type Category } from './pack/disabilities';
export { SOURCES } from './pack/sources';
export { findingsToCsv, findingsToTable } from './report';
