// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../lib/adapters/generic';
import { parseHtml } from '../../fixtures/generic/parse-html';

const staffPage = (rows: string) => parseHtml(`<h1>Renata Alvarez - 2</h1><table>${rows}</table>`);
const studentPage = (rows: string) => parseHtml(`<h1>Ana Ruiz - 17</h1><table>${rows}</table>`);
const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;

describe('fields read by their values when the label is unknown', () => {
  it('CTC codes and a CTC document title on a staff page, with the source said', () => {
    const doc = staffPage(
      row('Cred Doc #1', 'Clear Education Specialist Instruction Credential: Mild to Moderate Support Needs') +
        row('Codes (1)', 'R3MN, AAAS') +
        row('Position', 'RSP'),
    );
    const { snapshot } = genericAdapter.read(doc, new URL('https://sis.example/staff.php?staff_id=2'));
    expect(snapshot.staff[0]!.credentials).toEqual([
      {
        title: 'Clear Education Specialist Instruction Credential: Mild to Moderate Support Needs',
        authorizations: ['R3MN', 'AAAS'],
      },
    ]);
    expect(snapshot.staff[0]!.provenance).toMatchObject({
      credentialAuthorizations: 'value pattern (label "Codes (1)")',
    });
  });

  it('a disability name and coded service lines on a student page', () => {
    const doc = studentPage(
      row('Elig Cat 1', 'Autism (320)') +
        row('Svc Block', '330 SAI - Renata Alvarez<br>415 Speech - Tomás Whitlock') +
        row('Case Manager', 'Renata Alvarez'),
    );
    const [s] = genericAdapter.read(doc, new URL('https://sis.example/s.php?student_id=17')).snapshot.students;
    expect(s!.primaryDisability).toBe('Autism (320)');
    expect(s!.services).toEqual([
      { code: '330', name: 'SAI', providerName: 'Renata Alvarez' },
      { code: '415', name: 'Speech', providerName: 'Tomás Whitlock' },
    ]);
  });

  it('never guesses: two unlabeled disabilities, a bare code, or a value that fits two fields are reported, not used', () => {
    const doc = studentPage(
      row('Cat A', 'Autism') + row('Cat B', 'SLD') + row('Thing', '330') + row('Case Manager', 'Renata Alvarez'),
    );
    const { snapshot } = genericAdapter.read(doc, new URL('https://sis.example/s.php?student_id=17'));
    expect(snapshot.students[0]).not.toHaveProperty('primaryDisability');
    expect(snapshot.students[0]).not.toHaveProperty('services');
    expect(snapshot.diagnostics).toContainEqual(
      expect.objectContaining({ level: 'warning', field: 'primaryDisability' }),
    );
  });

  it('a label that names a field keeps it: values never override labels', () => {
    const doc = studentPage(
      row('Primary Disability', 'dyslexia') + row('Other', 'Autism') + row('Case Manager', 'X Y'),
    );
    const [s] = genericAdapter.read(doc, new URL('https://sis.example/s.php?student_id=17')).snapshot.students;
    expect(s!.primaryDisability).toBe('dyslexia');
  });
});
