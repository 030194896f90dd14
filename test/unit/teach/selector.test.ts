// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { urlPatternMatches } from '../../../lib/adapters/profile-match';
import { readWithProfile } from '../../../lib/adapters/generic/profile-check';
import { SiteProfile } from '../../../lib/adapters/profile';
import {
  addressChoices,
  buildProfile,
  idFromAddress,
  idLocatorFor,
  mapPick,
  urlPatternFor,
  type TeachDraft,
} from '../../../lib/teach/draft';
import { cssSelectorFor, locatorFor } from '../../../lib/teach/selector';
import { PUPILS, pupilPage } from '../../e2e/support/custom-sis';

const $ = (sel: string) => document.querySelector(sel)!;
const html = (s: string) => (document.body.innerHTML = s);
afterEach(() => (document.body.innerHTML = ''));

describe('selectors for picked elements', () => {
  it('prefers an id, then a data-* attribute, then a form control’s name', () => {
    html(
      '<div id="cm">A</div><span data-field="grade">5</span><select name="students[CUSTOM_1]"><option>x</option></select>',
    );
    expect(cssSelectorFor($('#cm'))).toBe('#cm');
    expect(cssSelectorFor($('span'))).toBe('span[data-field="grade"]');
    expect(cssSelectorFor($('select'))).toBe('select[name="students[CUSTOM_1]"]');
  });

  it('skips generated ids and classes and anchors on the nearest stable ancestor', () => {
    html('<section id="profile"><div id="ember1234"><p class="css-1x2y3z val">Autism</p></div></section>');
    const sel = cssSelectorFor($('p'));
    expect(sel).toBe('#profile p.val');
    expect(sel).not.toMatch(/ember|css-|nth-child/);
    expect(document.querySelector(sel)).toBe($('p'));
  });

  it('numbers siblings only when they are otherwise alike, with nth-of-type, never nth-child chains', () => {
    html(
      '<table id="t"><tr><td class="k">A</td><td class="v">1</td></tr><tr><td class="k">B</td><td class="v">2</td></tr></table>',
    );
    const second = document.querySelectorAll('td.v')[1];
    const sel = cssSelectorFor(second!);
    expect(document.querySelector(sel)).toBe(second);
    expect(sel).not.toContain('nth-child');
    expect(sel.match(/nth-of-type/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('escapes ids a selector would otherwise misread', () => {
    html('<b id="2:x.y">v</b><i id="9lives">w</i>');
    expect(document.querySelector(cssSelectorFor($('i')))).toBe($('i'));
  });

  it('stores the label instead of a selector where the element sits by a recognizable label', () => {
    html(`<dl><dt>Case Carrier</dt><dd><span>Priya Patel</span></dd></dl>
      <table><tr><th>Eligibility</th><td>320 - Autism</td></tr></table>
      <div id="divCUSTOM_12"><span class="underline-dots">240 - SLI</span><br><span class="legend-gray">Secondary Disability</span></div>`);
    expect(locatorFor($('dd span'))).toEqual({ label: 'Case Carrier' });
    expect(locatorFor($('td'))).toEqual({ label: 'Eligibility' });
    // RosarioSIS: the caption under the value is the stable key, not the install's CUSTOM id.
    expect(locatorFor($('.underline-dots'))).toEqual({ label: 'Secondary Disability' });
    // Clicking the label itself maps the value it labels.
    expect(locatorFor($('dt'))).toEqual({ label: 'Case Carrier' });
  });

  it('finds the label of running text: "Label: value" in one element, or the value in its own', () => {
    html('<p class="meta">Grade: 3</p><p>Case Manager: <span id="cm">Priya Patel</span></p><p id="note">Call home</p>');
    expect(locatorFor($('p.meta'))).toEqual({ label: 'Grade' });
    expect(locatorFor($('#cm'))).toEqual({ label: 'Case Manager' });
    expect(locatorFor($('#note'))).toEqual({ selector: '#note' });
  });

  it('labels the reader finds beside form fields and in definition lists, whatever their wording', () => {
    html(
      '<label for="dob">Born on</label><input id="dob" value="04/09/2018"><dl><dt>Lead\'s capacity</dt><dd>Teacher of record</dd></dl>',
    );
    expect(locatorFor($('#dob'))).toEqual({ label: 'Born on' });
    expect(locatorFor($('dd'))).toEqual({ label: "Lead's capacity" });
  });

  it('a value whose text shows under two labels is not guessed at', () => {
    html('<p>Severe: No</p><p>Alternate Placement: No</p><span id="v">No</span>');
    expect(locatorFor($('#v'))).toEqual({ selector: '#v' });
  });

  it('falls back to a selector when the same label appears twice (the reader would take the first)', () => {
    html('<dl><dt>Services</dt><dd>330</dd><dt>Services</dt><dd id="second">415</dd></dl>');
    expect(locatorFor($('#second'))).toEqual({ selector: '#second' });
  });
});

describe('record ids and page patterns', () => {
  it('takes the id from a URL parameter showing the same text, else the label, heading or element', () => {
    html('<b id="no">P-1</b><h2 id="h">Ann Lee - 77</h2><dl><dt>Student ID</dt><dd>55</dd></dl>');
    expect(idLocatorFor($('#no'), new URL('http://x/p?sid=P-1'))).toEqual({ from: 'url', param: 'sid' });
    expect(idLocatorFor($('dd'), new URL('http://x/p'))).toEqual({ from: 'label', label: 'Student ID' });
    expect(idLocatorFor($('#h'), new URL('http://x/p'))).toEqual({ from: 'heading', selector: '#h' });
    expect(idLocatorFor($('#no'), new URL('http://x/p'))).toEqual({ from: 'selector', selector: '#no' });
  });

  it('offers the address’s parameters that could be an id, with their values', () => {
    expect(addressChoices(new URL('http://x/p?ref=S-1&view=plan&x=&junk=a%20b&REF=dup'))).toEqual([
      { param: 'ref', value: 'S-1' },
      { param: 'view', value: 'plan' },
    ]);
    expect(addressChoices(new URL('http://x/p'))).toEqual([]);
    expect(idFromAddress({ kind: 'student', fields: {} }, 'ref').id).toEqual({ from: 'url', param: 'ref' });
  });

  it('patterns keep the path and the page’s own parameters, not the record’s', () => {
    // Globs (lib/adapters/profile-match), tested as pagesForUrl tests them: against the whole URL.
    const re = (u: string, id?: Parameters<typeof urlPatternFor>[1]) => {
      const pattern = urlPatternFor(new URL(u), id);
      return { test: (path: string) => urlPatternMatches(pattern, new URL(path, 'http://h')) };
    };
    const rosario = re('http://h/Modules.php?modname=Students/Student.php&student_id=3&category_id=6');
    expect(rosario.test('/Modules.php?modname=Students/Student.php&category_id=6&student_id=4')).toBe(true);
    expect(rosario.test('/Modules.php?modname=Students/Student.php&student_id=4&category_id=1')).toBe(false);
    const path = re('http://h/students/10042/iep');
    expect(path.test('/students/20077/iep')).toBe(true);
    expect(path.test('/students/20077/contacts')).toBe(false);
    const param = re('http://h/pupil?sid=P-1&tab=sped', { from: 'url', param: 'sid' });
    expect(param.test('/pupil?tab=sped&sid=P-9')).toBe(true);
    expect(param.test('/pupil?tab=sped')).toBe(false);
  });
});

describe('a taught profile', () => {
  const url = (id: string) => new URL(`http://127.0.0.1:4000/pupil?sid=${id}&tab=sped`);
  function teach(): TeachDraft {
    html(pupilPage(PUPILS[0]!).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, ''));
    let d: TeachDraft = { kind: 'student', fields: {} };
    const picks: [Parameters<typeof mapPick>[1], string][] = [
      ['id', '[data-key="pupil-no"]'],
      ['name', 'h1'],
      ['primaryDisability', 'table.facts td.v'],
      ['services', 'span.svc'],
      ['caseManager', 'dl.team dd'],
      ['iepNextAnnual', 'td.plan-date'],
    ];
    for (const [key, sel] of picks) d = mapPick(d, key, $(sel), url(PUPILS[0]!.id));
    return d;
  }

  it('is valid, and reads another page of the same layout', () => {
    const profile = SiteProfile.parse(buildProfile(teach(), url(PUPILS[0]!.id), null, '2026-11-22'));
    expect(profile).toMatchObject({
      id: 'taught-127-0-0-1',
      hostPatterns: ['127.0.0.1'],
      verified: true,
      source: 'taught on 2026-11-22',
    });
    expect(profile.pages[0]!.fields.caseManager).toEqual({ label: 'Case Carrier' });
    html(pupilPage(PUPILS[1]!).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, ''));
    const { snapshot, anchors } = readWithProfile(document, url(PUPILS[1]!.id), profile);
    expect(snapshot.students).toHaveLength(1);
    expect(snapshot.students[0]).toMatchObject({
      id: 'P-5120',
      name: 'Robin Lee',
      primaryDisability: '240 - Speech or Language Impairment',
      caseManager: { name: 'Maria Gonzalez' },
      iep: { nextAnnual: '2027-10-15' },
    });
    expect(snapshot.students[0]!.services?.[0]).toMatchObject({ code: '415' });
    expect(anchors).toHaveLength(1);
  });

  it('adds a page to the site’s taught profile, replacing only the same page', () => {
    const first = SiteProfile.parse(buildProfile(teach(), url('P-4411'), null));
    const staff = SiteProfile.parse(
      buildProfile(
        { kind: 'staff', id: { from: 'url', param: 'emp' }, fields: {} },
        new URL('http://127.0.0.1/staff?emp=9'),
        first,
      ),
    );
    expect(staff.pages.map((p) => p.type)).toEqual(['staff', 'student']);
    const again = SiteProfile.parse(buildProfile(teach(), url('P-4411'), staff));
    expect(again.pages.map((p) => p.type)).toEqual(['student', 'staff']);
  });
});

describe('a taught list', () => {
  it('maps picked cells to their columns and reads every row', async () => {
    const { pupilList } = await import('../../e2e/support/custom-sis');
    html(pupilList().replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, ''));
    const url = new URL('http://127.0.0.1:4000/pupils?tab=sped');
    let d: TeachDraft = { kind: 'student-list', fields: {} };
    d = mapPick(d, 'id', document.querySelector('tbody td')!, url);
    d = mapPick(d, 'name', document.querySelector('tbody tr:nth-of-type(2) a')!, url);
    d = mapPick(d, 'primaryDisability', document.querySelectorAll('thead th')[2]!, url); // a header cell names its column too
    d = mapPick(d, 'caseManager', document.querySelectorAll('tbody td')[3]!, url);
    const profile = SiteProfile.parse(buildProfile(d, url, null));
    expect(profile.pages[0]).toMatchObject({
      type: 'student-list',
      list: {
        table: 'table.roster',
        columns: { studentId: 'Pupil no.', name: 'Pupil', primaryDisability: 'Exceptionality', caseManager: 'Carrier' },
      },
    });
    const { snapshot, anchors } = readWithProfile(document, url, profile);
    expect(snapshot.students.map((s) => [s.id, s.name, s.primaryDisability, s.caseManager?.name])).toEqual(
      PUPILS.map((p) => [p.id, p.name, p.exceptionality, p.carrier]),
    );
    expect(anchors).toHaveLength(PUPILS.length);
  });
});
