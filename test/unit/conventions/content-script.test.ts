import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const ENTRY = resolve(ROOT, 'entrypoints/sis.content/index.ts');
/** The one zod module the content script may load: it only switches zod's JIT off (lib/zod-jitless.ts). */
const ALLOWED_ZOD = new Set(['lib/zod-jitless.ts']);

/** The specifiers a module imports for their values (`import type` and all-type named imports do not count). */
function valueImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const st of src.statements) {
    if (!(ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) || !st.moduleSpecifier) continue;
    const spec = (st.moduleSpecifier as ts.StringLiteral).text;
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const allTypes =
        !clause?.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (allTypes) continue;
    } else if (st.isTypeOnly) continue;
    out.push(spec);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? resolve(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? resolve(dirname(from), spec)
      : null;
  if (!base) return null;
  return (
    [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => existsSync(c) && statSync(c).isFile()) ?? null
  );
}

/** Every local module the content script loads, with the modules that load zod. */
function contentScriptGraph(): { modules: string[]; zod: string[] } {
  const seen = new Set<string>();
  const zod: string[] = [];
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (spec === 'zod' || spec.startsWith('zod/')) zod.push(relative(ROOT, file));
      const next = resolveLocal(file, spec);
      if (next) walk(next);
    }
  };
  walk(ENTRY);
  return { modules: [...seen].map((f) => relative(ROOT, f)), zod };
}

describe('conventions: the content-script bundle', () => {
  it('loads no zod schema code: no module it imports (directly or not) imports zod for its values', () => {
    const { modules, zod } = contentScriptGraph();
    expect(modules.length).toBeGreaterThan(10); // the walk found the script's modules
    const offending = zod.filter((f) => !ALLOWED_ZOD.has(f));
    expect(
      offending,
      'These modules run in the content script (on every SIS page) and import zod: parse in the worker instead, or use `import type`.',
    ).toEqual([]);
  });

  it('the walk sees a value import of zod and ignores a type-only one', () => {
    const probe = resolve(ROOT, 'lib/domain/records.ts');
    expect(valueImports(probe)).toContain('zod');
    expect(valueImports(resolve(ROOT, 'components/marker.ts'))).not.toContain('../lib/domain');
  });
});
