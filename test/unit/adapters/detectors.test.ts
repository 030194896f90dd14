// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { AERIES_URLS, aeriesAdapter } from '../../../lib/adapters/aeries';
import { genericAdapter } from '../../../lib/adapters/generic';
import { pagesForUrl } from '../../../lib/adapters/profile';
import { POWERSCHOOL_URLS, powerSchoolAdapter } from '../../../lib/adapters/powerschool';
import { DEMO_SIS_URLS, demoSisAdapter } from '../../../lib/adapters/profiles/demo-sis';
import { ADAPTERS } from '../../../lib/adapters/registry';
import { ROSARIO_URLS, isRosarioUrl, rosarioSisAdapter } from '../../../lib/adapters/rosariosis';
import { SEIS_URLS, seisAdapter } from '../../../lib/adapters/seis';
import { parseHtml } from '../../fixtures/generic/parse-html';

/**
 * URL-level detectors: each lists URLs it must match and must not match, and none may match another's URLs.
 * The generic adapter has no URL detector (it decides from the page), so it is not in this table; every other
 * adapter of the registry must be (the first test says so when one is added without its URLs).
 */
const DEMO_ORIGIN = 'http://127.0.0.1:4400';
const DETECTORS = [
  {
    id: 'demo-sis',
    matches: (u: URL) => pagesForUrl(demoSisAdapter.profile, u).length > 0,
    match: Object.values(DEMO_SIS_URLS.match)
      .flat()
      .map((p) => `${DEMO_ORIGIN}${p}`),
    noMatch: DEMO_SIS_URLS.noMatch.map((p) => `${DEMO_ORIGIN}${p}`),
  },
  {
    id: 'rosariosis',
    matches: isRosarioUrl,
    match: Object.values(ROSARIO_URLS.match).flat(),
    noMatch: ROSARIO_URLS.noMatch,
  },
  {
    id: 'aeries',
    matches: (u: URL) => pagesForUrl(aeriesAdapter.profile, u).length > 0,
    match: AERIES_URLS.match,
    noMatch: AERIES_URLS.noMatch,
  },
  {
    id: 'powerschool',
    matches: (u: URL) => pagesForUrl(powerSchoolAdapter.profile, u).length > 0,
    match: POWERSCHOOL_URLS.match,
    noMatch: POWERSCHOOL_URLS.noMatch,
  },
  {
    id: 'seis',
    matches: (u: URL) => pagesForUrl(seisAdapter.profile, u).length > 0,
    match: SEIS_URLS.match,
    noMatch: SEIS_URLS.noMatch,
  },
];

test('every adapter of the registry but the generic reader declares the URLs it must and must not match', () => {
  const declared = new Set(DETECTORS.map((d) => d.id));
  const missing = ADAPTERS.filter((a) => a !== genericAdapter && !declared.has(a.id)).map((a) => a.id);
  expect(
    missing.map(
      (id) => `add ${id} to DETECTORS here, with the URLs its pages live at and URLs that look alike but are not`,
    ),
  ).toEqual([]);
  for (const d of DETECTORS) expect(d.match.length && d.noMatch.length, d.id).toBeGreaterThan(0);
});

describe.each(DETECTORS)('$id detector', (d) => {
  test.each([...d.match])('matches %s', (u) => expect(d.matches(new URL(u))).toBe(true));
  test.each([...d.noMatch])('does not match %s', (u) => expect(d.matches(new URL(u))).toBe(false));
  const others = DETECTORS.filter((o) => o.id !== d.id).flatMap((o) => o.match.map((u) => [o.id, u] as const));
  test.each(others)("does not match %s's %s", (_other, u) => expect(d.matches(new URL(u))).toBe(false));
});

describe('RosarioSIS page types by URL (with product markup present)', () => {
  const doc = parseHtml('<div id="body"></div>');
  test.each(Object.entries(ROSARIO_URLS.match).flatMap(([type, urls]) => urls.map((u) => [type, u] as const)))(
    '%s: %s',
    (type, u) => {
      expect(rosarioSisAdapter.detect(new URL(u), doc)).toBe(type);
    },
  );
});

test('on an empty page, no adapter that needs product markup or an id claims any listed URL', () => {
  const empty = parseHtml('');
  for (const u of DETECTORS.flatMap((d) => [...d.match, ...d.noMatch])) {
    for (const a of [rosarioSisAdapter, aeriesAdapter, powerSchoolAdapter, genericAdapter])
      expect(a.detect(new URL(u), empty)).toBeNull();
  }
});
