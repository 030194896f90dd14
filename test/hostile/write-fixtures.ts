/**
 * Writes the committed copies of the small corpus pages to test/fixtures/hostile/ (the large ones are
 * generated at run time only):  tsx test/hostile/write-fixtures.ts
 * A unit test fails when a committed copy differs from what corpus.ts generates.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS, type HostilePage } from './corpus';

export const HOSTILE_FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hostile');

const EXT: Record<string, string> = { 'image/svg+xml': 'svg', 'application/xhtml+xml': 'xhtml' };
export const fixtureFile = (p: HostilePage) => `${p.name}.${EXT[p.contentType ?? ''] ?? 'html'}`;

/** What the committed index lists: enough to reopen each page at its URL. */
export function fixtureIndex() {
  return CORPUS.map((p) => ({
    name: p.name,
    path: p.path,
    file: p.large ? null : fixtureFile(p),
    status: p.status ?? 200,
    contentType: p.contentType ?? 'text/html',
    about: p.about,
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(HOSTILE_FIXTURE_DIR, { recursive: true });
  for (const f of readdirSync(HOSTILE_FIXTURE_DIR)) rmSync(join(HOSTILE_FIXTURE_DIR, f));
  for (const p of CORPUS) if (!p.large) writeFileSync(join(HOSTILE_FIXTURE_DIR, fixtureFile(p)), p.body());
  writeFileSync(join(HOSTILE_FIXTURE_DIR, 'index.json'), `${JSON.stringify(fixtureIndex(), null, 2)}\n`);
  console.log(`wrote ${CORPUS.filter((p) => !p.large).length} of ${CORPUS.length} pages to ${HOSTILE_FIXTURE_DIR}`);
}
