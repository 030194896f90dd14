import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { startDemoSis } from '../../demo-sis/serve';
import { launchWithExtension } from '../../scripts/launch';

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  /** Opens the side panel's page in a tab (automation cannot open the real side panel). */
  openPanel: () => Promise<Page>;
}

interface WorkerFixtures {
  sisUrl: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  sisUrl: [
    async ({}, use) => {
      const sis = await startDemoSis({ port: 0 });
      await use(sis.url);
      await sis.close();
    },
    { scope: 'worker' },
  ],
  context: async ({}, use) => {
    const ext = await launchWithExtension();
    (ext.context as BrowserContext & { extensionId?: string }).extensionId = ext.extensionId;
    await use(ext.context);
    await ext.close();
  },
  extensionId: async ({ context }, use) => {
    await use((context as BrowserContext & { extensionId: string }).extensionId);
  },
  openPanel: async ({ context, extensionId }, use) => {
    await use(async () => {
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return panel;
    });
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

export { expect };

/** The marker of one record, by the DESIGN.md contract attributes. */
export const marker = (page: Page, kind: 'student' | 'staff', id: string) =>
  page.locator(`[data-liaison-${kind}="${id}"]`);

/** Waits until the worker has answered for a marker (its severity attribute is set from findings). */
export async function findingsOf(page: Page, kind: 'student' | 'staff', id: string): Promise<string[]> {
  const m = marker(page, kind, id).first();
  await expect(m).toHaveAttribute('data-liaison-findings', /.*/);
  await expect(m.locator('button')).not.toHaveText('Liaison…');
  const codes = (await m.getAttribute('data-liaison-findings')) ?? '';
  return codes.split(' ').filter(Boolean).sort();
}
