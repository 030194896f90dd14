import type { Load } from '../../lib/district/types';
import { isOverCap } from '../../lib/district/aggregate';
import { shorten } from '../../lib/domain/sentences';

const ROW = 22;
const LABEL_W = 190;
const BAR_W = 360;

/**
 * Caseloads as horizontal bars, each against its own cap line (caps differ by position), with the same data
 * as a table right after it: the SVG is one image to assistive technology, the table is what it reads.
 */
export function CaseloadChart({ id, title, loads }: { id: string; title: string; loads: Load[] }) {
  if (!loads.length) return <p>No {title.toLowerCase()} known yet.</p>;
  const scale = Math.max(1, ...loads.map((l) => Math.max(l.count, l.cap ?? 0)));
  const x = (n: number) => LABEL_W + (n / scale) * BAR_W;
  const over = loads.filter(isOverCap).length;
  return (
    <figure class="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>
        {title}: {loads.length} shown, {over} over their cap
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        width={LABEL_W + BAR_W + 70}
        height={loads.length * ROW + 8}
        viewBox={`0 0 ${LABEL_W + BAR_W + 70} ${loads.length * ROW + 8}`}
        data-chart={id}
      >
        <title id={`${id}-title`}>{title}, bars against each person's cap; the table below has the same numbers</title>
        {loads.map((l, i) => {
          const y = i * ROW + 4;
          const bad = isOverCap(l);
          return (
            <g
              key={l.key}
              class={`bar${bad ? ' over' : ''}`}
              data-staff={l.staffId}
              data-count={l.count}
              data-cap={l.cap ?? ''}
            >
              <text x={LABEL_W - 6} y={y + 14} text-anchor="end" font-size="12">
                {shorten(l.name, 26)}
              </text>
              <rect
                x={LABEL_W}
                y={y + 3}
                width={Math.max(1, x(l.count) - LABEL_W)}
                height={ROW - 8}
                fill={bad ? '#b3261e' : '#1f5fa8'}
              />
              {l.cap !== null && (
                <line
                  class="cap"
                  x1={x(l.cap)}
                  x2={x(l.cap)}
                  y1={y}
                  y2={y + ROW - 2}
                  stroke="#1b1b1b"
                  stroke-width="2"
                  stroke-dasharray="3 2"
                />
              )}
              <text x={x(Math.max(l.count, l.cap ?? 0)) + 6} y={y + 14} font-size="12">
                {l.count}
                {l.cap !== null ? ` / ${l.cap}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="data" data-table={id}>
        <caption class="visually-hidden">{title} as a table</caption>
        <thead>
          <tr>
            <th scope="col">Staff</th>
            <th scope="col">Position</th>
            <th scope="col">Students</th>
            <th scope="col">Cap</th>
            <th scope="col">Over cap</th>
          </tr>
        </thead>
        <tbody>
          {loads.map((l) => (
            <tr key={l.key} data-staff={l.staffId}>
              <th scope="row">
                {l.name} <span class="muted">({l.staffId})</span>
              </th>
              <td>{l.position}</td>
              <td>{l.count}</td>
              <td>{l.cap === null ? 'none known' : `${l.cap} (${l.capSource})`}</td>
              <td>{isOverCap(l) ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
