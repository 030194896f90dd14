/** Lowercase words separated by single spaces; every non-alphanumeric is a separator ("Mild/Moderate" → "mild moderate"). */
export function words(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A key insensitive to case, punctuation and spacing ("Deaf-Blindness" = "deaf blindness" = "DEAFBLINDNESS"). */
export function compactKey(text: string): string {
  return words(text).replace(/ /g, '');
}

/** Caches a pure one-argument function: SIS exports repeat the same few texts thousands of times. */
export function memoize<R>(fn: (text: string) => R): (text: string) => R {
  const cache = new Map<string, R>();
  return (text: string) => {
    let hit = cache.get(text);
    if (hit === undefined && !cache.has(text)) {
      hit = fn(text);
      cache.set(text, hit);
    }
    return hit as R;
  };
}
