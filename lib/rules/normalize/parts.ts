/**
 * Splits a combined SIS label ("415 - Language and Speech", "SLD (290)") into its codes and word parts.
 * A hyphen inside a word ("Deaf-Blindness") is not a separator; one with a space beside it is.
 */
const SEPARATORS = /[()[\],;:|]|\s[-–—]+|[-–—]+\s/;

export function splitLabel(raw: string): { numbers: string[]; parts: string[] } {
  const numbers = raw.match(/\b\d+\b/g) ?? [];
  const parts = raw
    .replace(/\b\d+\b/g, ' ')
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => /[a-z]/i.test(p));
  return { numbers, parts };
}
