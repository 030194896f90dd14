import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AERIES_URLS, aeriesAdapter } from '../../../lib/adapters/aeries';
import { demoSisAdapter } from '../../../lib/adapters/profiles/demo-sis';
import { genericAdapter } from '../../../lib/adapters/generic';
import { POWERSCHOOL_URLS, powerSchoolAdapter } from '../../../lib/adapters/powerschool';
import { ADAPTERS } from '../../../lib/adapters/registry';
import { rosarioSisAdapter } from '../../../lib/adapters/rosariosis';
import { SEIS_URLS, seisAdapter } from '../../../lib/adapters/seis';
import type { SiteAdapter } from '../../../lib/adapters/types';
import { Snapshot } from '../../../lib/domain';
import { FIXTURE_DIR, FIXTURES } from '../../../demo-sis/write-fixtures';
import { parseHtml } from '../../fixtures/generic/parse-html';

/**
 * The worker parses every snapshot with the zod schema and drops what fails, so an adapter whose output does not
 * parse reads nothing at all in the browser. Every built-in adapter, on every fixture it is meant for (and the
 * generic reader on all of them), must produce a snapshot that parses.
 */
const FIXTURES_ROOT = resolve(process.cwd(), 'test/fixtures');
const ROSARIO = resolve(process.cwd(), '../shared/sis-pages/rosariosis');

interface Case {
  name: string;
  adapter: SiteAdapter;
  file: string;
  url: string;
}

const cases: Case[] = [
  ...FIXTURES.map((f) => ({
    name: `demo-sis/${f.file}`,
    adapter: demoSisAdapter,
    file: join(FIXTURE_DIR, f.file),
    url: new URL(f.path, 'http://127.0.0.1:4400').href,
  })),
  {
    name: 'aeries/demographics.html',
    adapter: aeriesAdapter,
    file: join(FIXTURES_ROOT, 'aeries/demographics.html'),
    url: AERIES_URLS.match[0],
  },
  {
    name: 'powerschool/specialprograms.html',
    adapter: powerSchoolAdapter,
    file: join(FIXTURES_ROOT, 'powerschool/specialprograms.html'),
    url: POWERSCHOOL_URLS.match[0],
  },
  {
    name: 'seis/services.html',
    adapter: seisAdapter,
    file: join(FIXTURES_ROOT, 'seis/services.html'),
    url: SEIS_URLS.match[0],
  },
  {
    name: 'seis/goals.html',
    adapter: seisAdapter,
    file: join(FIXTURES_ROOT, 'seis/goals.html'),
    url: SEIS_URLS.match[1],
  },
];

const rosarioCases = (): Case[] => {
  const manifest = JSON.parse(readFileSync(join(ROSARIO, 'manifest.json'), 'utf8')) as {
    name: string;
    url?: string;
    final_url?: string;
  }[];
  return manifest.flatMap((e) =>
    [`${e.name}.html`, `${e.name}.dom.html`]
      .filter((f) => existsSync(join(ROSARIO, f)))
      .map((f) => ({
        name: `rosariosis/${f}`,
        adapter: rosarioSisAdapter,
        file: join(ROSARIO, f),
        url: (e.final_url ?? e.url)!,
      })),
  );
};

function expectParses(adapter: SiteAdapter, doc: Document, url: string) {
  const { snapshot } = adapter.read(doc, new URL(url));
  const parsed = Snapshot.safeParse(snapshot);
  expect(parsed.success, parsed.success ? '' : parsed.error.issues.map((i) => i.path.join('.')).join(', ')).toBe(true);
  return snapshot;
}

describe('every built-in adapter’s output parses with the Snapshot schema', () => {
  it('covers every adapter in the registry', () => {
    const covered = new Set([...cases.map((c) => c.adapter.id), rosarioSisAdapter.id, genericAdapter.id]);
    expect(ADAPTERS.map((a) => a.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = parseHtml(readFileSync(c.file, 'utf8'));
    const snapshot = expectParses(c.adapter, doc, c.url);
    expect(snapshot.profile).toBe(c.adapter.id);
    expectParses(genericAdapter, doc, c.url);
  });

  const present = existsSync(join(ROSARIO, 'manifest.json'));
  it.skipIf(!present)(
    'RosarioSIS captured pages, raw and after scripts ran (left out when ../shared is absent)',
    () => {
      const all = rosarioCases();
      expect(all.length).toBeGreaterThan(20);
      for (const c of all) {
        const doc = parseHtml(readFileSync(c.file, 'utf8'));
        expectParses(c.adapter, doc, c.url);
        expectParses(genericAdapter, doc, c.url);
      }
    },
  );
});
