/** Words that end in a full stop without ending a sentence ("Ed. Code", "Dr. Kim", "e.g. R3MN"). */
const ABBREVIATIONS = new Set([
  'ed',
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'no',
  'nos',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cal',
  'regs',
  'sec',
  'st',
  'jr',
  'sr',
  'prof',
  'approx',
]);

/**
 * The first sentence of a text and the rest: the rest starts after ". ", "! " or "? " followed by a capital or a
 * digit, unless the word before the stop is an abbreviation or a single letter ("J. Smith"). Plain text only;
 * no DOM, no schemas (the content script uses it).
 */
export function splitFirstSentence(text: string): [string, string] {
  const t = text.trim();
  const re = /([.!?])["')\]]?\s+(?=["'(]?[A-Z0-9])/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m[1] === '.') {
      const word = /([A-Za-z.]+)$/.exec(t.slice(0, m.index))?.[1] ?? '';
      if (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase())) continue;
    }
    const end = m.index + m[0].trimEnd().length;
    return [t.slice(0, end), t.slice(end).trim()];
  }
  return [t, ''];
}

/** Text of at most `max` characters for a label or message: a longer text is cut and ends in "…". */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
