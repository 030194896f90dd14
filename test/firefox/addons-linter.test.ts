import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The Firefox store build (scripts/test.sh "Firefox MV3 build": wxt build -b firefox --mv3). */
const BUILD = resolve(process.env.LIAISON_FIREFOX_BUILD ?? '.output/firefox-mv3');
const allow = JSON.parse(readFileSync(resolve(import.meta.dirname, 'addons-linter-allow.json'), 'utf8')) as {
  warnings: { code: string; file: string; reason: string }[];
};

interface Message {
  code: string;
  file?: string;
  message: string;
  line?: number;
}

const glob = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const allowed = (m: Message) => allow.warnings.find((a) => a.code === m.code && glob(a.file).test(m.file ?? ''));

function lint(): { errors: Message[]; warnings: Message[]; notices: Message[] } {
  if (!existsSync(join(BUILD, 'manifest.json')))
    throw new Error(`No Firefox build in ${BUILD} (wxt build -b firefox --mv3)`);
  const bin = resolve('node_modules/.bin/addons-linter');
  // Exit code 1 when there are errors: the JSON on stdout says which.
  let out: string;
  try {
    out = execFileSync(bin, ['--output', 'json', BUILD], { encoding: 'utf8', maxBuffer: 32 << 20 });
  } catch (err) {
    out = (err as { stdout?: string }).stdout ?? '';
    if (!out) throw err;
  }
  return JSON.parse(out);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe("Mozilla's validator (addons-linter) on the Firefox store build", () => {
  const result = lint();
  const show = (ms: Message[]) => ms.map((m) => `${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);

  it('reports no error and no notice', () => {
    expect(show(result.errors)).toEqual([]);
    expect(show(result.notices)).toEqual([]);
  });

  it('reports no warning outside the allow-list, and every allow-list entry still occurs and gives a reason', () => {
    expect(show(result.warnings.filter((w) => !allowed(w)))).toEqual([]);
    for (const a of allow.warnings) {
      expect(a.reason.length, `${a.code}: a reason`).toBeGreaterThan(40);
      expect(
        result.warnings.some((w) => w.code === a.code && glob(a.file).test(w.file ?? '')),
        `${a.code} ${a.file} still occurs`,
      ).toBe(true);
    }
  });

  it('declares what Firefox asks of new add-ons: no data collected', () => {
    const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('no Function constructor in any bundle (zod runs jitless)', () => {
    expect(show(result.warnings.filter((w) => w.code === 'DANGEROUS_EVAL'))).toEqual([]);
  });

  it("no innerHTML assignment in any bundle (scripts/no-inner-html.ts), and none in Liaison's own code", () => {
    expect(show(result.warnings.filter((w) => w.code === 'UNSAFE_VAR_ASSIGNMENT'))).toEqual([]);
    const offenders = ['components', 'entrypoints', 'lib']
      .flatMap((d) => sources(resolve(d)))
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .filter((f) =>
        /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
