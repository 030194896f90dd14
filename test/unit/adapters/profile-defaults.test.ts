import { describe, expect, it } from 'vitest';
import { AERIES_PROFILE } from '../../../lib/adapters/aeries';
import { POWERSCHOOL_PROFILE } from '../../../lib/adapters/powerschool';
import { SiteProfile } from '../../../lib/adapters/profile';
import { withProfileDefaults } from '../../../lib/adapters/profile-match';
import { SEIS_PROFILE } from '../../../lib/adapters/seis';

describe('built-in profiles without the schema at run time', () => {
  for (const [name, input] of Object.entries({ AERIES_PROFILE, POWERSCHOOL_PROFILE, SEIS_PROFILE })) {
    it(`${name}: defaults filled by hand equal what the schema makes of it`, () => {
      expect(withProfileDefaults(input)).toEqual(SiteProfile.parse(input));
    });
  }
  it('fills list columns too', () => {
    const input = {
      id: 'x',
      label: 'X',
      hostPatterns: ['*'],
      pages: [{ type: 'student-list' as const, urlPatterns: ['/**'], list: { table: 'table' } }],
    };
    expect(withProfileDefaults(input)).toEqual(SiteProfile.parse(input));
  });
});
