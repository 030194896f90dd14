import { TEST_BUILD } from './build';

/**
 * The stages of a page read the bench breaks the roster's time down by (bench/browser, issue 13): in the content
 * script, reading the page, placing the markers, waiting for the worker and showing its answer; in the worker,
 * handling the message, and within it storing (records, lookups, findings and page rows: the transaction) and
 * within that checking.
 */
export type Stage = 'read' | 'place' | 'wait' | 'show' | 'handle' | 'store' | 'check';

/** The prefix of every stage mark's label, for the bench to find them. */
export const STAGE_LABEL = 'liaison-stage';

/**
 * Marks a stage's start and returns what marks its end; nothing outside the test build, which the bench runs. No mark
 * carries page data. In a page (the content script) the marks are `console.timeStamp` trace events
 * ("liaison-stage:read:begin"): a DevTools trace records them and the page's own scripts cannot see them, where a
 * `performance` mark would be in the page's timeline. In the worker, which no page shares, they are `performance`
 * measures ("liaison-stage:store"), which the bench reads from the worker (a page's trace does not record it).
 */
export function beginStage(stage: Stage): () => void {
  if (!TEST_BUILD) return noop;
  if (typeof document === 'undefined') {
    const start = performance.now();
    return () => void performance.measure(`${STAGE_LABEL}:${stage}`, { start });
  }
  // Not every console has it (happy-dom's has not).
  console.timeStamp?.(`${STAGE_LABEL}:${stage}:begin`);
  return () => console.timeStamp?.(`${STAGE_LABEL}:${stage}:end`);
}

function noop(): void {}
