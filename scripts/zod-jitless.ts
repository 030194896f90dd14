import type { Plugin } from 'vite';

/**
 * Liaison runs zod without its JIT (extension CSP forbids eval; Mozilla's validator flags any Function
 * constructor). zod's `jitless` setting (lib/zod-jitless.ts sets it in every bundle) stops the JIT at run time,
 * but the probe that asks "may I eval?" (`allowsEval` in zod/v4/core/util.js) still contains `new Function("")`,
 * which the minifier folds to `Function(``)` and addons-linter reports. This plugin replaces that probe's answer
 * with `false`, what jitless makes it return anyway. It fails the build when the probe is not where it was, so a
 * zod upgrade cannot bring the constructor back unnoticed (the addons-linter test would also see it).
 */
export function zodJitless(): Plugin {
  return {
    name: 'liaison:zod-jitless',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id.split('?')[0] ?? id)) return null;
      const probe = /const F = Function;\s*new F\(""\);\s*return true;/;
      if (!probe.test(code))
        this.error('zod-jitless: allowsEval probe not found in zod/v4/core/util.js (zod changed?)');
      return { code: code.replace(probe, 'return false;'), map: null };
    },
  };
}
