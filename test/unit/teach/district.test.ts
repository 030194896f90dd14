import { describe, expect, it } from 'vitest';
import { genericAdapter } from '../../../lib/adapters/generic';
import { findLabeledValues } from '../../../lib/adapters/generic/labels';
import { readWithProfile } from '../../../lib/adapters/generic/profile-check';
import { SiteProfile } from '../../../lib/adapters/profile';
import { runAllChecks } from '../../../lib/checks';
import type { Staff, Student } from '../../../lib/domain';
import { buildProfile, idFromAddress, mapPick, type TeachDraft, type TeachKey } from '../../../lib/teach/draft';
import { describeLocator } from '../../../lib/teach/describe';
import { sitePicker } from '../../../lib/teach/pick';
import { previewOf } from '../../../lib/teach/preview';
import { parseHtml } from '../../fixtures/generic/parse-html';
import { fillDates, isoFromToday, teachPage } from '../../fixtures/teach/serve';

/**
 * Teach mode on the district SIS of test/fixtures/teach (the pages the browser test teaches): ids only in the
 * address, the district's own label wording, every rule input on the page.
 */
const TODAY = '2026-12-03';
const HOST = 'http://127.0.0.1:5000';
const learnerUrl = (ref: string) => new URL(`${HOST}/sis/learner.aspx?ref=${ref}&view=plan`);
const personUrl = (emp: string) => new URL(`${HOST}/sis/people.aspx?emp=${emp}&pane=credentials`);
const page = (file: string) => parseHtml(teachPage(file, TODAY));

/** What the user clicks for each student field, and the text the label they get must read. */
const LEARNER_PICKS: [TeachKey, string, string][] = [
  ['name', 'h1.who', 'Dana Whitfield'],
  ['grade', 'p.meta', '3'],
  ['birthDate', '#dob', '04/09/2018'],
  ['primaryDisability', 'table.eligibility tr:nth-of-type(1) td', 'Autism (AUT)'],
  ['secondaryDisability', 'table.eligibility tr:nth-of-type(2) td', 'None'],
  ['severe', 'table.eligibility tr:nth-of-type(3) td', 'No'],
  ['supportLevel', 'table.eligibility tr:nth-of-type(4) td', 'Extensive Support Needs'],
  ['program', 'table.eligibility tr:nth-of-type(5) td', 'Special Day Class'],
  ['alternatePlacement', 'table.eligibility tr:nth-of-type(6) td', 'No'],
  ['caseManager', 'dl.team dd', 'Harper Quinn'],
  ['caseManagerRole', 'dl.team dd:nth-of-type(2)', 'Teacher of record'],
  // One line of the block: the pick maps the whole services-and-providers block.
  [
    'services',
    'td.svc-block div:nth-of-type(2)',
    '330 Specialized Academic Instruction – 300 min/wk – Harper Quinn 415 Language and Speech – 60 min/wk – Lee Ramos',
  ],
  ['iepLastMeeting', 'table.plan-dates tr:nth-of-type(1) td', fillDates('{{date:-345}}', TODAY)],
  ['iepNextAnnual', 'table.plan-dates tr:nth-of-type(2) td', fillDates('{{date:+20}}', TODAY)],
  ['iepNextTriennial', 'table.plan-dates tr:nth-of-type(3) td', fillDates('{{date:+400}}', TODAY)],
];

const PERSON_PICKS: [TeachKey, string, string][] = [
  ['name', 'h1.who', 'Harper Quinn'],
  ['position', 'table.job td', 'Education Specialist, SDC'],
  ['credentials', 'table.cred tr:nth-of-type(1) td', 'Education Specialist Instruction Credential'],
  ['credentialAuthorizations', 'table.cred tr:nth-of-type(2) td', 'R3MN'],
  ['credentialKind', 'table.cred tr:nth-of-type(3) td', 'Intern'],
  ['credentialIssued', 'table.cred tr:nth-of-type(4) td', '07/01/2024'],
  ['credentialExpires', 'table.cred tr:nth-of-type(5) td', fillDates('{{date:+900}}', TODAY)],
];

function teach(
  kind: 'student' | 'staff',
  doc: Document,
  url: URL,
  param: string,
  picks: [TeachKey, string, string][],
): TeachDraft {
  let d: TeachDraft = idFromAddress({ kind, fields: {} }, param);
  for (const [key, sel] of picks) d = mapPick(d, key, doc.querySelector(sel)!, url);
  return d;
}

function taught() {
  const learner = teach('student', page('learner-S-2207.html'), learnerUrl('S-2207'), 'ref', LEARNER_PICKS);
  const person = teach('staff', page('person-E-310.html'), personUrl('E-310'), 'emp', PERSON_PICKS);
  const first = buildProfile(learner, learnerUrl('S-2207'), null, TODAY);
  const profile = SiteProfile.parse(buildProfile(person, personUrl('E-310'), first, TODAY));
  return { learner, person, profile };
}

describe('teaching a district SIS whose ids are only in the address', () => {
  it('the learner page is one Liaison does not know before teaching (the premise of the browser test)', () => {
    expect(genericAdapter.detect(learnerUrl('S-2207'), page('learner-S-2207.html'))).toBeNull();
  });

  it('stores label-anchored locators for every picked value that has a label, and each reads that value', () => {
    const { learner, person } = taught();
    expect(learner.id).toEqual({ from: 'url', param: 'ref' });
    expect(person.id).toEqual({ from: 'url', param: 'emp' });
    for (const [draft, file, picks] of [
      [learner, 'learner-S-2207.html', LEARNER_PICKS],
      [person, 'person-E-310.html', PERSON_PICKS],
    ] as const) {
      const labels = findLabeledValues(page(file).body);
      for (const [key, , text] of picks) {
        const loc = key === 'name' ? draft.fields.name : draft.fields[key as Exclude<TeachKey, 'id'>];
        if (key === 'name') {
          expect(loc, 'the heading has no label: its place is kept').toEqual({ selector: 'h1.who' });
          continue;
        }
        expect(loc && 'label' in loc, `${key} is found by its label`).toBe(true);
        const label = (loc as { label: string }).label;
        expect(labels.find((l) => l.label === label)?.value.text, `${key}: the value next to “${label}”`).toBe(text);
      }
    }
    expect(learner.fields.caseManagerRole).toEqual({ label: "Lead's capacity" });
    expect(learner.fields.services).toEqual({ label: 'Supports and providers' });
    expect(person.fields.credentialAuthorizations).toEqual({ label: 'Codes' });
  });

  it('says every locator in words', () => {
    const { learner } = taught();
    const url = learnerUrl('S-2207');
    expect(describeLocator(learner, 'id', url).text).toBe('from the address (ref = S-2207)');
    expect(describeLocator(learner, 'caseManager', url).text).toBe('the value next to “Case lead”');
    const name = describeLocator(learner, 'name', url, page('learner-S-2207.html'));
    expect(name).toEqual({ text: 'the heading at its place on the page (no label beside it)', selector: 'h1.who' });
    expect(
      describeLocator(
        { kind: 'student-list', fields: {}, list: { table: 't', columns: { studentId: 'Pupil no.' } } },
        'id',
      ).text,
    ).toBe('the “Pupil no.” column');
    expect(describeLocator(learner, 'iepLastMeeting', url).text).toBe('the value next to “Plan held”');
    expect(describeLocator({ kind: 'student', fields: {} }, 'grade').text).toBe('not mapped');
  });

  it('one profile holds both pages, and reads every page of each kind', () => {
    const { profile } = taught();
    expect(profile.pages.map((p) => p.type)).toEqual(['staff', 'student']);
    const eli = readWithProfile(page('learner-S-2208.html'), learnerUrl('S-2208'), profile).snapshot.students;
    expect(eli.map((s) => [s.id, s.name, s.primaryDisability, s.secondaryDisability])).toEqual([
      ['S-2208', 'Eli Navarro', 'Orthopedic Impairment (OI)', 'Autism'],
    ]);
    const lee = readWithProfile(page('person-E-412.html'), personUrl('E-412'), profile).snapshot.staff;
    expect(lee.map((s) => [s.id, s.name, s.credentials?.[0]?.title])).toEqual([
      ['E-412', 'Lee Ramos', 'Speech-Language Pathology Services Credential'],
    ]);
    expect(lee[0]!.credentials?.[0]?.expires).toBe(isoFromToday(-150, TODAY));
  });

  it('the preview shows each field read and what the checks find on the page alone', () => {
    const { learner } = taught();
    const url = learnerUrl('S-2207');
    const doc = page('learner-S-2207.html');
    const preview = previewOf(readWithProfile(doc, url, buildProfile(learner, url, null)), 'student', TODAY);
    expect(preview.title).toBe('Student S-2207: Dana Whitfield');
    expect(preview.records).toBe(1);
    expect(preview.values).toMatchObject({
      primaryDisability: 'Autism (AUT)',
      caseManager: 'Harper Quinn',
      iepNextAnnual: isoFromToday(20, TODAY),
    });
    // Harper Quinn and Lee Ramos have no staff record yet: the page alone cannot say more about them.
    expect(preview.findingsNote).toContain('From this page alone');
    expect(preview.findings.map((f) => f.code)).toContain('IEP_ANNUAL_DUE_SOON');
  });

  it('a taught page that reads no record leaves the page “not recognized”', () => {
    const { profile } = taught();
    const pick = sitePicker({ profiles: [profile], disabledAdapters: [] });
    // `ref=new` fits the page pattern, but "new" is no learner's id: nothing is read, so nothing claims the page.
    expect(pick(learnerUrl('new'), page('learner-new.html'))).toBeNull();
    const hit = pick(learnerUrl('S-2207'), page('learner-S-2207.html'));
    expect(hit?.adapter.id).toBe(profile.id);
  });

  /**
   * The findings RULES.md gives for what these pages show, read through the taught profile (the browser test
   * asserts the same on the markers):
   * - Dana (S-2207): autism, extensive support needs (ESN), Harper Quinn case manager as teacher of record, 330 by
   *   Harper and 415 by Lee Ramos. Harper's R3MN covers autism for MMSN only → CM_NOT_AUTHORIZED (check 1; without
   *   the degree of support it would be CM_AUTH_NEEDS_REVIEW). Lee's LSH expired → PROVIDER_NOT_AUTHORIZED for
   *   415 (check 3; an expired document never counts). Next annual in 20 days → IEP_ANNUAL_DUE_SOON.
   * - Eli (S-2208): severe OI (low incidence) with autism secondary and an alternate placement; Harper is
   *   coordinator only. Check 4 uses autism, and no provider serves the OI → ALT_PLACEMENT_PRIMARY_UNSERVED (not
   *   severe: ALT_PLACEMENT_INVALID). Coordinator: no check-1 finding, so the 330 provider Harper (R3MN, ESN)
   *   gets PROVIDER_NOT_AUTHORIZED (role unread: CM_NOT_AUTHORIZED instead). Triennial 10 days ago →
   *   TRIENNIAL_OVERDUE.
   * - Lee (E-412): LSH expired 150 days ago, provider of a student → CREDENTIAL_EXPIRED (check 6).
   * - Harper (E-310): an intern document → CREDENTIAL_TEMPORARY (check 6, info); read by its codes (R3MN), as the
   *   title alone names no specialty.
   */
  it('what the taught pages read gives the findings RULES.md gives for them', () => {
    const { profile } = taught();
    const students = [
      readWithProfile(page('learner-S-2207.html'), learnerUrl('S-2207'), profile),
      readWithProfile(page('learner-S-2208.html'), learnerUrl('S-2208'), profile),
    ].flatMap((r) => r.snapshot.students) as Student[];
    const staff = [
      readWithProfile(page('person-E-310.html'), personUrl('E-310'), profile),
      readWithProfile(page('person-E-412.html'), personUrl('E-412'), profile),
    ].flatMap((r) => r.snapshot.staff) as Staff[];
    const codes = (id: string) =>
      [
        ...new Set(
          runAllChecks({ students, staff }, { asOf: TODAY })
            .filter((f) => f.subject.id === id)
            .map((f) => f.code),
        ),
      ].sort();
    // Annual due soon: its schedule-by date (30 days before) has passed too.
    expect(codes('S-2207')).toEqual([
      'CM_NOT_AUTHORIZED',
      'IEP_ANNUAL_DUE_SOON',
      'IEP_SCHEDULE_BY',
      'PROVIDER_NOT_AUTHORIZED',
    ]);
    expect(codes('S-2208')).toEqual(['ALT_PLACEMENT_PRIMARY_UNSERVED', 'PROVIDER_NOT_AUTHORIZED', 'TRIENNIAL_OVERDUE']);
    expect(codes('E-412')).toEqual(['CREDENTIAL_EXPIRED']);
    expect(codes('E-310')).toEqual(['CREDENTIAL_TEMPORARY']);
  });
});
