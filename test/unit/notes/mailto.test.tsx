// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseManagerCard } from '../../../components/notes/CaseManagerCard';
import { mailAddress, mailtoHref, UnusableAddress } from '../../../lib/notes/mailto';

describe('an e-mail address from the page is validated before it goes into mailto: (issue 12)', () => {
  it('accepts a plain address, trimmed, and one the page wrote as mailto:', () => {
    expect(mailAddress(' maria.gonzalez@district.k12.ca.us ')).toBe('maria.gonzalez@district.k12.ca.us');
    expect(mailAddress('mailto:mg@district.org')).toBe('mg@district.org');
  });

  it('refuses anything that could add recipients, headers or a body', () => {
    for (const shaped of [
      'mg@district.org?cc=spy@evil.example',
      'mg@district.org&body=hi',
      'mg@district.org, spy@evil.example',
      'mg@district.org\nBcc: spy@evil.example',
      'Maria <mg@district.org>',
      'javascript:alert(1)',
      'mg at district dot org',
      '',
      null,
    ]) {
      expect(mailAddress(shaped), String(shaped)).toBeNull();
      expect(() => mailtoHref(String(shaped), 'x')).toThrow(UnusableAddress);
    }
  });

  it('builds the link with the subject and body encoded', () => {
    expect(mailtoHref('mg@district.org', 'Note & more', 'a=b\nc')).toBe(
      'mailto:mg%40district.org?subject=Note%20%26%20more&body=a%3Db%0Ac',
    );
  });
});

describe('the case manager card', () => {
  const root = document.createElement('div');
  document.body.append(root);
  afterEach(() => render(null, root));
  const show = (email: string | null, unusableEmail: string | null = null) =>
    act(() =>
      render(<CaseManagerCard contact={{ name: 'Maria Gonzalez', email, unusableEmail, phone: null }} />, root),
    );

  it('links a usable address', async () => {
    await show('mg@district.org');
    expect(root.querySelector('a')?.getAttribute('href')).toMatch(/^mailto:mg%40district\.org\?subject=/);
    expect(root.querySelector('[data-email-missing]')).toBeNull();
  });

  it('says plainly when the e-mail is not known yet, and how to get it', async () => {
    await show(null);
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[data-email-missing="unknown"]')?.textContent).toMatch(
      /does not know their e-mail yet: open their staff page/,
    );
  });

  it('offers no link for an address the page shaped, and says what it showed', async () => {
    await show(null, 'mg@district.org?cc=spy@evil.example');
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[data-email-missing="unusable"]')?.textContent).toContain('check it in the SIS');
  });
});
