import type { Plugin } from 'vite';

/**
 * Preact's renderer assigns `innerHTML` for one prop only, `dangerouslySetInnerHTML`. Liaison never passes it
 * (test/firefox/addons-linter.test.ts checks the sources), and a page's data must never become markup in an
 * extension page. This plugin makes that prop throw instead of assigning, so no innerHTML assignment ships in any
 * bundle (Mozilla's validator reports every one). It fails the build when the line is not where it was, so a
 * Preact upgrade cannot bring it back unnoticed.
 */
export function noInnerHtml(): Plugin {
  return {
    name: 'liaison:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0] ?? id)) return null;
      const assignment = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
      const found = code.match(assignment)?.length ?? 0;
      if (found !== 1)
        this.error(`no-inner-html: expected Preact's one dangerouslySetInnerHTML assignment, found ${found}`);
      return {
        code: code.replace(
          assignment,
          '(()=>{throw new Error("Liaison: dangerouslySetInnerHTML is not supported")})()',
        ),
        map: null,
      };
    },
  };
}
