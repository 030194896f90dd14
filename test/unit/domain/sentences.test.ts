import { describe, expect, it } from 'vitest';
import { shorten, splitFirstSentence } from '../../../lib/domain/sentences';

describe('splitFirstSentence', () => {
  it('splits after the first sentence', () => {
    expect(splitFirstSentence('Assign a case manager. Or have a provider serve the student.')).toEqual([
      'Assign a case manager.',
      'Or have a provider serve the student.',
    ]);
    expect(splitFirstSentence('Is it due? Check the IEP page.')).toEqual(['Is it due?', 'Check the IEP page.']);
    expect(splitFirstSentence('Renew by June (see the CTC). 2027 is late.')).toEqual([
      'Renew by June (see the CTC).',
      '2027 is late.',
    ]);
  });

  it('does not split at abbreviations or initials', () => {
    expect(splitFirstSentence('Caps follow Ed. Code 56362, e.g. 28 students. Ask HR.')).toEqual([
      'Caps follow Ed. Code 56362, e.g. 28 students.',
      'Ask HR.',
    ]);
    expect(splitFirstSentence('Ask Dr. Kim or J. Smith to review it.')).toEqual([
      'Ask Dr. Kim or J. Smith to review it.',
      '',
    ]);
  });

  it('keeps one sentence whole, and a stop inside a word', () => {
    expect(splitFirstSentence('  Record the document (for example R3MN or LSH).  ')).toEqual([
      'Record the document (for example R3MN or LSH).',
      '',
    ]);
    expect(splitFirstSentence('See sis.example.org for details.')).toEqual(['See sis.example.org for details.', '']);
  });
});

describe('shorten', () => {
  it('keeps text within the limit and marks a cut with …', () => {
    expect(shorten('Maria Gonzalez', 26)).toBe('Maria Gonzalez');
    expect(shorten('abcdef', 6)).toBe('abcdef');
    expect(shorten('abcdefg', 6)).toBe('abcde…');
  });
});
