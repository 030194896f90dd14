/** Wording shared by the findings and the badges, so a date reads the same everywhere. */

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "today", "tomorrow", "in 12 days", "yesterday", "22 days ago", from the days until the date. */
export function relative(daysUntil: number): string {
  if (daysUntil === 0) return 'today';
  if (daysUntil === 1) return 'tomorrow';
  if (daysUntil === -1) return 'yesterday';
  return daysUntil > 0 ? `in ${plural(daysUntil, 'day')}` : `${plural(-daysUntil, 'day')} ago`;
}

/** Badge text: "Annual due in 12 days", "Annual due today", "Annual overdue by 3 days". */
export function dueBadge(noun: string, daysUntil: number): string {
  if (daysUntil < 0) return `${noun} overdue by ${plural(-daysUntil, 'day')}`;
  if (daysUntil === 0) return `${noun} due today`;
  return `${noun} due in ${plural(daysUntil, 'day')}`;
}

/**
 * The schedule-by part of a badge: "schedule within 15 days", "schedule today", "schedule now, 3 days late".
 * It follows the due date's own words after " · ".
 */
export function scheduleBadge(daysUntil: number): string {
  if (daysUntil < 0) return `schedule now, ${plural(-daysUntil, 'day')} late`;
  if (daysUntil === 0) return 'schedule today';
  return `schedule within ${plural(daysUntil, 'day')}`;
}

/** The student as details name them: the name when known, else the SIS id. */
export function who(student: { id: string; name?: string | null }): string {
  return student.name?.trim() || `Student ${student.id}`;
}
