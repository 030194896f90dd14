import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { dueUid, shortName } from '../../../lib/calendar/ics';
import { caseloadCalendar, studentCalendar, weekCalendar } from '../../../lib/week/calendar';
import type { WeekInput } from '../../../lib/week/agenda';
import { SITE, staffRow, studentRow } from '../district/helpers';

const asOf = '2026-11-23';
const stamp = new Date(Date.UTC(2026, 10, 23, 12));
const aria = studentRow(
  {
    id: '1033',
    name: 'Aria Castillo',
    birthDate: '2013-09-14',
    primaryDisability: '320 - Autism (AUT)',
    secondaryDisability: 'Speech or Language Impairment',
    caseManager: { staffId: 'T1' },
    iep: { nextAnnual: '2027-01-14', nextTriennial: '2027-11-10' },
    accommodations: ['Visual schedule'],
  },
  { sources: { primaryDisability: `${SITE}/students/1033` } },
);
const input: WeekInput = {
  staff: [staffRow({ id: 'T1', name: 'Maria Gonzalez' })],
  students: [
    aria,
    studentRow({
      id: '1032',
      name: 'Okafor, Samuel',
      primaryDisability: 'Other Health Impairment (OHI)',
      caseManager: { staffId: 'T1' },
      entryDate: '2026-11-16',
      transferredWithIep: true,
      iep: { lastMeeting: '2025-11-12', nextAnnual: '2027-11-11' },
    }),
  ],
  findings: [],
  followUps: [{ noteId: 'note-1', site: SITE, studentId: '1032', date: '2026-11-30' }],
};

/** The events of an .ics text, read back by ical.js (a different library from the one that wrote it). */
function events(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const alarm = v.getFirstSubcomponent('valarm');
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toString(),
      allDay: e.startDate.isDate,
      url: v.getFirstPropertyValue('url'),
      trigger: alarm ? String(alarm.getFirstPropertyValue('trigger')) : null,
    };
  });
}

const DISABILITY =
  /autism|\bAUT\b|speech|language impairment|health impairment|\bOHI\b|disabilit|diagnos|\b320\b|eligib/i;

describe('calendar export (iCalendar, RFC 5545)', () => {
  it('the caseload: one all-day event per due date, alarm at the schedule-by date, linked to the SIS page', () => {
    const ics = caseloadCalendar(input, { asOf, me: `${SITE}|T1`, stamp });
    const list = events(ics);
    const byUid = new Map(list.map((e) => [e.uid, e]));
    const annual = byUid.get(dueUid({ site: SITE, id: '1033' }, 'IEP_ANNUAL'))!;
    expect(annual).toMatchObject({
      summary: 'Annual IEP due: Aria C.',
      start: '2027-01-14',
      allDay: true,
      url: `${SITE}/students/1033`,
    });
    expect(annual.description).toContain('Schedule the meeting by 2026-12-15');
    // 30 days before, at 9:00: 29 days 15 hours before the all-day start
    expect(annual.trigger).toBe('-P29DT15H');
    expect(byUid.get(dueUid({ site: SITE, id: '1033' }, 'TRIENNIAL'))).toMatchObject({
      start: '2027-11-10',
      trigger: '-P29DT15H',
    });
    const transfer = byUid.get(dueUid({ site: SITE, id: '1032' }, 'TRANSFER_IEP'))!;
    expect(transfer).toMatchObject({
      summary: 'Transfer IEP due (30 days): Samuel O.',
      start: '2026-12-16',
      trigger: null,
    });
    // the 18th birthday is not put in a calendar
    expect(list.some((e) => /18/.test(e.summary))).toBe(false);
    // 1033: annual and triennial; 1032: the transfer clock and the annual (derived dates are the SIS's here)
    expect(list.map((e) => e.start).sort()).toEqual(['2026-12-16', '2027-01-14', '2027-11-10', '2027-11-11']);
  });

  it('no disability, diagnosis, accommodation or birth date in any event text', () => {
    for (const ics of [
      caseloadCalendar(input, { asOf, stamp }),
      weekCalendar(input, { asOf, stamp }),
      studentCalendar(aria, { asOf, stamp }),
    ]) {
      expect(ics).not.toMatch(DISABILITY);
      expect(ics).not.toContain('Visual schedule');
      expect(ics).not.toContain('2013');
      expect(ics).not.toContain('Castillo'); // last names only as an initial
    }
  });

  it('UIDs are stable: a later export with a moved date updates the same event', () => {
    const first = events(studentCalendar(aria, { asOf, stamp }));
    const moved = studentRow(
      { ...aria.record, iep: { nextAnnual: '2028-01-13', nextTriennial: '2027-11-10' } },
      { sources: aria.sources },
    );
    const later = events(studentCalendar(moved, { asOf: '2027-01-20', stamp: new Date(Date.UTC(2027, 0, 20)) }));
    expect(later.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    expect(later.find((e) => e.uid === dueUid(aria, 'IEP_ANNUAL'))!.start).toBe('2028-01-13');
    // and two students never share one
    expect(dueUid({ site: SITE, id: '1' }, 'IEP_ANNUAL')).not.toBe(dueUid({ site: SITE, id: '2' }, 'IEP_ANNUAL'));
    expect(dueUid({ site: SITE, id: '1' }, 'IEP_ANNUAL')).not.toContain(SITE.replace('https://', ''));
  });

  it('This week: the dates in the window or to be scheduled in it, and the follow-ups due', () => {
    // 2026-11-23 … 2026-12-06: only the follow-up; the annual is to be scheduled by 12-15, the transfer due 12-16
    expect(events(weekCalendar(input, { asOf, stamp })).map((e) => [e.summary, e.start])).toEqual([
      ['Follow-up: Samuel O.', '2026-11-30'],
    ]);
    // 2026-12-05 … 2026-12-18: the annual (its schedule-by date is in the window), the transfer, the late follow-up
    const later = events(weekCalendar(input, { asOf: '2026-12-05', stamp }));
    expect(later.map((e) => [e.summary, e.start]).sort()).toEqual([
      ['Annual IEP due: Aria C.', '2027-01-14'],
      ['Follow-up: Samuel O.', '2026-11-30'],
      ['Transfer IEP due (30 days): Samuel O.', '2026-12-16'],
    ]);
    expect(later.find((e) => e.summary.startsWith('Annual'))!.trigger).toBe('-P29DT15H');
  });

  it('shortens names to first name and last initial', () => {
    expect(shortName('Aria Castillo')).toBe('Aria C.');
    expect(shortName('Okafor, Samuel')).toBe('Samuel O.');
    expect(shortName('Madonna')).toBe('Madonna');
    expect(shortName('  ')).toBe('Student');
  });
});
