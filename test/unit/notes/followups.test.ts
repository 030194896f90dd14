import { describe, expect, it } from 'vitest';
import { Finding } from '../../../lib/domain';
import { FOLLOWUP_DUE, FOLLOWUP_OVERDUE, followUpFindings } from '../../../lib/notes/followups';
import { markFollowUpDone, softDelete } from '../../../lib/notes/model';
import { mergeFollowUps } from '../../../lib/notes/badge';
import { note } from './helpers';

const AS_OF = '2026-11-22';

describe('note follow-ups as findings', () => {
  it('a follow-up due today is a warning, in the Finding shape', () => {
    const [f] = followUpFindings([note({ followUp: AS_OF })], AS_OF);
    expect(Finding.parse(f)).toEqual(f);
    expect(f).toMatchObject({
      code: FOLLOWUP_DUE,
      severity: 'warning',
      subject: { kind: 'student', id: '1001' },
      citation: { source: 'Liaison note follow-up' },
    });
    expect(f!.title).toBe('Note follow-up due today');
  });

  it('a follow-up before today is overdue (error), listed before due ones', () => {
    const found = followUpFindings([note({ followUp: AS_OF }), note({ followUp: '2026-11-21' })], AS_OF);
    expect(found.map((f) => [f.code, f.severity])).toEqual([
      [FOLLOWUP_OVERDUE, 'error'],
      [FOLLOWUP_DUE, 'warning'],
    ]);
  });

  it('a future follow-up gives nothing, until it falls within the lead time', () => {
    const future = note({ followUp: '2026-11-25' });
    expect(followUpFindings([future], AS_OF)).toEqual([]);
    expect(followUpFindings([future], AS_OF, 2)).toEqual([]);
    const [f] = followUpFindings([future], AS_OF, 3);
    expect(f).toMatchObject({ code: FOLLOWUP_DUE, title: 'Note follow-up due soon' });
  });

  it('deleted, done, private and dateless notes give nothing', () => {
    const due = { followUp: '2026-11-01' };
    expect(
      followUpFindings(
        [softDelete(note(due), 1), markFollowUpDone(note(due), 1), note({ ...due, private: true }), note()],
        AS_OF,
      ),
    ).toEqual([]);
  });

  it('never puts note text in a finding', () => {
    const [f] = followUpFindings([note({ followUp: AS_OF, text: 'Mother said the secret thing' })], AS_OF);
    expect(JSON.stringify(f)).not.toContain('secret');
  });

  it('merges into the page answer for students only, after the rules’ findings', () => {
    const fs = followUpFindings([note({ followUp: AS_OF })], AS_OF);
    const rule = { ...fs[0]!, code: 'CM_MISSING' };
    const merged = mergeFollowUps(
      [
        { kind: 'student' as const, id: '1001', findings: [rule] },
        { kind: 'staff' as const, id: '1001', findings: [] },
        { kind: 'student' as const, id: '1002', findings: [] },
      ],
      fs,
    );
    expect(merged.map((s) => s.findings!.map((f) => f.code))).toEqual([['CM_MISSING', FOLLOWUP_DUE], [], []]);
  });

  it('leaves a student not checked yet (findings null) not checked, as the side panel shows it', () => {
    const fs = followUpFindings([note({ followUp: AS_OF })], AS_OF);
    const [s] = mergeFollowUps([{ kind: 'student' as const, id: fs[0]!.subject.id, findings: null }], fs);
    expect(s!.findings).toBeNull();
  });
});
