import { performance } from 'node:perf_hooks';
import { runAllChecks } from '../lib/checks';
import { generateDistrict } from './district';

export interface AuditBench {
  medianSeconds: number;
  runs: number[];
  findings: number;
}

/** Times every check (rules and IEP dates) over a generated district (median of `runs` runs; the district is built once, untimed). */
export function benchAudit(opts: { students?: number; staff?: number; runs?: number } = {}): AuditBench {
  const { students = 50_000, staff = 10_000, runs = 5 } = opts;
  const district = generateDistrict(students, staff);
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    findings = runAllChecks(district, { asOf: '2026-11-22' }).length;
    times.push((performance.now() - t0) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianSeconds: sorted[Math.floor(sorted.length / 2)] ?? NaN, runs: times, findings };
}
