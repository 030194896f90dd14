import type { ComplianceSettings } from '../../lib/compliance';
import { todayIso } from '../../lib/dates';
import type { LiaisonDb } from '../../lib/db/database';
import { storedStudent } from '../../lib/db/student-rows';
import { downloadText, safePart } from '../notes/download';

export const ICS = 'text/calendar;charset=utf-8';

/** "Add to calendar" for one student: every compliance date Liaison knows for them. */
export function StudentCalendarButton({
  db,
  site,
  id,
  compliance,
}: {
  db: LiaisonDb;
  site: string;
  id: string;
  compliance?: Partial<ComplianceSettings>;
}) {
  return (
    <button
      type="button"
      class="add-to-calendar"
      onClick={async () => {
        const row = await storedStudent(db, site, { id });
        if (!row) return;
        // The calendar writer loads on the click: the side panel opens without it.
        const { studentCalendar } = await import('../../lib/week/calendar');
        downloadText(
          `liaison-student-${safePart(id)}.ics`,
          studentCalendar(row, { asOf: todayIso(), compliance, stamp: new Date() }),
          ICS,
        );
      }}
    >
      Add to calendar
    </button>
  );
}
