import { describe, expect, it, vi } from 'vitest';
import { injectTeach, TEACH_SCRIPT_FILE } from '../../../lib/teach/inject';

describe('injectTeach', () => {
  it('loads teach mode into the frame that shows the page (an SIS in a frame), the top document by default', async () => {
    const executeScript = vi.fn(async () => undefined);
    await injectTeach({ executeScript }, 4);
    await injectTeach({ executeScript }, 4, 7);
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 4 }, files: [TEACH_SCRIPT_FILE] }],
      [{ target: { tabId: 4, frameIds: [7] }, files: [TEACH_SCRIPT_FILE] }],
    ]);
  });
});
