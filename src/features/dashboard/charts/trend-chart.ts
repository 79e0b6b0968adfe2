/**
 * A trend line chart: periods along the bottom, the figure up the side, the area's line beside
 * England's, the region's and comparators', and the target as a line across. A figure that is
 * suppressed (too few children) or missing leaves a gap in its line, never a guess, and the
 * period is marked with an asterisk and explained under the chart.
 */
import { formatTick, formatValue, type Unit } from '../format.js';
import { esc, linear, marker, niceTicks, r2, STYLES, svgOpen } from './svg.js';

export interface TrendPoint {
  value: number | null;
  suppressed?: boolean;
}

export interface TrendSeries {
  kind: 'area' | 'england' | 'region' | 'comparator';
  label: string;
  /** One point per period, in the order of the chart's periods. */
  points: TrendPoint[];
}

export interface TrendChartInput {
  /** Unique on the page; prefixes the ids of the title and description. */
  id: string;
  title: string;
  periods: { key: string; label: string }[];
  series: TrendSeries[];
  unit: Unit;
  target?: { value: number; label?: string } | null;
  width?: number;
  height?: number;
}

const M = { top: 24, right: 24, left: 72, bottom: 44 };
const LEGEND_ROW = 22;
const NOTE_ROW = 20;

/** Runs of consecutive visible points, so a gap breaks the line. */
export function segments(points: readonly TrendPoint[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  points.forEach((p, i) => {
    if (visible(p)) run.push(i);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

const visible = (p: TrendPoint | undefined): p is TrendPoint & { value: number } =>
  !!p && !p.suppressed && p.value !== null && Number.isFinite(p.value);

/** The chart's description for screen readers: each series from first to last figure, and the gaps. */
export function describeTrend(input: TrendChartInput): string {
  const parts: string[] = [];
  const first = input.periods[0]?.label;
  const last = input.periods.at(-1)?.label;
  parts.push(input.periods.length ? `Periods ${first} to ${last}.` : 'No periods.');
  for (const s of input.series) {
    const shown = s.points.map((p, i) => ({ p, i })).filter(({ p }) => visible(p));
    if (!shown.length) {
      parts.push(`${s.label}: no figures shown.`);
      continue;
    }
    const a = shown[0]!;
    const b = shown.at(-1)!;
    parts.push(
      a === b
        ? `${s.label}: ${formatValue(a.p.value, input.unit)} in ${input.periods[a.i]?.label}.`
        : `${s.label}: ${formatValue(a.p.value, input.unit)} in ${input.periods[a.i]?.label}, ${formatValue(b.p.value, input.unit)} in ${input.periods[b.i]?.label}.`,
    );
  }
  if (input.target) parts.push(`Target: ${formatValue(input.target.value, input.unit)}.`);
  const hidden = suppressedPeriods(input);
  if (hidden.length) parts.push(`Not shown, because fewer than 5 children were counted: ${hidden.join(', ')}.`);
  parts.push('The figures are in the table with this chart.');
  return parts.join(' ');
}

function suppressedPeriods(input: TrendChartInput): string[] {
  const area = input.series.find((s) => s.kind === 'area') ?? input.series[0];
  return area ? input.periods.filter((_, i) => area.points[i]?.suppressed).map((p) => p.label) : [];
}

export function trendChart(input: TrendChartInput): string {
  const width = input.width ?? 640;
  const legendRows = Math.ceil((input.series.length + (input.target ? 1 : 0)) / 2);
  const hidden = suppressedPeriods(input);
  const plotHeight = (input.height ?? 360) - M.top - M.bottom;
  const height = M.top + plotHeight + M.bottom + legendRows * LEGEND_ROW + (hidden.length ? NOTE_ROW : 0) + 8;
  const x0 = M.left;
  const x1 = width - M.right;
  const y0 = M.top + plotHeight;
  const y1 = M.top;

  const values = input.series.flatMap((s) => s.points.filter(visible).map((p) => p.value));
  if (input.target) values.push(input.target.value);
  let lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  // Start at zero when the figures are not far above it: a gentle slope should look gentle.
  if (lo >= 0 && lo < hi * 0.5) lo = 0;
  const ticks = niceTicks(lo, hi, 5);
  const yScale = linear(ticks[0]!, ticks.at(-1)!, y0, y1);
  const n = input.periods.length;
  const xAt = (i: number) => (n <= 1 ? r2((x0 + x1) / 2) : linear(0, n - 1, x0 + 16, x1 - 16)(i));

  const out: string[] = [svgOpen(input.id, width, height, input.title, describeTrend(input))];
  // Gridlines and the y axis.
  out.push('<g aria-hidden="true">');
  for (const t of ticks) {
    const y = yScale(t);
    out.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#b1b4b6" stroke-width="1"/>`);
    out.push(`<text x="${x0 - 8}" y="${r2(y + 4)}" text-anchor="end" font-size="13" fill="#0b0c0c">${esc(formatTick(t, input.unit))}</text>`);
  }
  out.push(`<line x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}" stroke="#0b0c0c" stroke-width="1"/>`);
  // Period labels; a thinned set when there are many.
  const every = Math.max(1, Math.ceil(n / 8));
  input.periods.forEach((p, i) => {
    if (i !== n - 1 && (i % every !== 0 || n - 1 - i < every)) return;
    const mark = hidden.includes(p.label) ? '*' : '';
    out.push(`<text x="${xAt(i)}" y="${y0 + 20}" text-anchor="middle" font-size="13" fill="#0b0c0c">${esc(p.label + mark)}</text>`);
  });
  // The target.
  if (input.target) {
    const y = yScale(input.target.value);
    const st = STYLES.target;
    out.push(`<line class="app-chart__target" x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="${st.colour}" stroke-width="${st.width}" stroke-dasharray="${st.dash}"/>`);
  }
  // Series: the area last, so it sits on top.
  const order = [...input.series].sort((a, b) => (a.kind === 'area' ? 1 : 0) - (b.kind === 'area' ? 1 : 0));
  for (const s of order) {
    const st = STYLES[s.kind];
    out.push(`<g class="app-chart__series app-chart__series--${s.kind}">`);
    for (const run of segments(s.points)) {
      if (run.length < 2) continue;
      const d = run.map((i, k) => `${k ? 'L' : 'M'}${xAt(i)} ${yScale((s.points[i] as { value: number }).value)}`).join('');
      out.push(`<path d="${d}" fill="none" stroke="${st.colour}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} stroke-linejoin="round"/>`);
    }
    s.points.forEach((p, i) => {
      if (visible(p)) out.push(marker(st.marker, xAt(i), yScale(p.value), st.colour));
    });
    out.push('</g>');
  }
  // The legend, two to a row: a sample of the line with its marker, then the name.
  const items = [
    ...input.series.map((s) => ({ label: s.label, style: STYLES[s.kind] })),
    ...(input.target ? [{ label: input.target.label ?? `Target: ${formatValue(input.target.value, input.unit)}`, style: STYLES.target }] : []),
  ];
  const legendTop = y0 + M.bottom;
  const colWidth = (x1 - x0 + M.left) / 2;
  items.forEach((item, k) => {
    const lx = 8 + (k % 2) * colWidth;
    const ly = legendTop + Math.floor(k / 2) * LEGEND_ROW;
    out.push(`<line x1="${lx}" x2="${lx + 36}" y1="${ly}" y2="${ly}" stroke="${item.style.colour}" stroke-width="${item.style.width}"${item.style.dash ? ` stroke-dasharray="${item.style.dash}"` : ''}/>`);
    out.push(marker(item.style.marker, lx + 18, ly, item.style.colour));
    out.push(`<text x="${lx + 44}" y="${ly + 5}" font-size="14" fill="#0b0c0c">${esc(item.label)}</text>`);
  });
  if (hidden.length) {
    out.push(`<text x="8" y="${legendTop + legendRows * LEGEND_ROW + 6}" font-size="13" fill="#0b0c0c">* Not shown for ${esc(hidden.join(', '))}: fewer than 5 children, so the line has a gap.</text>`);
  }
  out.push('</g></svg>');
  return out.join('');
}
