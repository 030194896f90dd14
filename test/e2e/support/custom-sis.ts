/**
 * A small SIS-like site no built-in adapter recognizes: pupil pages at `/pupil?sid=<id>&tab=sped`, with labels
 * in cells that are neither headers nor "Label:" text, and a URL parameter no id list knows. Teach mode is
 * tested on it. The project's own markup, written for these tests.
 */
import { listenLoopback } from './loopback';
import { createServer } from 'node:http';

export interface Pupil {
  id: string;
  name: string;
  exceptionality: string;
  supports: string[];
  carrier: string;
  nextPlan: string;
}

export const PUPILS: Pupil[] = [
  {
    id: 'P-4411',
    name: 'Jamie Ortiz',
    exceptionality: '320 - Autism',
    supports: ['330 - Specialized Academic Instruction'],
    carrier: 'Priya Patel',
    nextPlan: '03/01/2027',
  },
  {
    id: 'P-5120',
    name: 'Robin Lee',
    exceptionality: '240 - Speech or Language Impairment',
    supports: ['415 - Language and Speech'],
    carrier: 'Maria Gonzalez',
    nextPlan: '10/15/2027',
  },
];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function pupilPage(p: Pupil): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pupil record</title>
<style>body { margin: 0; font-family: sans-serif; } main { width: 560px; padding: 16px; } td { padding: 4px 8px; }</style></head>
<body><nav class="top"><a href="/">Home</a></nav><main>
<h1 class="pupil-name">${esc(p.name)}</h1>
<div class="card"><span class="k">Pupil no.</span> <b class="v" data-key="pupil-no">${esc(p.id)}</b></div>
<table class="facts">
  <tr><td class="k">Exceptionality</td><td class="v">${esc(p.exceptionality)}</td></tr>
  <tr><td class="k">Supports</td><td class="v">${p.supports.map((s) => `<span class="svc">${esc(s)}</span>`).join('<br>')}</td></tr>
  <tr><td class="k">Next plan date</td><td class="v plan-date">${esc(p.nextPlan)}</td></tr>
</table>
<dl class="team"><dt>Case Carrier</dt><dd>${esc(p.carrier)}</dd></dl>
</main></body></html>`;
}

/** The caseload list: one row per pupil, the id in its own column (the name links to a URL no id list knows). */
export function pupilList(pupils: Pupil[] = PUPILS): string {
  const rows = pupils
    .map(
      (p) =>
        `<tr><td>${esc(p.id)}</td><td><a href="/pupil?sid=${encodeURIComponent(p.id)}&amp;tab=sped">${esc(p.name)}</a></td><td>${esc(p.exceptionality)}</td><td>${esc(p.carrier)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pupils</title>
<style>body { margin: 0; font-family: sans-serif; } main { width: 560px; padding: 16px; } td, th { padding: 4px 8px; }</style></head>
<body><main><h1>My pupils</h1><table class="roster"><thead><tr><th>Pupil no.</th><th>Pupil</th><th>Exceptionality</th><th>Carrier</th></tr></thead>
<tbody>${rows}</tbody></table></main></body></html>`;
}

export async function startCustomSis(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pupil = url.pathname === '/pupil' ? PUPILS.find((p) => p.id === url.searchParams.get('sid')) : undefined;
    if (url.pathname === '/pupils') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(pupilList());
    } else if (url.pathname === '/') {
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Home</title><p>Pupils</p>');
    } else if (pupil) {
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(pupilPage(pupil));
    } else res.writeHead(404).end();
  });
  return listenLoopback(server);
}
