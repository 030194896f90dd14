import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/csv';

const parse = (csv: string) => Papa.parse<string[]>(csv).data;

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, with CRLF line ends', () => {
    const [header, r1, r2] = parse(
      toCsv(
        ['A', 'B'],
        [
          ['x, "y"', 'plain'],
          ['line\nbreak', null],
        ],
      ),
    );
    expect(header).toEqual(['A', 'B']);
    expect(r1).toEqual(['x, "y"', 'plain']);
    expect(r2).toEqual(['line\nbreak', '']);
    expect(toCsv(['A'], [['x']])).toBe('A\r\nx');
  });

  it('neutralizes every text cell a spreadsheet could run as a formula, also across line breaks', () => {
    const cells = [
      '=HYPERLINK("http://x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '=1+1\nsecond line',
      '=A1\r\n',
      ' =1+1',
      '\n=cmd|x',
    ];
    const [, row] = parse(
      toCsv(
        cells.map((_, i) => `c${i}`),
        [cells],
      ),
    );
    expect(row).toEqual(cells.map((c) => `'${c}`));
  });

  it('leaves ordinary text alone and writes numbers as numbers, negative ones too', () => {
    const [, row] = parse(toCsv(['a', 'b', 'c', 'd'], [['Ana, Lee', 'x=1', -33, 0]]));
    expect(row).toEqual(['Ana, Lee', 'x=1', '-33', '0']);
  });
});
