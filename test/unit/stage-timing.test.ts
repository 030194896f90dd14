// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { beginStage } from '../../lib/stage-timing';

/** happy-dom's console has no timeStamp: one to watch, put back after each test. */
function watchTimeStamp() {
  const stamp = vi.fn();
  vi.stubGlobal('console', { ...console, timeStamp: stamp });
  return stamp;
}

afterEach(() => {
  vi.unstubAllGlobals();
  performance.clearMeasures();
});

describe('stage timing for the bench (test build, as vitest runs)', () => {
  it('in a page: a begin and an end trace mark per stage, and nothing in the page’s performance timeline', () => {
    const stamp = watchTimeStamp();
    const end = beginStage('read');
    expect(stamp).toHaveBeenLastCalledWith('liaison-stage:read:begin');
    end();
    expect(stamp).toHaveBeenLastCalledWith('liaison-stage:read:end');
    expect(performance.getEntriesByType('measure')).toHaveLength(0);
  });

  it('in the worker (no document): one performance measure per stage, and no trace marks', () => {
    const stamp = watchTimeStamp();
    vi.stubGlobal('document', undefined);
    beginStage('store')();
    expect(performance.getEntriesByType('measure').map((m) => m.name)).toEqual(['liaison-stage:store']);
    expect(stamp).not.toHaveBeenCalled();
  });
});
