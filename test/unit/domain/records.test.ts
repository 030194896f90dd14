import { describe, expect, it } from 'vitest';
import { IsoDate } from '../../../lib/domain/records';

describe('IsoDate: the schemas check dates with isIsoDate (lib/dates.ts)', () => {
  it('accepts a real date written YYYY-MM-DD', () => {
    expect(IsoDate.safeParse('2028-02-29').success).toBe(true);
  });
  it.each(['2026-02-30', '2026-13-01', '2026-2-03', '1850-01-01', '2/3/2026'])('rejects %s', (value) =>
    expect(IsoDate.safeParse(value).success).toBe(false),
  );
});
