import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, notesToCsv, printableLog } from '../../../lib/notes/export';
import { amend, softDelete } from '../../../lib/notes/model';
import { content, note } from './helpers';

describe('CSV export', () => {
  it('starts with the header and has one row per shared note, newest first', () => {
    const csv = notesToCsv(
      {},
      [note({ at: '2026-11-01T10:00' }), note({ at: '2026-11-02T10:00' })],
      new Map([['1001', 'Ana Ruiz']]),
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]!.startsWith('1001,Ana Ruiz,2026-11-02T10:00,Contact,Parent/guardian,,Phone,Reached,')).toBe(true);
  });

  it('quotes commas, quotes and line breaks so the text comes back exactly', () => {
    const text = 'She said "fine, thanks"\nthen left, early';
    const csv = notesToCsv({}, [note({ text, withName: 'Smith, Jo' })]);
    expect(csv).toContain('"She said ""fine, thanks""\nthen left, early"');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed[1]![8]).toBe(text);
    expect(parsed[1]![5]).toBe('Smith, Jo');
  });

  it('neutralizes spreadsheet formulas', () => {
    const csv = notesToCsv({}, [note({ text: '=HYPERLINK("x")' })]);
    expect(Papa.parse<string[]>(csv).data[1]![8]).toBe('\'=HYPERLINK("x")');
  });

  it('leaves out private memory aids and deleted notes', () => {
    const csv = notesToCsv({}, [
      note({ text: 'shared' }),
      note({ text: 'my reminder', private: true }),
      softDelete(note({ text: 'gone' }), 1),
    ]);
    expect(csv).toContain('shared');
    expect(csv).not.toContain('my reminder');
    expect(csv).not.toContain('gone');
  });

  it('shows the current version, its amendment and the version count', () => {
    const n = amend(note({ text: 'first' }), content({ text: 'second' }), 'Mr. Other', Date.UTC(2026, 10, 21, 18));
    const row = Papa.parse<string[]>(notesToCsv({}, [n])).data[1];
    expect(row![8]).toBe('second');
    expect(row![10]).toBe('Ms. Case');
    expect(row![12]).toMatch(/by Mr\. Other$/);
    expect(row![13]).toBe('2');
  });
});

describe('printable log', () => {
  it('escapes markup and leaves out private notes', () => {
    const html = printableLog(
      {},
      [note({ text: '<script>alert(1)</script>' }), note({ text: 'private thing', private: true })],
      { id: '1001', name: 'Ana & Co' },
      0,
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Ana &amp; Co');
    expect(html).not.toContain('private thing');
    expect(html).not.toMatch(/<script/i);
  });
});
