import { format } from 'date-fns';

/** Today as YYYY-MM-DD in the user's time zone: an IEP date is a school-day date, not a UTC instant. */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}
