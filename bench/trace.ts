/**
 * Main-thread work of one page from a Chromium trace (`devtools.timeline` task events of the page's renderer),
 * the source of truth for what people feel: the longtask observer reports nothing in headless runs here.
 * Tracing is started over the page's own DevTools session, so it records the processes that page uses.
 */
import type { CDPSession, Page } from '@playwright/test';
import { STAGE_LABEL } from '../lib/stage-timing';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds, on the trace's clock. */
  ts: number;
  dur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** A top-level main-thread task: start and duration in milliseconds, start relative to the first task seen. */
export interface Task {
  startMs: number;
  ms: number;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink.user_timing',
  '__metadata',
].join(',');

export interface Tracing {
  stop(): Promise<TraceEvent[]>;
}

export async function startTracing(page: Page): Promise<Tracing> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

/** The renderer process and main thread that committed a frame at `url` (the page, not the worker or the panel). */
export function pageMainThread(events: TraceEvent[], url: string): { pid: number; tid: number } | null {
  let pid: number | undefined;
  for (const e of events) {
    const data = e.args?.data as
      { frames?: { url?: string; processId?: number }[]; url?: string; processId?: number } | undefined;
    if (!data) continue;
    if (e.name === 'FrameCommittedInBrowser' && data.url?.startsWith(url) && data.processId) pid = data.processId;
    if (e.name === 'TracingStartedInBrowser')
      for (const f of data.frames ?? []) if (f.url?.startsWith(url) && f.processId) pid = f.processId;
  }
  if (pid === undefined) return null;
  const main = events.find(
    (e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  return main ? { pid, tid: main.tid } : null;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The thread's top-level tasks (nested task events are inside them and not counted twice), in order. */
export function mainThreadTasks(events: TraceEvent[], thread: { pid: number; tid: number }): (Task & { ts: number })[] {
  const raw = events
    .filter(
      (e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && TASK_NAMES.has(e.name) && (e.dur ?? 0) > 0,
    )
    .sort((a, b) => a.ts - b.ts);
  const top: (Task & { ts: number })[] = [];
  let end = -Infinity;
  for (const e of raw) {
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    top.push({ ts: e.ts, startMs: 0, ms: e.dur! / 1000 });
  }
  const t0 = top[0]?.ts ?? 0;
  for (const t of top) t.startMs = (t.ts - t0) / 1000;
  return top;
}

/** The trace time (microseconds) of the page's load event on that thread, if the trace saw it. */
export function loadTs(events: TraceEvent[], thread: { pid: number }): number | undefined {
  return events.find((e) => e.pid === thread.pid && e.name === 'MarkLoad')?.ts;
}

/**
 * Where a thread's time went, in milliseconds: Liaison's own script (tasks entering chrome-extension:// scripts),
 * promise continuations (whoever's: awaits in the content script run here), style and layout, paint, and garbage
 * collection, summed over the thread's events of those kinds.
 */
export function breakdown(events: TraceEvent[], thread: { pid: number; tid: number }): Record<string, number> {
  const out = { extensionScriptMs: 0, microtaskMs: 0, styleLayoutMs: 0, paintMs: 0, gcMs: 0 };
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid || e.ph !== 'X' || !e.dur) continue;
    const ms = e.dur / 1000;
    const url = (e.args?.data as { url?: string } | undefined)?.url ?? '';
    if ((e.name === 'FunctionCall' || e.name === 'EvaluateScript') && url.startsWith('chrome-extension://'))
      out.extensionScriptMs += ms;
    else if (e.name === 'RunMicrotasks' || e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint')
      out.microtaskMs += ms;
    else if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') out.styleLayoutMs += ms;
    else if (e.name === 'Paint' || e.name === 'PrePaint') out.paintMs += ms;
    else if (e.name === 'MajorGC' || e.name === 'MinorGC') out.gcMs += ms;
  }
  return out;
}

/** Main-thread task time summed, and the longest task, of tasks starting at or after `fromTs` (µs). */
export function taskStats(
  tasks: { ts: number; ms: number }[],
  fromTs = -Infinity,
): { busyMs: number; longestMs: number } {
  const after = tasks.filter((t) => t.ts >= fromTs);
  return { busyMs: after.reduce((n, t) => n + t.ms, 0), longestMs: Math.max(0, ...after.map((t) => t.ms)) };
}

/**
 * Time per stage of Liaison's page reads (lib/stage-timing), in milliseconds summed over the trace: each stage's
 * `begin` trace mark paired with its next `end`, in whichever process marked them (the content script in the page's
 * renderer, the worker in the extension's).
 */
export function stageTimes(events: TraceEvent[]): Record<string, number> {
  const open = new Map<string, number[]>();
  const out: Record<string, number> = {};
  const marks = events
    .filter((e) => e.name === 'TimeStamp')
    .map((e) => ({ ts: e.ts, key: `${e.pid}:${(e.args?.data as { message?: string } | undefined)?.message ?? ''}` }))
    .filter((m) => m.key.includes(`:${STAGE_LABEL}:`))
    .sort((a, b) => a.ts - b.ts);
  for (const { ts, key } of marks) {
    const [pid, , stage, edge] = key.split(':');
    const at = `${pid}:${stage}`;
    if (edge === 'begin') open.set(at, [...(open.get(at) ?? []), ts]);
    else {
      const started = open.get(at)?.shift();
      if (started !== undefined) out[stage!] = (out[stage!] ?? 0) + (ts - started) / 1000;
    }
  }
  return out;
}
