import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../../../lib/rules';

const ROOT = resolve(__dirname, '../../..');
const RULES = resolve(ROOT, '../shared/domain/RULES.md');
const present = existsSync(RULES);
/** A finding code, as lib/domain/finding.ts's schema allows it. */
const CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Codes produced outside lib/rules, which RULES.md (the contract for lib/rules, the credential checks) does not cover.
 * RULES.md has no section for deadlines or notes, and no other document lists these codes: each is documented only
 * where it is produced (the file named). A code added outside lib/rules must be added here, with where it is
 * documented, or to RULES.md.
 */
const OUTSIDE_RULES_MD: Record<string, string> = {
  // Compliance deadlines (lib/compliance): their rule and citation are in the file that produces them.
  IEP_ANNUAL_OVERDUE: 'lib/compliance/rules/review.ts',
  IEP_ANNUAL_DUE_SOON: 'lib/compliance/rules/review.ts',
  TRIENNIAL_OVERDUE: 'lib/compliance/rules/review.ts',
  TRIENNIAL_DUE_SOON: 'lib/compliance/rules/review.ts',
  PLAN_504_REVIEW_OVERDUE: 'lib/compliance/rules/review.ts',
  PLAN_504_REVIEW_DUE: 'lib/compliance/rules/review.ts',
  // Also named in docs/deploy.md (the `scheduleLeadDays` policy setting).
  IEP_SCHEDULE_BY: 'lib/compliance/rules/review.ts',
  TRANSFER_IEP_OVERDUE: 'lib/compliance/rules/transfer.ts',
  TRANSFER_IEP_DUE: 'lib/compliance/rules/transfer.ts',
  AGE_OF_MAJORITY_NOTICE_DUE: 'lib/compliance/rules/majority.ts',
  TRANSITION_DUE: 'lib/compliance/rules/transition.ts',
  INITIAL_PLAN_OVERDUE: 'lib/compliance/rules/initial.ts',
  INITIAL_IEP_OVERDUE: 'lib/compliance/rules/initial.ts',
  PROGRESS_REPORT_DUE: 'lib/compliance/rules/progress.ts',
  // The user's own note follow-ups (lib/notes), not a check of the SIS's records.
  NOTE_FOLLOWUP_DUE: 'lib/notes/followups.ts',
  NOTE_FOLLOWUP_OVERDUE: 'lib/notes/followups.ts',
  // Not a check: a page named an id two schools' students share (DESIGN.md "Identity"), so nothing was checked.
  STUDENT_ID_AMBIGUOUS: 'lib/db/student-rows.ts',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * The codes one file's findings can carry, read from the places a finding is made outside the typed FindingSink:
 * a `code:` property of an object literal, and the third argument of lib/compliance's `finding(ctx, student, code, …)`.
 * The code there is a string literal, a `a ? 'X' : 'Y'`, a const of the same file (`FOLLOWUP_DUE`), or a spec's field
 * (`spec.overdue`: every `overdue: '…'` of the same file).
 */
function producedCodes(file: string, text = readFileSync(file, 'utf8')): Set<string> {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  const fields = new Map<string, ts.Expression[]>();
  const positions: ts.Expression[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) {
      fields.set(n.name.text, [...(fields.get(n.name.text) ?? []), n.initializer]);
      if (n.name.text === 'code') positions.push(n.initializer);
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'finding' && n.arguments[2])
      positions.push(n.arguments[2]);
    ts.forEachChild(n, visit);
  };
  visit(src);
  const out = new Set<string>();
  const seen = new Set<ts.Node>();
  const resolveCode = (e: ts.Expression) => {
    if (seen.has(e)) return;
    seen.add(e);
    if (ts.isStringLiteralLike(e)) {
      if (CODE.test(e.text)) out.add(e.text);
    } else if (ts.isParenthesizedExpression(e)) resolveCode(e.expression);
    else if (ts.isConditionalExpression(e)) [e.whenTrue, e.whenFalse].forEach(resolveCode);
    else if (ts.isIdentifier(e) && consts.has(e.text)) resolveCode(consts.get(e.text)!);
    else if (ts.isPropertyAccessExpression(e)) (fields.get(e.name.text) ?? []).forEach(resolveCode);
  };
  positions.forEach(resolveCode);
  return out;
}

/** Every code the product can produce, with the files producing it. */
function allProduced(): Map<string, string[]> {
  const by = new Map<string, string[]>();
  const add = (code: string, file: string) => by.set(code, [...(by.get(code) ?? []), file]);
  // lib/rules: FindingSink.add takes a RuleCode, so TypeScript keeps its codes to RULE_CODES (lib/rules/codes.ts);
  // a code counts as produced when a check names it.
  const checks = sources(resolve(ROOT, 'lib/rules/checks')).map((f) => readFileSync(f, 'utf8'));
  for (const code of Object.keys(RULE_CODES))
    if (checks.some((t) => t.includes(`'${code}'`))) add(code, 'lib/rules/codes.ts');
  for (const dir of ['lib', 'entrypoints', 'components', 'scripts']) {
    for (const file of sources(resolve(ROOT, dir)))
      for (const code of producedCodes(file)) add(code, relative(ROOT, file));
  }
  return by;
}

const documented = (): Set<string> => {
  // Finding codes are the backquoted upper-case names with an underscore (authorization codes have none).
  const text = present ? readFileSync(RULES, 'utf8') : '';
  return new Set([...text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map((m) => m[1]!));
};

describe.skipIf(!present)(
  present
    ? 'conventions: finding codes and RULES.md'
    : 'conventions: finding codes and RULES.md (left out: ../shared not present)',
  () => {
    const produced = allProduced();
    const inDoc = documented();

    it('RULES.md lists every code the product produces (those outside lib/rules are listed in this test)', () => {
      const missing = [...produced].filter(([code]) => !inDoc.has(code) && !(code in OUTSIDE_RULES_MD));
      expect(
        missing.map(
          ([code, files]) => `add ${code} to RULES.md (../shared/domain) or remove it from ${files.join(', ')}`,
        ),
        'Every finding code is documented: a check of lib/rules in RULES.md; a code of elsewhere in RULES.md or in OUTSIDE_RULES_MD here, with where it is documented.',
      ).toEqual([]);
    });

    it('every code RULES.md lists is produced somewhere', () => {
      const unproduced = [...inDoc].filter((code) => !produced.has(code));
      expect(
        unproduced.map(
          (code) =>
            `${code} is in RULES.md but nothing produces it: add it to RULE_CODES (lib/rules/codes.ts) and a check in lib/rules/checks, or remove it from RULES.md`,
        ),
      ).toEqual([]);
    });

    it('every code of OUTSIDE_RULES_MD is produced by the file it names, and is not in RULES.md too', () => {
      const stale = Object.entries(OUTSIDE_RULES_MD).filter(([code, file]) => !produced.get(code)?.includes(file));
      expect(
        stale.map(([code, file]) => `${code} is not produced by ${file}: fix or remove its OUTSIDE_RULES_MD entry`),
      ).toEqual([]);
      const twice = Object.keys(OUTSIDE_RULES_MD).filter((code) => inDoc.has(code));
      expect(twice.map((code) => `${code} is in RULES.md now: remove it from OUTSIDE_RULES_MD`)).toEqual([]);
    });
  },
);

describe('conventions: how finding codes are found in the source', () => {
  it('reads literals, both arms of a conditional, same-file consts and spec fields, and nothing else', () => {
    const codes = producedCodes(
      'probe.ts',
      `const DUE = 'PROBE_DUE';
       const spec = { kind: 'PROBE_KIND', overdue: 'PROBE_OVERDUE', id: 'NOT_A_CODE' };
       const a = { code: late ? 'PROBE_LATE' : DUE, severity: 'error' };
       finding(ctx, student, spec.overdue, 'error', {});
       finding(ctx, student, 'PROBE_LITERAL', 'info', {});
       other(ctx, student, 'NOT_A_CODE_EITHER');
       const b = { code: 'custom' };`,
    );
    expect([...codes].sort()).toEqual(['PROBE_DUE', 'PROBE_LATE', 'PROBE_LITERAL', 'PROBE_OVERDUE']);
  });

  it('finds the codes of lib/compliance and lib/notes, and not a deadline kind', () => {
    const produced = allProduced();
    for (const code of [
      'NOTE_FOLLOWUP_DUE',
      'IEP_ANNUAL_OVERDUE',
      'INITIAL_PLAN_OVERDUE',
      'TRANSFER_IEP_DUE',
      'CM_NOT_AUTHORIZED',
    ])
      expect(produced.has(code), code).toBe(true);
    expect(produced.has('IEP_ANNUAL')).toBe(false);
  });
});
