/**
 * `npm run bench`: runs each metric runner and merges the results into bench/results.json (one flat object of
 * numbers). Later metrics (browser timings) are added as more entries of RUNNERS.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchAudit } from './audit';

interface MetricRunner {
  metric: string;
  describe: string;
  run: () => Promise<number> | number;
}

const RUNNERS: MetricRunner[] = [
  {
    metric: 'auditSeconds50k',
    describe: 'all checks, 50,000 students and 10,000 staff (median of 5)',
    run: () => Number(benchAudit().medianSeconds.toFixed(3)),
  },
];

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

async function main(): Promise<void> {
  const previous: Record<string, unknown> = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const results: Record<string, unknown> = { ...previous };
  const rows: string[][] = [];
  for (const r of RUNNERS) {
    process.stderr.write(`bench: ${r.describe}…\n`);
    const value = await r.run();
    results[r.metric] = value;
    rows.push([r.metric, String(value), r.describe]);
  }
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const widths = [0, 1, 2].map((i) => Math.max(...[['metric', 'value', 'what'], ...rows].map((row) => row[i].length)));
  for (const row of [['metric', 'value', 'what'], ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
