import type { SiteAdapter } from '../types';
import { detect } from './detect';
import { PROFILE, read } from './extract';
import { LIVE_ROOT } from './selectors';

/** The bundled demo SIS (demo-sis/serve.ts). Verified: its markup is ours and pinned by fixtures. */
export const demoSisAdapter: SiteAdapter = {
  id: PROFILE,
  label: 'Liaison Demo SIS',
  verified: true,
  detect,
  read,
  liveRoot: LIVE_ROOT,
};
