import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/launch';
import { expect, test as base } from './fixtures';

/**
 * Issue 12, on what users install: the store build (`npm run build:store-local`: closed roots, store attributes,
 * store CSP, enabled on loopback) with a script in the SIS page's own world that tries every harvest. It learns no
 * finding code and no word of a stored record its own page did not show, and changes nothing stored; the user still
 * sees the same badges. LIAISON_STORE_LOCAL_DIR points at a build; otherwise this spec builds one into a temp folder.
 */
const STUDENT = '1009';

let builtDir: string | null = null;
function storeLocalDir(): string {
  const given = process.env.LIAISON_STORE_LOCAL_DIR;
  if (given) return resolve(given);
  if (!builtDir) {
    builtDir = mkdtempSync(join(tmpdir(), 'liaison-store-local-'));
    const env = { ...process.env, LIAISON_OUT_DIR: builtDir, LIAISON_BUILD: 'store-local' };
    execFileSync(resolve('node_modules/.bin/wxt'), ['build'], { env, stdio: 'pipe' });
  }
  return join(builtDir, 'chrome-mv3');
}
base.afterAll(() => {
  if (builtDir) rmSync(builtDir, { recursive: true, force: true });
});

const test = base.extend<{ context: BrowserContext }>({
  context: async ({}, use) => {
    const dir = storeLocalDir();
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no store-local build in ${dir}`);
    const ext = await launchWithExtension({ dir });
    (ext.context as BrowserContext & { extensionId?: string }).extensionId = ext.extensionId;
    await use(ext.context);
    await ext.close();
  },
});

/**
 * The page's own script, before anything else runs: it records every `data-liaison-*` attribute ever written, keeps
 * every shadow root the page world's attachShadow sees (Liaison's content script has its own world: it should see
 * none), and offers a harvest of everything it can reach.
 */
const HARVESTER = () => {
  const w = window as unknown as Record<string, unknown>;
  const seen: string[] = [];
  const roots: ShadowRoot[] = [];
  w.__seen = seen;
  w.__roots = roots;
  const orig = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const r = orig.call(this, init);
    roots.push(r);
    return r;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName?.startsWith('data-liaison'))
        seen.push(`${r.attributeName}=${(r.target as Element).getAttribute(r.attributeName)}`);
      for (const n of r.addedNodes)
        if (n.nodeType === 1)
          for (const a of (n as Element).getAttributeNames())
            if (a.startsWith('data-liaison')) seen.push(`${a}=${(n as Element).getAttribute(a)}`);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  w.__harvest = () => {
    const attrs: string[] = [];
    const shadows: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames())
        if (a.startsWith('data-liaison')) attrs.push(`${a}=${el.getAttribute(a)}`);
      if (el.shadowRoot) shadows.push(el.shadowRoot.innerHTML);
    }
    for (const r of roots) shadows.push(r.innerHTML);
    return {
      attrs,
      seen: [...seen],
      shadows,
      text: document.documentElement.outerHTML + (document.body?.innerText ?? ''),
    };
  };
  /** Clicks and keys at everything of Liaison's the page can reach. */
  w.__poke = () => {
    for (const el of document.querySelectorAll('[data-liaison-marker], [data-liaison-chip], [data-liaison-ui]')) {
      (el as HTMLElement).click();
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      (el as HTMLElement).shadowRoot?.querySelectorAll('button').forEach((b) => b.click());
    }
  };
};

type Harvest = { attrs: string[]; seen: string[]; shadows: string[]; text: string };
const harvest = (page: Page) => page.evaluate(() => (window as unknown as { __harvest: () => Harvest }).__harvest());

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/** What the user sees in each marker, read through DevTools (which reaches closed roots; a page script cannot). */
async function badges(cdp: CDPSession): Promise<{ id: string; rootType?: string; label: string; popOpen: boolean }[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const out: { id: string; rootType?: string; label: string; popOpen: boolean }[] = [];
  const text = (n: CdpNode): string => (n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(text).join(''));
  const attr = (n: CdpNode, name: string) => {
    const a = n.attributes ?? [];
    const i = a.indexOf(name);
    return i >= 0 && i % 2 === 0 ? a[i + 1] : undefined;
  };
  const find = (n: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | undefined => {
    if (pred(n)) return n;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const hit = find(c, pred);
      if (hit) return hit;
    }
    return undefined;
  };
  const walk = (n: CdpNode) => {
    const id = attr(n, 'data-liaison-student');
    if (id !== undefined && n.shadowRoots?.length) {
      const sr = n.shadowRoots[0];
      const button = find(sr!, (c) => c.nodeName === 'BUTTON' && (attr(c, 'class') ?? '').includes('badge'));
      const pop = find(sr!, (c) => (attr(c, 'class') ?? '') === 'pop');
      out.push({
        id,
        rootType: sr!.shadowRootType,
        label: button ? text(button) : '',
        popOpen: !!pop && attr(pop, 'hidden') === undefined,
      });
    }
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
  };
  walk(root);
  return out;
}

async function answered(cdp: CDPSession): Promise<string> {
  let label = '';
  await expect
    .poll(async () => {
      label = (await badges(cdp)).find((b) => b.id === STUDENT)?.label ?? '';
      return label !== '' && label !== 'Liaison…';
    })
    .toBe(true);
  return label;
}

/** The stored row of the student, read from an extension page (the extension origin's IndexedDB). */
async function storedStudent(context: BrowserContext, extensionId: string, site: string) {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  const row = await ext.evaluate(
    ([site, id]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('liaison');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          // Keyed by site, school and id (lib/db/database version 3); the page names the id alone.
          const get = open.result
            .transaction('studentsBySchool')
            .objectStore('studentsBySchool')
            .index('[site+id]')
            .getAll([site!, id!]);
          get.onsuccess = () => resolve(get.result.length === 1 ? get.result[0] : undefined);
          get.onerror = () => reject(get.error);
        };
      }),
    [site, STUDENT],
  );
  await ext.close();
  return row as { record: Record<string, unknown> } | undefined;
}

/** Words of a stored record that a page naming only the id must not learn. */
function recordWords(record: Record<string, unknown>): string[] {
  const words = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string') {
      for (const w of v.split(/[^\p{L}\p{N}-]+/u)) if (w.length >= 4 && !/^\d+$/.test(w)) words.add(w);
    } else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(record);
  return [...words];
}

const CODE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
// Presence attributes (empty: that Liaison runs, which its markers show anyway), ids the page shows, and severity.
const STORE_ATTRS = /^data-liaison-((marker|active|ui|chip)=$|student=|staff=|severity=)/;

test('a page script learns nothing from the store build, cannot steer it, and the user sees the same badges', async ({
  context,
  page,
  sisUrl,
  extensionId,
}) => {
  await context.addInitScript(HARVESTER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');

  // 1. The full student page, as the user browses it.
  await page.goto(`${sisUrl}/students/${STUDENT}`);
  const fullLabel = await answered(cdp);
  const full = await harvest(page);
  expect([...full.attrs, ...full.seen].filter((a) => !STORE_ATTRS.test(a))).toEqual([]);
  expect(full.attrs.join(' ') + full.seen.join(' ')).not.toMatch(CODE);
  expect(full.shadows).toEqual([]); // no root is open, and the page world's attachShadow saw none of Liaison's
  const site = new URL(sisUrl).origin;
  const before = await storedStudent(context, extensionId, site);
  expect(before?.record.name).toBeTruthy();

  // 2. Clicks and keys from the page world open no popover and change nothing.
  await page.evaluate(() => (window as unknown as { __poke: () => void }).__poke());
  await page.waitForTimeout(300);
  expect((await badges(cdp)).every((b) => !b.popOpen && b.rootType === 'closed')).toBe(true);

  // 3. A thin page of the same site that only names the id, with a placeholder name.
  const thinUrl = `${sisUrl}/students/${STUDENT}?view=thin`;
  const fullHtml = await (await page.request.get(`${sisUrl}/students/${STUDENT}`)).text();
  const thinHtml = fullHtml.replace(
    /<main id="content"[\s\S]*<\/main>/,
    `<main id="content"><h1 class="record-title"><span class="record-name">x</span> <span class="record-id">- ${STUDENT}</span></h1></main>`,
  );
  expect(thinHtml).not.toBe(fullHtml);
  await page.route(thinUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: thinHtml }));
  await page.goto(thinUrl);
  const thinLabel = await answered(cdp);
  await page.evaluate(() => (window as unknown as { __poke: () => void }).__poke());
  await page.waitForTimeout(300);
  const thin = await harvest(page);
  expect([...thin.attrs, ...thin.seen].filter((a) => !STORE_ATTRS.test(a))).toEqual([]);
  expect(thin.attrs.join(' ') + thin.seen.join(' ') + thin.text).not.toMatch(CODE);
  expect(thin.shadows).toEqual([]);
  const leaked = recordWords(before!.record).filter((w) => thin.text.includes(w) && !thinHtml.includes(w));
  expect(leaked).toEqual([]);

  // 4. Nothing stored changed: the record keeps its name and every field.
  const after = await storedStudent(context, extensionId, site);
  expect(after?.record).toEqual(before?.record);

  // 5. The user still sees the badge, the same as on the full page (its findings come from the stored record).
  expect(thinLabel).toBe(fullLabel);
  expect((await badges(cdp)).every((b) => !b.popOpen)).toBe(true);

  // 6. Teach mode only by the user: on a page Liaison does not recognize, the page world cannot reach the chip's
  // buttons (a closed root) and its clicks start nothing.
  await page.goto(`${sisUrl}/`);
  await expect(page.locator('[data-liaison-chip]')).toHaveCount(1);
  expect(await page.evaluate(() => document.querySelector('[data-liaison-chip]')?.shadowRoot ?? null)).toBeNull();
  await page.evaluate(() => (window as unknown as { __poke: () => void }).__poke());
  await page.waitForTimeout(500);
  await expect(page.locator('[data-liaison-teach]')).toHaveCount(0);
  const home = await harvest(page);
  expect(home.shadows).toEqual([]);
  expect([...home.attrs, ...home.seen].filter((a) => !STORE_ATTRS.test(a))).toEqual([]);
});
