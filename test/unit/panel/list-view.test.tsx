// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidePanel } from '../../../components/SidePanel';
import { LiaisonDb } from '../../../lib/db/database';
import { saveNoteSettings } from '../../../lib/notes/settings';

const SITE = 'https://sis.example.org';
let db: LiaisonDb;
let root: HTMLElement;
let k = 0;
beforeEach(async () => {
  db = new LiaisonDb(`panel-${k++}`);
  root = document.createElement('div');
  document.body.append(root);
  const worst = (i: number) => (i === 119 ? { code: 'CM_MISSING', severity: 'error' as const } : undefined);
  const graded = (i: number) => [worst(i) ?? { code: 'CM_BEST_PRACTICE', severity: 'warning' as const }];
  // As the worker writes them: the page row lists each subject's findings as codes and severities, the findings
  // rows hold the findings.
  const subjects = Array.from({ length: 120 }, (_, i) => ({
    kind: 'student' as const,
    id: `s${i}`,
    name: `Student ${String(i).padStart(3, '0')}`,
    graded: graded(i),
  }));
  await db.pages.put({
    tabId: 1,
    site: SITE,
    url: `${SITE}/list`,
    profile: 'p',
    pageType: 'student-list',
    focus: null,
    subjects,
    recognized: true,
    at: 1,
  });
  await db.findings.bulkPut(
    subjects.map((s, i) => ({
      site: SITE,
      kind: 'student' as const,
      school: '',
      id: s.id,
      checkedAt: 1,
      findings: [
        {
          ...graded(i)[0]!,
          subject: { kind: 'student' as const, id: s.id },
          title: 't',
          detail: `detail ${i}`,
          citation: { source: 's' },
        },
      ],
    })),
  );
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function until(cond: () => boolean) {
  for (let i = 0; i < 100 && !cond(); i++) await settle();
}

describe('side panel list view on a long page', () => {
  it('shows the worst records first, 50 at a time, and renders findings only when a record is opened', async () => {
    render(<SidePanel db={db} />, root);
    await until(() => root.querySelectorAll('[data-subject]').length > 0);
    const rows = () => [...root.querySelectorAll('[data-subject]')];
    expect(rows()).toHaveLength(50);
    expect(rows()[0]!.getAttribute('data-subject')).toBe('student:s119');
    expect(root.querySelectorAll('li.finding')).toHaveLength(0);
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Show 50 more of 70'))!;
    await act(() => {
      more.click();
    });
    expect(rows()).toHaveLength(100);
    const details = rows()[0]!.querySelector('details')!;
    details.open = true;
    await act(() => {
      details.dispatchEvent(new Event('toggle'));
    });
    // The list came from the page row; the opened record's findings are read from its findings row.
    await until(() => rows()[0]!.querySelector('li.finding') !== null);
    expect(rows()[0]!.querySelectorAll('li.finding')).toHaveLength(1);
    expect(rows()[0]!.textContent).toContain('detail 119');
    expect(root.querySelectorAll('li.finding')).toHaveLength(1);
  });
});

describe('the teacher role on a list page (issue 16)', () => {
  it('lists the page’s students and where their accommodations are, never a finding', async () => {
    await saveNoteSettings(db, { role: 'teacher' });
    render(<SidePanel db={db} loadPolicy={async () => ({})} />, root);
    await until(() => root.querySelector('[role="tab"][aria-selected="true"]') !== null);
    await act(
      () =>
        void [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')]
          .find((t) => t.textContent!.startsWith('Checks'))!
          .click(),
    );
    await until(() => root.querySelector('[data-testid="teacher-list"]') !== null);
    const list = root.querySelector('[data-testid="teacher-list"]')!;
    expect(list.querySelectorAll('li')).toHaveLength(120);
    expect(root.querySelectorAll('[data-subject]')).toHaveLength(0);
    expect(root.textContent).not.toMatch(/CM_MISSING|CM_BEST_PRACTICE|detail \d/);
  });
});
