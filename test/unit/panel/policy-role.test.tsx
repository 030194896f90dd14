// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { TabSource } from '../../../components/panel/ownTab';
import { SidePanel } from '../../../components/SidePanel';
import { mountEach } from '../mount-each';
import { LiaisonDb } from '../../../lib/db/database';
import { saveNoteSettings } from '../../../lib/notes/settings';

let db: LiaisonDb;
let root: HTMLElement;
mountEach('policy-role', (d, r) => ((db = d), (root = r)));

const noTab: TabSource = { follow: (onTab) => (onTab(undefined as never), () => {}) };
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
async function selectedTab(): Promise<string> {
  for (let i = 0; i < 100 && !root.querySelector('[role="tab"][aria-selected="true"]'); i++) await settle();
  for (let i = 0; i < 5; i++) await settle();
  return root.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? '';
}
const mount = (policy: object) =>
  render(
    <SidePanel db={db} ask={async () => ({ ok: false })} tabSource={noTab} loadPolicy={async () => policy} />,
    root,
  );

describe("the district's defaultRole in the side panel", () => {
  it('a teacher by policy opens on Notes (the teacher role), a user with no policy on Checks', async () => {
    mount({ defaultRole: 'teacher' });
    expect(await selectedTab()).toMatch(/^Notes/);
    render(null, root);
    mount({});
    expect(await selectedTab()).toMatch(/^Checks/);
  });

  it('the role the user picked wins', async () => {
    await saveNoteSettings(db, { role: 'case-manager' });
    mount({ defaultRole: 'teacher' });
    expect(await selectedTab()).toMatch(/^Checks/);
  });
});
