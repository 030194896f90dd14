import { COUNTERPART_LABEL, current, MODE_LABEL, NOTE_TYPE_LABEL, type Note } from './schema';

/**
 * Full-text search over decoded notes, in memory: every word of the query must appear somewhere in the
 * note's text, who it was with, its type or mode, or its student id. Notes stay encrypted at rest, so no
 * index of their words is kept on disk.
 */
export function searchNotes(notes: readonly Note[], query: string): Note[] {
  const words = normalize(query).split(' ').filter(Boolean);
  if (!words.length) return [];
  return notes.filter((n) => {
    const hay = haystack(n);
    return words.every((w) => hay.includes(w));
  });
}

function haystack(n: Note): string {
  const v = current(n);
  return normalize(
    [v.text, v.withName, COUNTERPART_LABEL[v.with], NOTE_TYPE_LABEL[v.type], MODE_LABEL[v.mode], n.studentId].join(' '),
  );
}

/** Case- and accent-insensitive, punctuation as spaces. */
function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
