import { describe, expect, it } from 'vitest';
import { SiteProfile } from '../../../lib/adapters/profile';
import { sitePicker } from '../../../lib/teach/pick';
import { parseHtml } from '../../fixtures/generic/parse-html';

const taught = SiteProfile.parse({
  id: 'taught-sis-example-org',
  label: 'Taught',
  hostPatterns: ['sis.example.org'],
  pages: [{ type: 'student', urlPatterns: ['^/Modules\\.php'], id: { from: 'url', param: 'student_id' }, fields: {} }],
});
// A RosarioSIS-looking page: the built-in adapter claims it.
const rosario = parseHtml('<div id="body"><span class="module-icon Students"></span><table class="header"><tr><td class="header2">Ann Lee - 3</td></tr></table><form id="student" name="student" action="Modules.php?modname=Students/Student.php&student_id=3"></form></div>');
const url = new URL('https://sis.example.org/Modules.php?modname=Students/Student.php&student_id=3&category_id=6');

describe('the content script’s adapter choice', () => {
  it('tries the site’s own profiles before the built-in adapters', () => {
    expect(sitePicker({ profiles: [], disabledAdapters: [] })(url, rosario)?.adapter.id).toBe('rosariosis');
    expect(sitePicker({ profiles: [taught], disabledAdapters: [] })(url, rosario)?.adapter.id).toBe('taught-sis-example-org');
  });

  it('honours the adapters policy switched off, built-in or profile', () => {
    expect(sitePicker({ profiles: [], disabledAdapters: ['rosariosis'] })(url, rosario)?.adapter.id).not.toBe('rosariosis');
    expect(sitePicker({ profiles: [taught], disabledAdapters: ['taught-sis-example-org'] })(url, rosario)?.adapter.id).toBe('rosariosis');
  });

  it('a profile that throws does not hide the others', () => {
    const broken = { ...taught, id: 'broken', pages: [{ ...taught.pages[0], markers: ['a'] }] } as SiteProfile;
    Object.defineProperty(broken, 'hostPatterns', { get: () => { throw new Error('boom'); } });
    expect(sitePicker({ profiles: [broken, taught], disabledAdapters: [] })(url, rosario)?.adapter.id).toBe('taught-sis-example-org');
  });
});
