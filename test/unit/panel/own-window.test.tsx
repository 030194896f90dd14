// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotesTab } from '../../../components/notes/NotesTab';
import { browserTabSource, type PanelTab, type TabSource } from '../../../components/panel/ownTab';
import { SidePanel } from '../../../components/SidePanel';
import { mountEach } from '../mount-each';
import { LiaisonDb, type PageRow } from '../../../lib/db/database';
import { notesForSite } from '../../../lib/notes/repo';
import { current } from '../../../lib/notes/schema';
import { loadNoteSettings } from '../../../lib/notes/settings';
import { unlockForTests } from '../crypto/session-key';

const SITE = 'https://sis.example.org';
const OTHER = 'https://other-sis.example.org';
const studentPage = (tabId: number, site: string, id: string, name: string, at: number): PageRow => ({
  tabId,
  site,
  url: `${site}/student/${id}`,
  profile: 'p',
  pageType: 'student',
  focus: { kind: 'student', id },
  subjects: [{ kind: 'student', id, name }],
  recognized: true,
  at,
});

let db: LiaisonDb;
let root: HTMLElement;
beforeAll(unlockForTests);
mountEach('own-window', (d, r) => ((db = d), (root = r)));

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function until(cond: () => boolean) {
  for (let i = 0; i < 100 && !cond(); i++) await settle();
}

/** A tab source the test drives: the panel's window's active tab. */
function fakeTabs(first: PanelTab) {
  let emit: (t: PanelTab) => void = () => {};
  const source: TabSource = {
    follow(onTab) {
      emit = onTab;
      onTab(first);
      return () => {};
    },
  };
  return { source, activate: (tabId: number) => act(() => emit({ follows: 'tab', tabId })) };
}

const subject = () => root.querySelector('[data-subject]')?.getAttribute('data-subject');

describe('the side panel follows the active tab of its own window (issue 12)', () => {
  it('a tab in another window, or a background tab, writing its page (or an Add note) does not switch it', async () => {
    await db.pages.put(studentPage(1, SITE, '1001', 'Ana Ruiz', 1));
    await db.pages.put(studentPage(2, OTHER, '2002', 'Bo Chen', 2)); // written later, in another window
    const tabs = fakeTabs({ follows: 'tab', tabId: 1 });
    render(
      <SidePanel db={db} ask={async () => ({ ok: false })} tabSource={tabs.source} loadPolicy={async () => ({})} />,
      root,
    );
    await until(() => subject() === 'student:1001');
    expect(subject()).toBe('student:1001');

    // The other tab reads again and its page clicks its own "Add note".
    await db.pages.update(2, { at: Date.now(), compose: { studentId: '2002', at: Date.now() } });
    await settle();
    await settle();
    expect(subject()).toBe('student:1001');
    expect(root.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toContain('Checks');

    // The user activates that tab in the panel's own window: now it follows (its stale Add note put aside).
    await db.pages.update(2, { compose: null });
    await tabs.activate(2);
    await until(() => subject() === 'student:2002');
    expect(subject()).toBe('student:2002');
  });

  it('learns its window from windows.getCurrent and follows tabs.onActivated only for that window', async () => {
    const listeners: ((i: { tabId: number; windowId: number }) => void)[] = [];
    const seen: PanelTab[] = [];
    const stop = browserTabSource({
      tabs: {
        getCurrent: async () => undefined, // the real side panel is not a tab
        query: async ({ windowId }) => (windowId === 7 ? [{ id: 70 }] : [{ id: 80 }]),
        onActivated: { addListener: (l) => void listeners.push(l), removeListener: () => {} },
      },
      windows: { getCurrent: async () => ({ id: 7 }) },
    }).follow((t) => seen.push(t));
    await new Promise((r) => setTimeout(r, 10));
    for (const l of listeners) l({ tabId: 81, windowId: 8 }); // another window's tab
    for (const l of listeners) l({ tabId: 71, windowId: 7 });
    stop();
    expect(seen).toEqual([
      { follows: 'tab', tabId: 70 },
      { follows: 'tab', tabId: 71 },
    ]);
  });
});

describe('a note form with text is pinned to its student (issue 12)', () => {
  it('keeps its student and site when the page changes, says so, and saves the note for that student', async () => {
    const settings = await loadNoteSettings(db);
    const show = (page: PageRow, compose: boolean) =>
      act(() =>
        render(
          <NotesTab
            db={db}
            page={page}
            target={compose ? { studentId: '1001', compose: true, at: 1 } : null}
            settings={settings}
            policy={{}}
          />,
          root,
        ),
      );
    await show(studentPage(1, SITE, '1001', 'Ana Ruiz', 1), true);
    await until(() => !!root.querySelector('textarea'));
    const ta = root.querySelector('textarea')!;
    await act(() => {
      ta.value = 'Called about the reading plan.';
      ta.dispatchEvent(new Event('input', { bubbles: true }));
    });

    // The page (in the same tab) now shows another student on another site.
    await show(studentPage(1, OTHER, '2002', 'Bo Chen', 2), false);
    await settle();
    const notice = root.querySelector('[data-pinned-to]');
    expect(notice?.getAttribute('data-pinned-to')).toBe(`${SITE}|1001`);
    expect(notice?.textContent).toContain('Ana Ruiz (student 1001');
    expect(notice?.textContent).toContain('student 2002');
    expect(root.querySelector('textarea')!.value).toBe('Called about the reading plan.');

    await act(() => {
      root.querySelector<HTMLFormElement>('form.note-form')!.requestSubmit();
    });
    await until(() => !root.querySelector('form.note-form'));
    const [saved] = await notesForSite(db, SITE);
    expect(saved?.studentId).toBe('1001');
    expect(current(saved!).text).toBe('Called about the reading plan.');
    expect(await notesForSite(db, OTHER)).toEqual([]);
  });
});
