// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TabSource } from '../../../components/panel/ownTab';
import { SidePanel } from '../../../components/SidePanel';
import { mountEach } from '../mount-each';
import { LiaisonDb, type PageRow } from '../../../lib/db/database';
import { unlockForTests } from '../crypto/session-key';

/**
 * The worker → side panel channel (lib/messaging/protocol `ComposeRequest`): "Add note" on a badge leaves a request
 * on the tab's page row, and the panel parses it before it opens the note form.
 */
const SITE = 'https://sis.example.org';
const page = (compose: unknown): PageRow => ({
  tabId: 1,
  site: SITE,
  url: `${SITE}/students`,
  profile: 'p',
  pageType: 'student-list',
  focus: null,
  subjects: [{ kind: 'student', id: '1001', name: 'Ana Ruiz' }],
  recognized: true,
  at: 1,
  compose: compose as PageRow['compose'],
});
const tabs: TabSource = { follow: (onTab) => (onTab({ follows: 'tab', tabId: 1 }), () => {}) };

let db: LiaisonDb;
let root: HTMLElement;
beforeAll(unlockForTests);
mountEach('compose', (d, r) => ((db = d), (root = r)));

const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
const selectedTab = () => root.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '';

async function open(compose: unknown): Promise<string> {
  await db.pages.put(page(compose));
  render(<SidePanel db={db} ask={async () => ({ ok: false })} tabSource={tabs} loadPolicy={async () => ({})} />, root);
  for (let i = 0; i < 40 && !root.querySelector('[data-subject], form'); i++) await settle();
  await settle();
  return selectedTab();
}

describe('the compose request from a badge', () => {
  it('opens the note form for the student it names, once', async () => {
    expect(await open({ studentId: '1001', at: Date.now() })).toContain('Notes');
    expect((await db.pages.get(1))?.compose).toBeNull();
  });

  it('opens nothing when the row holds a request that does not parse', async () => {
    for (const bad of [{ studentId: 1001, at: Date.now() }, { studentId: '', at: Date.now() }, { studentId: '1001' }]) {
      expect(await open(bad), JSON.stringify(bad)).toContain('Checks');
      render(null, root);
    }
  });
});
