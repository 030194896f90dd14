import { describe, expect, it } from 'vitest';
import type { PageRead } from '../../../lib/adapters/types';
import { TEACH_FIELDS } from '../../../lib/teach/draft';
import { previewOf, saveBlocker, staffValues, studentValues } from '../../../lib/teach/preview';

const read = (over: Partial<PageRead['snapshot']> = {}): PageRead => ({
  snapshot: {
    url: 'http://h/p',
    profile: 't',
    pageType: 'student',
    focus: null,
    students: [],
    staff: [],
    diagnostics: [],
    ...over,
  },
  anchors: [],
});
const url = new URL('http://h/p?ref=1');

describe('teach preview', () => {
  it('says every field read, the services with their providers, the credential’s codes, kind and dates', () => {
    expect(
      studentValues({
        id: 'S-1',
        name: 'Ann',
        severe: true,
        alternatePlacement: false,
        supportLevel: 'ESN',
        caseManager: { name: 'Harper Quinn', role: 'instruction' },
        services: [
          { code: '330', name: 'SAI', providerName: 'Harper Quinn' },
          { code: '415', providerStaffId: 'E-4' },
        ],
      }),
    ).toMatchObject({
      severe: 'yes',
      alternatePlacement: 'no',
      supportLevel: 'ESN',
      caseManagerRole: 'instruction',
      services: '330 SAI (provider: Harper Quinn); 415 (provider: staff E-4)',
      serviceProvider: 'Harper Quinn, E-4',
    });
    expect(
      staffValues({
        id: 'E-1',
        name: 'Lee',
        credentials: [
          {
            title: 'SLP Services',
            authorizations: ['LSH'],
            kind: 'clear',
            issued: '2019-07-01',
            expires: '2026-06-30',
          },
        ],
      }),
    ).toMatchObject({
      credentials: 'SLP Services',
      credentialAuthorizations: 'LSH',
      credentialKind: 'clear',
      credentialIssued: '2019-07-01',
      credentialExpires: '2026-06-30',
    });
  });

  it('has a value for every field teach mode offers', () => {
    const student = studentValues({ id: 'S-1', name: 'Ann' });
    const staff = staffValues({ id: 'E-1', name: 'Lee' });
    for (const f of TEACH_FIELDS.student) expect(f.key in student, f.key).toBe(true);
    for (const f of TEACH_FIELDS.staff) expect(f.key in staff, f.key).toBe(true);
  });

  it('runs the checks on what is read, and says they see this page alone', () => {
    const p = previewOf(
      read({
        staff: [
          {
            id: 'E-1',
            name: 'Lee',
            credentials: [{ title: 'Speech-Language Pathology Services Credential', expires: '2026-01-01' }],
          },
        ],
      }),
      'staff',
      '2026-11-22',
    );
    expect(p.findings.map((f) => f.code)).toContain('CREDENTIAL_EXPIRED');
    expect(p.findingsNote).toContain('From this page alone');
    expect(previewOf(read(), 'staff').findingsNote).toBe('Findings appear once a record is read.');
  });

  it('blocks Save, in words, while nothing is read', () => {
    const nothing = previewOf(read(), 'student');
    expect(saveBlocker({ kind: 'student', fields: {} }, nothing, url)).toContain(
      'pick it on the page, or choose it from the address',
    );
    expect(saveBlocker({ kind: 'student', fields: {} }, nothing, new URL('http://h/p'))).not.toContain('address');
    expect(
      saveBlocker({ kind: 'staff', id: { from: 'url', param: 'x' }, fields: {} }, previewOf(read(), 'staff'), url),
    ).toBe(
      'Save is off: the Staff ID chosen does not read as an id on this page, so no staff member is read. Pick the Staff ID again or choose it from the address.',
    );
    expect(
      saveBlocker(
        { kind: 'student-list', fields: {} },
        previewOf(read({ pageType: 'student-list' }), 'student-list'),
        url,
      ),
    ).toBe('Save is off: Liaison reads no student yet. Pick a cell of the Student ID column.');
    const one = previewOf(read({ students: [{ id: 'S-1', name: 'Ann' }] }), 'student');
    expect(saveBlocker({ kind: 'student', id: { from: 'url', param: 'ref' }, fields: {} }, one, url)).toBeNull();
  });
});
