/**
 * A p-chart (statistical process control for a proportion): the weekly rate, the centre line
 * from a baseline period, and upper and lower control limits that widen when a week counts
 * fewer children. Points a run rule flagged are drawn as large red triangles (shape as well as
 * colour) and named in the description. The early-warning signals page reuses this chart.
 */
import { formatTick } from '../format.js';
import { esc, linear, marker, niceTicks, r2, STYLES, svgOpen } from './svg.js';

export interface PChartPoint {
  label: string;
  /** The proportion, 0 to 1; null when the week counted nobody. */
  p: number | null;
  /** How many were counted (the denominator). */
  n: number;
  /** Control limits for this point, 0 to 1; computed from the centre and n when absent. */
  ucl?: number;
  lcl?: number;
  flagged?: boolean;
  /** Why it was flagged, e.g. "1 point beyond 3 sigma". */
  reason?: string;
}

export interface PChartInput {
  id: string;
  title: string;
  /** The centre line, 0 to 1 (the baseline's proportion). */
  centre: number;
  points: PChartPoint[];
  /** How many standard errors the limits sit from the centre; 3 by convention. */
  sigma?: number;
  /** What a point measures, for the legend: "Share of sessions missed". */
  measure?: string;
  width?: number;
  height?: number;
}

/** The limits of a p-chart for one point: centre ± sigma·√(p(1−p)/n), held within 0 and 1. */
export function pLimits(centre: number, n: number, sigma = 3): { lcl: number; ucl: number } {
  if (n <= 0) return { lcl: 0, ucl: 1 };
  const se = Math.sqrt((centre * (1 - centre)) / n);
  return { lcl: Math.max(0, centre - sigma * se), ucl: Math.min(1, centre + sigma * se) };
}

const pct = (p: number) => `${(p * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`;

export function describePChart(input: PChartInput): string {
  const shown = input.points.filter((p) => p.p !== null);
  const flagged = input.points.filter((p) => p.flagged && p.p !== null);
  const parts = [
    `${shown.length} ${shown.length === 1 ? 'period' : 'periods'} from ${input.points[0]?.label ?? 'none'} to ${input.points.at(-1)?.label ?? 'none'}.`,
    `Centre line ${pct(input.centre)}.`,
  ];
  if (flagged.length) {
    parts.push(`Flagged: ${flagged.map((p) => `${p.label} at ${pct(p.p!)}${p.reason ? ` (${p.reason})` : ''}`).join('; ')}.`);
  } else parts.push('No point is flagged: the variation is within what chance alone would give.');
  parts.push('The figures are in the table with this chart.');
  return parts.join(' ');
}

export function pChart(input: PChartInput): string {
  const sigma = input.sigma ?? 3;
  const width = input.width ?? 640;
  const plotHeight = (input.height ?? 320) - 24 - 44;
  const legendRows = 2;
  const height = 24 + plotHeight + 44 + legendRows * 22 + 8;
  const x0 = 72;
  const x1 = width - 24;
  const y0 = 24 + plotHeight;
  const pts = input.points.map((p) => {
    const lim = p.ucl !== undefined && p.lcl !== undefined ? { ucl: p.ucl, lcl: p.lcl } : pLimits(input.centre, p.n, sigma);
    return { ...p, ...lim };
  });
  const all = [input.centre, ...pts.flatMap((p) => [p.ucl, p.lcl, ...(p.p === null ? [] : [p.p])])];
  const ticks = niceTicks(Math.max(0, Math.min(...all)), Math.min(1, Math.max(...all)), 5).filter((t) => t >= 0 && t <= 1);
  const y = linear(ticks[0]!, ticks.at(-1)!, y0, 24);
  const n = pts.length;
  const step = n <= 1 ? 0 : (x1 - x0 - 16) / (n - 1);
  const xAt = (i: number) => (n <= 1 ? r2((x0 + x1) / 2) : r2(x0 + 8 + i * step));
  const half = n <= 1 ? 20 : step / 2;

  const out: string[] = [svgOpen(input.id, width, height, input.title, describePChart(input)), '<g aria-hidden="true">'];
  for (const t of ticks) {
    out.push(`<line x1="${x0}" x2="${x1}" y1="${y(t)}" y2="${y(t)}" stroke="#b1b4b6" stroke-width="1"/>`);
    out.push(`<text x="${x0 - 8}" y="${r2(y(t) + 4)}" text-anchor="end" font-size="13" fill="#0b0c0c">${esc(formatTick(r2(t * 100), 'percent'))}</text>`);
  }
  out.push(`<line x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}" stroke="#0b0c0c" stroke-width="1"/>`);
  const every = Math.max(1, Math.ceil(n / 8));
  pts.forEach((p, i) => {
    if (i === n - 1 || (i % every === 0 && n - 1 - i >= every)) out.push(`<text x="${xAt(i)}" y="${y0 + 20}" text-anchor="middle" font-size="13" fill="#0b0c0c">${esc(p.label)}</text>`);
  });
  // Control limits as steps: each point's limit holds across its own slot.
  const steps = (key: 'ucl' | 'lcl') =>
    pts.map((p, i) => `${i ? 'L' : 'M'}${r2(Math.max(x0, xAt(i) - half))} ${y(p[key])}L${r2(Math.min(x1, xAt(i) + half))} ${y(p[key])}`).join('');
  if (n) {
    out.push(`<path class="app-chart__limit" d="${steps('ucl')}" fill="none" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="6 4"/>`);
    out.push(`<path class="app-chart__limit" d="${steps('lcl')}" fill="none" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  }
  out.push(`<line class="app-chart__centre" x1="${x0}" x2="${x1}" y1="${y(input.centre)}" y2="${y(input.centre)}" stroke="#0b0c0c" stroke-width="2"/>`);
  // The rate, broken where a week counted nobody.
  let d = '';
  let pen = false;
  pts.forEach((p, i) => {
    if (p.p === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${xAt(i)} ${y(p.p)}`;
    pen = true;
  });
  if (d) out.push(`<path d="${d}" fill="none" stroke="${STYLES.area.colour}" stroke-width="2"/>`);
  pts.forEach((p, i) => {
    if (p.p === null) return;
    out.push(
      p.flagged
        ? `<g class="app-chart__flag">${marker('triangle', xAt(i), y(p.p), STYLES.flagged.colour, 7)}</g>`
        : marker('circle', xAt(i), y(p.p), STYLES.area.colour, 3.5),
    );
  });
  const ly = y0 + 44;
  const col = (width - 16) / 2;
  const legend: [number, number, string][] = [
    [8, ly, `<line x1="8" x2="44" y1="${ly}" y2="${ly}" stroke="${STYLES.area.colour}" stroke-width="2"/>${marker('circle', 26, ly, STYLES.area.colour, 3.5)}`],
    [8 + col, ly, `<line x1="${8 + col}" x2="${44 + col}" y1="${ly}" y2="${ly}" stroke="#0b0c0c" stroke-width="2"/>`],
    [8, ly + 22, `<line x1="8" x2="44" y1="${ly + 22}" y2="${ly + 22}" stroke="#505a5f" stroke-width="1.5" stroke-dasharray="6 4"/>`],
    [8 + col, ly + 22, marker('triangle', 26 + col, ly + 22, STYLES.flagged.colour, 7)],
  ];
  const labels = [input.measure ?? 'Rate', `Centre line: ${pct(input.centre)}`, `Control limits (${sigma} sigma)`, 'Flagged by a run rule'];
  legend.forEach(([lx, lyy, sample], k) => {
    out.push(sample);
    out.push(`<text x="${lx + 44}" y="${lyy + 5}" font-size="14" fill="#0b0c0c">${esc(labels[k]!)}</text>`);
  });
  out.push('</g></svg>');
  return out.join('');
}
