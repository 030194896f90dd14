import { describe, expect, it } from 'vitest';
import { SiteProfile } from '../../../lib/adapters/profile';
import { readValidProfile } from '../../../lib/adapters/generic/profile-reader';
import { readsSomething, sitePicker } from '../../../lib/teach/pick';
import { parseHtml } from '../../fixtures/generic/parse-html';

const taught = SiteProfile.parse({
  id: 'taught-sis-example-org',
  label: 'Taught',
  hostPatterns: ['sis.example.org'],
  pages: [{ type: 'student', urlPatterns: ['/Modules.php'], id: { from: 'url', param: 'student_id' }, fields: {} }],
});
// A RosarioSIS-looking page: the built-in adapter claims it.
const rosario = parseHtml(
  '<div id="body"><span class="module-icon Students"></span><table class="header"><tr><td class="header2">Ann Lee - 3</td></tr></table><form id="student" name="student" action="Modules.php?modname=Students/Student.php&student_id=3"></form></div>',
);
const url = new URL('https://sis.example.org/Modules.php?modname=Students/Student.php&student_id=3&category_id=6');

describe('the content script’s adapter choice', () => {
  it('tries the site’s own profiles before the built-in adapters', () => {
    expect(sitePicker({ profiles: [], disabledAdapters: [] })(url, rosario)?.adapter.id).toBe('rosariosis');
    expect(sitePicker({ profiles: [taught], disabledAdapters: [] })(url, rosario)?.adapter.id).toBe(
      'taught-sis-example-org',
    );
  });

  it('honours the adapters policy switched off, built-in or profile', () => {
    expect(sitePicker({ profiles: [], disabledAdapters: ['rosariosis'] })(url, rosario)?.adapter.id).not.toBe(
      'rosariosis',
    );
    expect(
      sitePicker({ profiles: [taught], disabledAdapters: ['taught-sis-example-org'] })(url, rosario)?.adapter.id,
    ).toBe('rosariosis');
  });

  it('a profile that throws does not hide the others', () => {
    const broken = { ...taught, id: 'broken', pages: [{ ...taught.pages[0], markers: ['a'] }] } as SiteProfile;
    Object.defineProperty(broken, 'hostPatterns', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(sitePicker({ profiles: [broken, taught], disabledAdapters: [] })(url, rosario)?.adapter.id).toBe(
      'taught-sis-example-org',
    );
  });
});

describe('a site profile that reads nothing', () => {
  const pupil = SiteProfile.parse({
    id: 'taught-sis-example-org',
    label: 'Taught',
    hostPatterns: ['sis.example.org'],
    pages: [
      {
        type: 'student',
        urlPatterns: ['^/pupil(?=[?#]|$)'],
        id: { from: 'url', param: 'sid' },
        fields: { caseManager: { label: 'Case Carrier' } },
      },
      {
        type: 'student-list',
        urlPatterns: ['/pupils'],
        list: { table: 'table.roster', columns: { studentId: 'No.' } },
      },
    ],
  });
  const doc = parseHtml('<main><dl><dt>Case Carrier</dt><dd>Priya Patel</dd></dl></main>');
  const pick = sitePicker({ profiles: [pupil], disabledAdapters: [] });

  it('does not claim the page, so it stays “not recognized” (chip, notice, teach mode)', () => {
    expect(pick(new URL('https://sis.example.org/pupil?sid=new'), doc)).toBeNull();
    expect(pick(new URL('https://sis.example.org/pupil?tab=1'), doc)).toBeNull();
    // The list's table is not on the page: nothing read either.
    expect(pick(new URL('https://sis.example.org/pupils'), doc)).toBeNull();
  });

  it('claims the page when it reads a record, and hands over the read it made (the page is read once)', () => {
    const url = new URL('https://sis.example.org/pupil?sid=P-1');
    const hit = pick(url, doc)!;
    expect(hit).toMatchObject({ pageType: 'student' });
    const first = hit.adapter.read(doc, url);
    expect(first.snapshot.students.map((s) => s.id)).toEqual(['P-1']);
    // A later read is a fresh one.
    const second = hit.adapter.read(doc, url);
    expect(second).not.toBe(first);
    expect(second.snapshot.students.map((s) => s.id)).toEqual(['P-1']);
  });

  it('an empty list whose table is on the page is still a list (an empty caseload)', () => {
    const list = parseHtml('<table class="roster"><thead><tr><th>No.</th></tr></thead><tbody></tbody></table>');
    const empty = readValidProfile(list, 'https://sis.example.org/pupils', pupil);
    expect(readsSomething(empty)).toBe(true);
    expect(pick(new URL('https://sis.example.org/pupils'), list)?.pageType).toBe('student-list');
  });
});
