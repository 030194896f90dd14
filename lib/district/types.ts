import type { Finding, Severity } from '../domain';

/** One student as the district view lists it: the record's few shown fields and its stored findings. */
export interface StudentLine {
  site: string;
  id: string;
  name: string;
  school: string;
  /** The stored student's school key part (StudentRow `school`): with `site` and `id`, which student this is. */
  schoolKey: string;
  grade: string;
  /** `site|staffId` of the resolved case manager, or null when Liaison does not know them. */
  caseManagerKey: string | null;
  caseManagerName: string;
  findings: Finding[];
  severity: Severity | 'none';
  seenAt: number;
  url: string;
  /** The record's own page in the SIS (http or https), when Liaison has read it: the district view links to it. */
  recordUrl: string | null;
}

export interface StaffLine {
  site: string;
  id: string;
  name: string;
  position: string;
  findings: Finding[];
  severity: Severity | 'none';
  seenAt: number;
  url: string;
  /** As StudentLine `recordUrl`. */
  recordUrl: string | null;
}

/** Students per staff member in one role, against the cap that applies to them (null: no known cap). */
export interface Load {
  key: string;
  site: string;
  staffId: string;
  name: string;
  position: string;
  role: 'case-manager' | 'provider';
  count: number;
  cap: number | null;
  /** Where the cap comes from, for the chart's table: "staff record", "local", "EC 56362"… */
  capSource: string | null;
}

export interface Expiring {
  site: string;
  staffId: string;
  name: string;
  title: string;
  expires: string;
  /** Days from the as-of date; negative when already expired. */
  days: number;
}

export interface DistrictView {
  students: StudentLine[];
  staff: StaffLine[];
  caseManagers: Load[];
  providers: Load[];
  expiring: Expiring[];
  /** `codes` with the title each code's findings carry, for filters that speak in words. */
  facets: {
    schools: string[];
    caseManagers: { key: string; name: string }[];
    codes: { code: string; title: string }[];
  };
}
