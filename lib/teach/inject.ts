/** The unlisted teach-mode script (entrypoints/teach.ts): loaded into a page only when the user teaches it. */
export const TEACH_SCRIPT_FILE = '/teach.js';

export interface ExecuteScriptApi {
  executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
}

/** Starts teach mode in a tab (from the worker for the page's chip, or from the side panel's buttons). */
export async function injectTeach(scripting: ExecuteScriptApi, tabId: number): Promise<void> {
  await scripting.executeScript({ target: { tabId }, files: [TEACH_SCRIPT_FILE] });
}
