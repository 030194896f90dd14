import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CanonicalInput } from '../../../lib/domain/records';
import { runChecks } from '../../../lib/rules';
import { expectedVsActual } from './helpers';

const CASES = resolve(__dirname, '../../../../shared/domain/cases.json');
const present = existsSync(CASES);

describe.skipIf(!present)(
  present ? 'cases.json (RULES.md worked cases)' : 'cases.json (left out: ../shared not present)',
  () => {
    const raw = present ? JSON.parse(readFileSync(CASES, 'utf8')) : null;
    const input = present ? CanonicalInput.parse(raw) : { staff: [], students: [] };
    // Staff knowledge as the input says (absent: complete), as the audit CLI runs it.
    const findings = present
      ? runChecks(input, { asOf: raw.asOf, settings: { staffKnowledge: input.staffKnowledge } })
      : [];

    for (const s of input.students) {
      it(`student ${s.id}`, () => {
        const { actual, expected } = expectedVsActual(findings, 'student', s.id, raw.expect.students[s.id] ?? []);
        expect(actual).toEqual(expected);
      });
    }
    for (const s of input.staff) {
      it(`staff ${s.id}`, () => {
        const { actual, expected } = expectedVsActual(findings, 'staff', s.id, raw.expect.staff[s.id] ?? []);
        expect(actual).toEqual(expected);
      });
    }
    it('every expected student is in the input', () => {
      const ids = new Set(input.students.map((s) => s.id));
      expect(Object.keys(raw.expect.students).filter((id) => !ids.has(id))).toEqual([]);
    });
  },
);
