import type { SiteAdapter } from '../types';
import { detectRosario } from './detect';
import { PROFILE_ID, readRosario } from './extract';
import { SELECTORS } from './selectors';

/** RosarioSIS 11.x (verified against pages captured from an unmodified 11.8.6 install). */
export const rosarioSisAdapter: SiteAdapter = {
  id: PROFILE_ID,
  label: 'RosarioSIS',
  verified: true,
  liveRoot: SELECTORS.liveRoot.selector,
  detect(url, doc) {
    try {
      return detectRosario(url, doc);
    } catch {
      return null;
    }
  },
  read: readRosario,
};

export { ROSARIO_URLS, detectRosario, isRosarioUrl } from './detect';
export { SELECTORS as ROSARIO_SELECTORS } from './selectors';
