import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../../../lib/rules';

const RULES = resolve(__dirname, '../../../../shared/domain/RULES.md');
const present = existsSync(RULES);

describe.skipIf(!present)(
  present ? 'finding codes against RULES.md' : 'finding codes against RULES.md (left out: ../shared not present)',
  () => {
    it('RULE_CODES lists exactly the codes RULES.md names', () => {
      const text = present ? readFileSync(RULES, 'utf8') : '';
      // Finding codes are the backquoted upper-case names with an underscore (authorization codes have none).
      const named = new Set([...text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map((m) => m[1]));
      expect([...named].sort()).toEqual(Object.keys(RULE_CODES).sort());
    });
  },
);
