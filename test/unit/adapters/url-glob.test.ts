import { describe, expect, it } from 'vitest';
import { SiteProfile, globFromTaughtRegex, globsFromLegacy } from '../../../lib/adapters/profile';
import {
  hostMatches,
  pagesForUrl,
  parseUrlGlob,
  starMatch,
  urlPatternMatches,
} from '../../../lib/adapters/profile-match';

/** Issue 12: profiles cannot freeze the browser. Their URL patterns are globs matched in linear time. */
const profile = (urlPatterns: string[], hostPatterns = ['*']) => ({
  id: 'p',
  label: 'P',
  hostPatterns,
  pages: [{ type: 'student', urlPatterns }],
});
/*
 * "Fast" is not asserted on the clock (a busy machine is slow, not wrong): the inputs are sized so that a
 * backtracking matcher would not finish within the test's timeout (28 characters took a regular expression 1.5 s),
 * while the linear matcher answers at once.
 */

describe('URL globs', () => {
  it('match the path whole, query parameters in any order, the fragment after #', () => {
    const m = (p: string, u: string) => urlPatternMatches(p, new URL(u, 'https://h'));
    expect(m('/students/*', '/students/1001')).toBe(true);
    expect(m('/students/*', '/students/1001/edit')).toBe(false);
    expect(m('/students/*', '/students/')).toBe(false); // a star is one or more characters
    expect(m('/**/state/goals', '/app/x/state/goals')).toBe(true);
    expect(m('/**/state/goals', '/state/goals')).toBe(true);
    expect(m('/admin/students/*.html?frn=001*', '/admin/students/a.html?x=1&frn=0011234')).toBe(true);
    expect(m('/admin/students/*.html?frn=001*', '/admin/students/a.html?frn=002')).toBe(false);
    expect(m('/pupil?tab=sped&sid', '/pupil?sid=9&tab=SPED')).toBe(true);
    expect(m('/pupil?tab=sped&sid', '/pupil?tab=sped')).toBe(false);
    expect(m('/**#/state/goals', '/#/state/goals')).toBe(true);
  });

  it('refuse regular expressions, with an error that says so', () => {
    for (const re of ['^(a+)+$', '^/students/\\d+', '/(?:x|y)', '[(']) {
      const parsed = SiteProfile.safeParse(profile([re]));
      expect(parsed.success, re).toBe(false);
      expect(parsed.error?.issues[0]!.message).toMatch(/regular expression/);
    }
    expect(parseUrlGlob('/a/**/b/**/c')).toMatch(/more than one/);
    expect(parseUrlGlob('/*/*/*/*/*/*/*/*/*')).toMatch(/more than 8 stars/);
  });

  it('convert the patterns teach mode wrote as regular expressions before', () => {
    expect(globFromTaughtRegex('^/pupil(?=[?#]|$)(?=.*[?&]tab=sped(?:&|#|$))(?=.*[?&]sid=)')).toBe(
      '/pupil?tab=sped&sid',
    );
    expect(globFromTaughtRegex('^/Modules\\.php(?=[?#]|$)(?=.*[?&]modname=Students/Student\\.php(?:&|#|$))')).toBe(
      '/Modules.php?modname=Students/Student.php',
    );
    expect(globFromTaughtRegex('^/students/[^/]+/iep(?=[?#]|$)')).toBe('/students/*/iep');
    expect(globFromTaughtRegex('^(a+)+$')).toBeNull();
    const saved = SiteProfile.parse(profile(['^/students/[^/]+/iep(?=[?#]|$)']));
    expect(saved.pages[0]!.urlPatterns).toEqual(['/students/*/iep']);
    // An anchored literal prefix, as hand-written profiles had them: the path starts so.
    const prefix = SiteProfile.parse(profile(['^/pupil', '^/Modules\\.php']));
    expect(prefix.pages[0]!.urlPatterns).toEqual(['/pupil/**', '/pupil*/**', '/Modules.php/**', '/Modules.php*/**']);
    for (const u of ['/pupil', '/pupil?sid=1', '/pupils', '/pupil/x/y', '/Modules.php?x=1'])
      expect(pagesForUrl(prefix, new URL(u, 'https://h')).length, u).toBe(1);
    for (const u of ['/', '/pupi', '/x/pupil', '/ModulesXphp'])
      expect(pagesForUrl(prefix, new URL(u, 'https://h')).length, u).toBe(0);
    expect(globsFromLegacy('^/a.b')).toEqual(['^/a.b']); // an unescaped dot is any character: not a literal, refused
  });

  it('a pathological pattern on a long URL is fast', () => {
    const p = SiteProfile.parse(profile(['/*a*a*a*a*a*a*b', '/**/*a*a*b?x=*a*b#*a']));
    const url = new URL(`https://h/${'a'.repeat(3000)}?x=${'a'.repeat(400)}#${'a'.repeat(400)}`);
    expect(pagesForUrl(p, url)).toEqual([]);
    expect(starMatch('*a*a*b', 'a'.repeat(10_000))).toBe(false);
  });

  it('a profile that never went through the schema still runs no regular expression: its pattern matches nothing', () => {
    const raw = {
      ...SiteProfile.parse(profile(['/x'])),
      pages: [{ ...SiteProfile.parse(profile(['/x'])).pages[0]!, urlPatterns: ['^/(a+)+$'] }],
    };
    const url = new URL(`https://h/${'a'.repeat(5000)}!`);
    expect(pagesForUrl(raw!, url)).toEqual([]);
  });
});

describe('host globs', () => {
  it('keep their meaning: * is one or more whole labels', () => {
    expect(hostMatches('*.aeries.net', 'milpitasusd.aeries.net')).toBe(true);
    expect(hostMatches('*.aeries.net', 'a.b.aeries.net')).toBe(true);
    expect(hostMatches('*.aeries.net', 'aeries.net')).toBe(false);
    expect(hostMatches('aeries.*', 'aeries.musd.org')).toBe(true);
    expect(hostMatches('*.aeries.net', 'aeriesfan.example.com')).toBe(false);
    expect(hostMatches('127.0.0.1', '127.0.0.1')).toBe(true);
  });

  it('an 8-star glob on a long host is fast (a regular expression took 11 s)', () => {
    const host = `${'a.'.repeat(120)}example`;
    expect(hostMatches('*.*.*.*.*.*.*.*.x', host)).toBe(false);
  });
});
