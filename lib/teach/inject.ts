/** The unlisted teach-mode script (entrypoints/teach.ts): loaded into a page only when the user teaches it. */
export const TEACH_SCRIPT_FILE = '/teach.js';

export interface ExecuteScriptApi {
  executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown>;
}

/**
 * Starts teach mode in a tab (from the worker for the page's chip, or from the side panel's buttons), in the frame
 * that shows the page (an SIS inside a frame, like openSIS, is taught there); the top document by default.
 */
export async function injectTeach(scripting: ExecuteScriptApi, tabId: number, frameId = 0): Promise<void> {
  await scripting.executeScript({
    target: frameId ? { tabId, frameIds: [frameId] } : { tabId },
    files: [TEACH_SCRIPT_FILE],
  });
}
