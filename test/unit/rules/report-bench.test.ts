import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findingsToCsv, findingsToTable, runChecks } from '../../../lib/rules';
import { benchAudit } from '../../../bench/audit';
import { generateDistrict } from '../../../bench/district';
import { AS_OF, doc, pupil, teacher } from './helpers';

describe('report formats', () => {
  const findings = runChecks(
    {
      staff: [teacher('T1', 'Omar Reyes', doc(null, { title: 'Multiple Subject Teaching Credential' }))],
      students: [pupil('S1', 'T1', '290')],
    },
    { asOf: AS_OF },
  );
  it('CSV has one row per finding with flattened subject and citation', () => {
    const rows = Papa.parse<Record<string, string>>(findingsToCsv(findings), { header: true }).data;
    expect(rows).toHaveLength(findings.length);
    expect(rows[0]).toMatchObject({
      code: 'CM_NOT_AUTHORIZED',
      severity: 'error',
      subject_kind: 'student',
      subject_id: 'S1',
      pack: findings[0]!.pack,
    });
    expect(rows[0]!.citation_url).toMatch(/^https:/);
  });
  it('the table lists each finding with its detail and a summary', () => {
    const table = findingsToTable(findings);
    expect(table).toMatch(/ERROR\s+CM_NOT_AUTHORIZED\s+student S1/);
    expect(table).toContain(findings[0]!.detail);
    expect(table).toMatch(/1 findings: 1 errors, 0 warnings, 0 info\./);
    expect(findingsToTable([])).toBe('No findings.\n');
  });
});

describe('bench district', () => {
  it('is deterministic and sized as asked', () => {
    const a = generateDistrict(500, 100);
    expect(a.students).toHaveLength(500);
    expect(a.staff).toHaveLength(100);
    expect(generateDistrict(500, 100)).toEqual(a);
  });
  it('benchAudit times runChecks and reports the findings it produced', () => {
    const r = benchAudit({ students: 2000, staff: 400, runs: 3 });
    expect(r.runs).toHaveLength(3);
    expect(r.medianSeconds).toBeGreaterThan(0);
    expect(r.findings).toBeGreaterThan(0);
  });
});
