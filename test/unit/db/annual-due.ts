import type { LiaisonDb } from '../../../lib/db/database';
import { handleContentMessage, type HandlerContext } from '../../../lib/messaging/handler';
import { readPolicy } from '../../../lib/policy/schema';

/**
 * A student page read by the worker, for the tests of where its compliance settings come from: student 5's annual
 * IEP is due 2027-01-21, and today is 2026-11-22 (60 days ahead). Returns that student's answer.
 */
export async function annualDueAnswer(
  db: LiaisonDb,
  opts: { policy?: unknown; settings?: HandlerContext['settings'] } = {},
) {
  const site = 'https://sis.example.org';
  const sender = { tabId: 3, url: `${site}/students/5` };
  const msg = {
    type: 'page/snapshot',
    snapshot: {
      url: sender.url,
      profile: 'test',
      pageType: 'student',
      students: [{ id: '5', name: 'Ana Lopez', iep: { nextAnnual: '2027-01-21' } }],
      staff: [],
      diagnostics: [],
    },
  };
  const r = await handleContentMessage(
    {
      db,
      asOf: () => '2026-11-22',
      enabledSites: async () => [`${site}/*`],
      ...(opts.settings ? { settings: opts.settings } : {}),
      ...(opts.policy ? { policy: async () => readPolicy(opts.policy).policy } : {}),
    },
    msg,
    sender,
  );
  if (!('subjects' in r)) throw new Error('no subjects');
  return r.subjects.find((s) => s.id === '5')!;
}
