import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { comparedCodes } from '../rules/helpers';

const ROOT = resolve(__dirname, '../../..');
const CASES = resolve(ROOT, '../shared/domain/cases.json');
const present = existsSync(CASES);

/** Runs the command exactly as documented, in the repo root. */
function npmAudit(args: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(`npm run audit -- ${args}`, { cwd: ROOT, shell: true, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: withoutNpmBanner(r.stdout), stderr: r.stderr };
}

/** npm itself prints "> liaison@x audit" and the command on stdout before the script runs; that is not ours. */
function withoutNpmBanner(stdout: string): string {
  return stdout.replace(/^\s*(?:> .*\n)+\n?/, '');
}

describe.skipIf(!present)(
  present ? 'npm run audit on cases.json' : 'npm run audit on cases.json (left out: ../shared not present)',
  () => {
    it('prints exactly {findings} as JSON matching the expectations', () => {
      const r = npmAudit('../shared/domain/cases.json --format json');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(['findings']);
      const raw = JSON.parse(readFileSync(CASES, 'utf8'));
      for (const [id, codes] of Object.entries(raw.expect.students as Record<string, string[]>)) {
        expect(comparedCodes(out.findings, 'student', id), `student ${id}`).toEqual([...codes].sort());
      }
      for (const s of raw.staff as { id: string }[]) {
        expect(comparedCodes(out.findings, 'staff', s.id), `staff ${s.id}`).toEqual(
          [...(raw.expect.staff[s.id] ?? [])].sort(),
        );
      }
    }, 60_000);
  },
);

describe('npm run audit on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-'));

  it('CSV output neutralizes a formula in a cell, also one with a line break after it', () => {
    const file = join(dir, 'formula.json');
    const student = { id: '=1+1', name: 'x', grade: '4', primaryDisability: '290', caseManager: { staffId: '=A1\nB' } };
    writeFileSync(file, JSON.stringify({ students: [student], staff: [] }));
    const r = npmAudit(`${file} --format csv`);
    expect(r.status).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout.trim()).data;
    const id = rows[0]!.indexOf('subject_id');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) expect(row[id]).toBe(`'=1+1`);
    const cells = rows.slice(1).flat();
    expect(cells.some((c) => c.includes('=A1'))).toBe(true);
    expect(cells.filter((c) => /^\s*[=+@]/.test(c))).toEqual([]);
  }, 60_000);

  it('malformed JSON: non-zero exit, file and line named, nothing on stdout', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "students": [\n    { "id": "1", "name": "Zed Quinn", }\n  ]\n}\n');
    const r = npmAudit(`${file} --format json`);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('broken.json');
    expect(r.stderr).toMatch(/line 3/);
    expect(r.stderr).not.toContain('Zed Quinn');
  }, 60_000);

  it('CSV with a bad date in row 3: non-zero exit naming file, row and field, no student data', () => {
    const file = join(dir, 'students.csv');
    writeFileSync(
      file,
      [
        'Student ID,Student Name,Grade,Birth Date,Primary Disability,Case Manager',
        '1001,Ann Able,4,2016-02-03,290,Priya Patel',
        '1002,Bo Baker,4,2016-03-04,240,Priya Patel',
        '1003,Cy Crane,4,2016-13-45,290,Priya Patel',
        '1004,Di Dunn,4,2016-05-06,290,Priya Patel',
      ].join('\n'),
    );
    const r = npmAudit(`${file} --format json`);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('students.csv');
    expect(r.stderr).toContain('row 3');
    expect(r.stderr).toContain('"Birth Date"');
    expect(r.stderr).not.toMatch(/Cy Crane|1003|2016-13-45/);
  }, 60_000);

  it('CSV input with a staff CSV gives findings on the CSV records', () => {
    const students = join(dir, 'good.csv');
    const staff = join(dir, 'staff.csv');
    writeFileSync(
      students,
      'SSID,Name,Grade,Prim. Dis.,Program,Case Manager,CM Role,Services,Providers\n7,Al Ames,3,SLD (290),SDC,"Reyes, Omar",instruction,330 - Specialized Academic Instruction,Omar Reyes\n',
    );
    writeFileSync(
      staff,
      'Employee ID,Name,Credential,Expiration Date\nT1,Omar Reyes,Multiple Subject Teaching Credential,6/30/2029\n',
    );
    const r = npmAudit(`${students} --staff ${staff} --as-of 2026-11-22 --format json`);
    expect(r.status).toBe(0);
    const codes = JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code);
    expect(codes).toContain('CM_NOT_AUTHORIZED');
  }, 60_000);
});

describe('npm run audit reports IEP compliance dates', () => {
  it('from the iep dates of canonical records, as of --as-of', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-'));
    const file = join(dir, 'dates.json');
    writeFileSync(
      file,
      JSON.stringify({
        staff: [],
        students: [
          { id: 'A', name: 'Ann Able', grade: '4', iep: { nextAnnual: '2026-11-01', nextTriennial: '2026-12-01' } },
          { id: 'B', name: 'Bo Baker', grade: '4', iep: { nextAnnual: '2027-09-01', nextTriennial: '2028-09-01' } },
        ],
      }),
    );
    const r = npmAudit(`${file} --as-of 2026-11-22 --format json`);
    expect(r.status).toBe(0);
    const codes = (id: string) =>
      (JSON.parse(r.stdout).findings as { code: string; subject: { id: string } }[])
        .filter((f) => f.subject.id === id)
        .map((f) => f.code)
        .sort();
    // The triennial (due 2026-12-01) was to be scheduled by 2026-11-01.
    expect(codes('A')).toEqual(['IEP_ANNUAL_OVERDUE', 'IEP_SCHEDULE_BY', 'TRIENNIAL_DUE_SOON']);
    expect(codes('B')).toEqual([]);
  }, 60_000);

  it('from a student CSV carrying transfer, 504 and report-card dates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-'));
    const file = join(dir, 'students.csv');
    writeFileSync(
      file,
      [
        'Student ID,Student Name,Grade,Next Annual,Entry Date,Transferred With IEP,504 Review Date',
        'T,Tia Torres,5,2027-03-01,2026-10-01,Yes,',
        'P,Pat Park,6,,,,2026-12-10',
        'N,Noa Ng,6,2027-08-01,2026-10-01,No,',
      ].join('\n'),
    );
    const r = npmAudit(
      `${file} --as-of 2026-11-22 --format json --report-cards 2026-12-04,2027-01-29 --schedule-lead 120`,
    );
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout).findings as {
      code: string;
      subject: { id: string };
      citation: { source: string };
    }[];
    const codes = (id: string) =>
      findings
        .filter((f) => f.subject.id === id)
        .map((f) => f.code)
        .sort();
    // T: entered 2026-10-01 with an IEP, no meeting since (due 10-31); progress report 12-04; annual 2027-03-01
    // scheduled by 2026-11-01 with a 120-day lead.
    expect(codes('T')).toEqual(['IEP_SCHEDULE_BY', 'PROGRESS_REPORT_DUE', 'TRANSFER_IEP_OVERDUE']);
    expect(codes('P')).toEqual(['PLAN_504_REVIEW_DUE']);
    expect(codes('N')).toEqual(['PROGRESS_REPORT_DUE']);
    expect(findings.find((f) => f.code === 'TRANSFER_IEP_OVERDUE')!.citation.source).toContain('56325');
    expect(npmAudit(`${file} --report-cards 2026-13-01`).status).toBe(2);
  }, 60_000);
});
