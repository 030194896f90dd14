import type { FindingRow, StaffRow, StudentRow } from '../../../lib/db/database';
import { staffRefKeys, studentStaffRefs } from '../../../lib/db/merge';
import type { Finding, Staff, Student } from '../../../lib/domain';

export const SITE = 'https://sis.example.org';
export const NOW = Date.parse('2026-11-23T12:00:00Z');
export const AS_OF = '2026-11-23';

export const studentRow = (
  s: Partial<Student> & { id: string },
  over: Partial<StudentRow> = {},
  site = SITE,
): StudentRow => {
  const record: Student = { name: `Student ${s.id}`, ...s };
  return {
    site,
    school: '',
    id: s.id,
    record,
    staffRefs: studentStaffRefs(site, record),
    seenAt: NOW,
    url: `${site}/students/${s.id}`,
    ...over,
  };
};

export const staffRow = (s: Partial<Staff> & { id: string }, over: Partial<StaffRow> = {}, site = SITE): StaffRow => {
  const record: Staff = { name: `Staff ${s.id}`, ...s };
  return {
    site,
    id: s.id,
    record,
    refs: staffRefKeys(site, record),
    seenAt: NOW,
    url: `${site}/staff/${s.id}`,
    ...over,
  };
};

export const finding = (
  kind: 'student' | 'staff',
  id: string,
  code: string,
  severity: Finding['severity'] = 'error',
): Finding => ({
  code,
  severity,
  subject: { kind, id },
  title: `${code} title`,
  detail: 'detail',
  citation: { source: 'EC 1' },
});

export const findingRow = (kind: 'student' | 'staff', id: string, findings: Finding[], site = SITE): FindingRow => ({
  site,
  kind,
  school: '',
  id,
  findings,
  checkedAt: NOW,
});
