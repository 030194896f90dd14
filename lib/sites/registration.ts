import { isSitePattern } from './patterns';

/** The part of `browser.scripting` this needs; injected so the logic is tested without a browser. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: {
    ids?: string[];
  }): Promise<{ id: string; matches?: string[]; allFrames?: boolean }[]>;
  registerContentScripts(
    scripts: {
      id: string;
      js: string[];
      matches: string[];
      allFrames: boolean;
      runAt: 'document_idle';
      persistAcrossSessions?: boolean;
    }[],
  ): Promise<unknown>;
  updateContentScripts(scripts: { id: string; matches: string[]; allFrames: boolean }[]): Promise<unknown>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
}

export const SIS_SCRIPT_ID = 'liaison-sis';
export const SIS_SCRIPT_FILE = 'content-scripts/sis.js';

/**
 * Makes the registered content script run on exactly the enabled sites: the sites whose host permission the user
 * granted. Called at start-up and whenever permissions change, so the browser's grants are the one source of truth.
 *
 * In every frame of those sites too (`allFrames`): some SIS show each page in a frame of their own (openSIS). The
 * matches still decide per frame, so a frame of a site not enabled gets no script. A registration kept from an
 * earlier version (persisted, top frame only) is updated in place.
 */
export async function syncSiteScripts(api: ScriptingApi, grantedOrigins: string[]): Promise<string[]> {
  const matches = [...new Set(grantedOrigins.filter(isSitePattern))].sort();
  const [current] = await api.getRegisteredContentScripts({ ids: [SIS_SCRIPT_ID] });
  if (!matches.length) {
    if (current) await api.unregisterContentScripts({ ids: [SIS_SCRIPT_ID] });
  } else if (!current) {
    await api.registerContentScripts([
      {
        id: SIS_SCRIPT_ID,
        js: [SIS_SCRIPT_FILE],
        matches,
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if ([...(current.matches ?? [])].sort().join() !== matches.join() || current.allFrames !== true) {
    await api.updateContentScripts([{ id: SIS_SCRIPT_ID, matches, allFrames: true }]);
  }
  return matches;
}
