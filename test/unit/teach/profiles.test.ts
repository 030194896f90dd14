import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SiteProfile, type SiteProfileInput } from '../../../lib/adapters/profile';
import { LiaisonDb } from '../../../lib/db/database';
import { handleContentMessage, type HandlerContext } from '../../../lib/messaging/handler';
import { exportProfiles, planImport } from '../../../lib/teach/profile-io';
import {
  damagedProfileKeys,
  deleteProfile,
  deleteProfileRows,
  listProfiles,
  policyProfiles,
  profilesForHost,
  readManagedPolicy,
  saveProfiles,
} from '../../../lib/teach/store';

const profile = (over: Partial<SiteProfileInput> = {}): SiteProfile =>
  SiteProfile.parse({
    id: 'taught-sis-example-org',
    label: 'Taught: sis.example.org',
    hostPatterns: ['sis.example.org'],
    pages: [
      {
        type: 'student',
        urlPatterns: ['/pupil'],
        id: { from: 'url', param: 'sid' },
        fields: { caseManager: { label: 'Case Carrier' } },
      },
    ],
    ...over,
  });

let db: LiaisonDb;
let n = 0;
beforeEach(() => {
  db = new LiaisonDb(`teach-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

describe('every stored profile can be deleted (issue 12)', () => {
  it('Delete removes a profile also from a row under another key, and from nothing else', async () => {
    const a = profile();
    const b = profile({ id: 'other', hostPatterns: ['other.example.org'] });
    await saveProfiles(db, [b]);
    await db.profiles.put({ key: 'restored-under-old-key', value: a, updatedAt: 1 });
    expect((await listProfiles(db)).map((p) => p.id).sort()).toEqual(['other', a.id]);
    await deleteProfile(db, a.id);
    expect((await listProfiles(db)).map((p) => p.id)).toEqual(['other']);
    expect(await db.profiles.count()).toBe(1);
  });

  it('rows that no longer parse are listed as damaged and can be deleted', async () => {
    await saveProfiles(db, [profile()]);
    await db.profiles.put({ key: 'broken', value: { id: 'broken', pages: 'x' }, updatedAt: 1 });
    expect(await damagedProfileKeys(db)).toEqual(['broken']);
    await deleteProfileRows(db, await damagedProfileKeys(db));
    expect(await damagedProfileKeys(db)).toEqual([]);
    expect(await listProfiles(db)).toHaveLength(1);
  });
});

describe('profile export and import', () => {
  it('round-trips: what is exported imports as the same profiles', async () => {
    const a = profile();
    const b = profile({ id: 'district-aeries', label: 'Aeries', hostPatterns: ['*.aeries.net'], verified: false });
    await saveProfiles(db, [a, b]);
    const file = exportProfiles(await listProfiles(db));
    await db.profiles.clear();
    const plan = planImport(file, []);
    expect(plan.errors).toEqual([]);
    expect(plan.items.map((i) => i.replaces)).toEqual([false, false]);
    await saveProfiles(
      db,
      plan.items.map((i) => i.profile),
    );
    expect((await listProfiles(db)).sort((x, y) => x.id.localeCompare(y.id))).toEqual([b, a]);
  });

  it('says what it will replace, and accepts a bare array or a single profile (as policy lists them)', () => {
    expect(planImport(JSON.stringify([profile()]), ['taught-sis-example-org']).items[0]!.replaces).toBe(true);
    expect(planImport(JSON.stringify(profile()), []).items).toHaveLength(1);
  });

  it('skips what does not validate, naming where, never the content, and keeps the rest', () => {
    const bad = { ...profile(), id: 'Not An Id', label: '<img src=x onerror=alert(1)>' };
    const plan = planImport(
      JSON.stringify({ format: 'liaison-site-profiles', profiles: [bad, profile(), profile()] }),
      [],
    );
    expect(plan.items).toHaveLength(1);
    expect(plan.errors).toEqual([
      'Profile 1 is not a valid site profile (id).',
      'Profile 3 repeats the id taught-sis-example-org.',
    ]);
    expect(planImport('{nope', []).errors).toEqual(['The file is not JSON.']);
    expect(planImport('{"pages": "x"}', []).items).toEqual([]);
  });

  it('rejects a URL pattern that is not a valid glob (a regular expression)', () => {
    const plan = planImport(
      JSON.stringify([{ ...profile(), pages: [{ type: 'student', urlPatterns: ['^(a+)+$'] }] }]),
      [],
    );
    expect(plan.items).toEqual([]);
    expect(plan.errors).toEqual([
      'Profile 1 is not a valid site profile (pages.0.urlPatterns.0). URL patterns are globs like /students/* or /student.aspx?id=*, not regular expressions.',
    ]);
  });
});

describe('profile messages (content script → worker)', () => {
  const sender = { tabId: 3, url: 'https://sis.example.org/pupil?sid=1' };
  const ctx = (over: Partial<HandlerContext> = {}): HandlerContext => ({
    db,
    asOf: () => '2026-11-22',
    enabledSites: async () => ['https://sis.example.org/*', 'https://other.example.org/*'],
    ...over,
  });

  it('profiles/get gives the site’s own profiles, then the policy’s that parse, and the disabled adapters', async () => {
    await saveProfiles(db, [profile(), profile({ id: 'elsewhere', hostPatterns: ['other.example.org'] })]);
    const policy = {
      siteProfiles: [
        profile({ id: 'district', label: 'District' }),
        { id: 'broken' },
        profile({ id: 'taught-sis-example-org', label: 'shadowed' }),
      ],
      disabledAdapters: ['aeries'],
    };
    const reply = await handleContentMessage(ctx({ policy: async () => policy }), { type: 'profiles/get' }, sender);
    expect(reply).toMatchObject({ ok: true, disabledAdapters: ['aeries'] });
    expect('profiles' in reply && reply.profiles.map((p) => `${p.id}:${p.label}`)).toEqual([
      'taught-sis-example-org:Taught: sis.example.org',
      'district:District',
    ]);
  });

  it('profiles/get without a policy (or with one that fails to read) still answers', async () => {
    const failing = { get: () => Promise.reject(new Error('managed storage unavailable')) };
    expect(await readManagedPolicy(failing)).toEqual({});
    expect(await readManagedPolicy(undefined)).toEqual({});
    expect(
      await readManagedPolicy({ get: async () => ({ siteProfiles: 'nope', disabledAdapters: ['seis'] }) }),
    ).toEqual({ disabledAdapters: ['seis'] });
    expect(await handleContentMessage(ctx(), { type: 'profiles/get' }, sender)).toEqual({
      ok: true,
      profiles: [],
      disabledAdapters: [],
    });
  });

  it('profiles/save stores a valid profile, kept to the sender’s host, and tells the tab', async () => {
    const profilesChanged = vi.fn();
    const reply = await handleContentMessage(
      ctx({ profilesChanged }),
      { type: 'profiles/save', profile: { ...profile(), hostPatterns: ['*'] } },
      sender,
    );
    expect(reply).toEqual({ ok: true });
    expect(profilesChanged).toHaveBeenCalledWith(3);
    expect((await listProfiles(db))[0]!.hostPatterns).toEqual(['sis.example.org']);
  });

  it('malformed profile messages are rejected and nothing is written', async () => {
    const profilesChanged = vi.fn();
    for (const bad of [
      { type: 'profiles/save', profile: { id: 'x' } },
      { type: 'profiles/save', profile: { ...profile(), pages: [] } },
      { type: 'profiles/save', profile: { ...profile(), pages: [{ type: 'student', urlPatterns: ['[('] }] } },
      { type: 'profiles/save', profile: 'not an object' },
    ]) {
      const reply = await handleContentMessage(ctx({ profilesChanged }), bad, sender);
      if (bad.type === 'profiles/save') expect(reply.ok).toBe(false);
    }
    expect(await db.profiles.count()).toBe(0);
    expect(profilesChanged).not.toHaveBeenCalled();
  });

  it('a page cannot overwrite another site’s profile by reusing its id', async () => {
    await saveProfiles(db, [profile({ hostPatterns: ['other.example.org'] })]);
    const reply = await handleContentMessage(ctx(), { type: 'profiles/save', profile: profile() }, sender);
    expect(reply).toEqual({ ok: false, error: 'a profile with this id belongs to another site' });
    expect((await listProfiles(db))[0]!.hostPatterns).toEqual(['other.example.org']);
  });

  it('teach/start injects teach mode into the sender’s tab and frame', async () => {
    const startTeach = vi.fn(async () => undefined);
    expect(await handleContentMessage(ctx({ startTeach }), { type: 'teach/start' }, sender)).toEqual({ ok: true });
    expect(startTeach).toHaveBeenCalledWith(3, 0);
    expect(await handleContentMessage(ctx({ startTeach }), { type: 'teach/start' }, { ...sender, frameId: 5 })).toEqual(
      { ok: true },
    );
    expect(startTeach).toHaveBeenLastCalledWith(3, 5);
    expect((await handleContentMessage(ctx(), { type: 'teach/start' }, sender)).ok).toBe(false);
  });
});

describe('policy profiles', () => {
  it('keeps the deployable profiles that parse and drops the rest', () => {
    expect(policyProfiles({ siteProfiles: [profile(), { id: 'x' }, null, 'text'] }).map((p) => p.id)).toEqual([
      'taught-sis-example-org',
    ]);
    expect(policyProfiles({})).toEqual([]);
  });

  it('applies only on the hosts they name', async () => {
    const policy = { siteProfiles: [profile({ id: 'aeries-district', hostPatterns: ['*.aeries.net'] })] };
    expect((await profilesForHost(db, 'district.aeries.net', policy)).profiles).toHaveLength(1);
    expect((await profilesForHost(db, 'sis.example.org', policy)).profiles).toHaveLength(0);
  });
});
