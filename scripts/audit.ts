/**
 * Audit CLI: `npm run audit -- <file> [--staff <file>] [--as-of YYYY-MM-DD] [--format table|json|csv]
 * [--report-cards YYYY-MM-DD,…] [--schedule-lead DAYS]`.
 * Reads canonical JSON or CSV exports (lib/import), runs the rule pack and the IEP date checks and prints the findings on stdout.
 * Messages and progress go to stderr; bad input exits 2 with nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { format as formatDate } from 'date-fns';
import { IsoDate } from '../lib/domain/records';
import { isIsoDate } from '../lib/dates';
import { ImportError, readInputs } from '../lib/import';
import { runAllChecks } from '../lib/checks';
import { findingsToCsv, findingsToTable } from '../lib/rules/report';

const USAGE =
  'usage: npm run audit -- <file.json|students.csv> [--staff <file>] [--as-of YYYY-MM-DD] [--format table|json|csv] [--report-cards YYYY-MM-DD,…] [--schedule-lead DAYS]';
const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

interface Args {
  file: string;
  staff?: string;
  asOf?: string;
  format: Format;
  /** The district's report-card dates (PROGRESS_REPORT_DUE). */
  reportCards?: string[];
  /** Days before an annual or triennial by which its meeting must be scheduled (IEP_SCHEDULE_BY). */
  scheduleLead?: number;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  let staff: string | undefined;
  let asOf: string | undefined;
  let format: Format = 'table';
  let reportCards: string[] | undefined;
  let scheduleLead: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--staff') staff = value();
    else if (flag === '--as-of') asOf = value();
    else if (flag === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be table, json or csv`);
      format = f as Format;
    } else if (flag === '--report-cards') {
      reportCards = value()
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
      if (!reportCards.every((d) => isIsoDate(d)))
        throw new UsageError('--report-cards must be dates as YYYY-MM-DD, separated by commas');
    } else if (flag === '--schedule-lead') {
      scheduleLead = Number(value());
      if (!Number.isInteger(scheduleLead) || scheduleLead < 0)
        throw new UsageError('--schedule-lead must be a whole number of days');
    } else if (flag === '--help' || flag === '-h') throw new UsageError('');
    else if (flag.startsWith('--')) throw new UsageError(`unknown option ${flag}`);
    else positional.push(a);
  }
  if (positional.length !== 1)
    throw new UsageError(positional.length ? 'give exactly one input file' : 'no input file given');
  if (asOf !== undefined && !IsoDate.safeParse(asOf).success)
    throw new UsageError('--as-of must be a date as YYYY-MM-DD');
  return { file: positional[0]!, staff, asOf, format, reportCards, scheduleLead };
}

function readText(path: string): { text: string; file: string } {
  try {
    return { text: readFileSync(path, 'utf8'), file: path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(path, code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`);
  }
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const progress = (file: string, rows: number) =>
    process.stderr.write(`${basename(file)}: ${rows.toLocaleString('en-US')} rows read\n`);
  const input = readInputs(readText(args.file), args.staff ? readText(args.staff) : undefined, progress);
  const asOf = args.asOf ?? input.asOf ?? formatDate(new Date(), 'yyyy-MM-dd');
  if (input.students.length >= 10_000)
    process.stderr.write(`Checking ${input.students.length.toLocaleString('en-US')} students as of ${asOf}…\n`);
  // The audit's staff records are the district's whole list unless the input says otherwise (RULES.md check 8).
  const compliance = {
    ...(args.reportCards ? { reportCardDates: args.reportCards } : {}),
    ...(args.scheduleLead !== undefined ? { scheduleLeadDays: args.scheduleLead } : {}),
  };
  const findings = runAllChecks(input, {
    asOf,
    settings: { rules: { staffKnowledge: input.staffKnowledge ?? 'complete' }, compliance },
  });
  const out =
    args.format === 'json'
      ? `${JSON.stringify({ findings }, null, 2)}\n`
      : args.format === 'csv'
        ? `${findingsToCsv(findings)}\n`
        : findingsToTable(findings);
  process.stdout.write(out);
  process.stderr.write(
    `Liaison audit: ${findings.length} findings for ${input.students.length} students and ${input.staff.length} staff as of ${asOf}.\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof UsageError) {
    if (e.message) process.stderr.write(`audit: ${e.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
  } else if (e instanceof ImportError) {
    process.stderr.write(`audit: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`audit: unexpected error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
