/**
 * A horizontal bar chart for a breakdown (by locality, school, cohort…): one bar per group with
 * its figure written at the end, so no one has to read a bar's length against an axis. Long
 * names wrap. A suppressed group gets words instead of a bar. An optional reference line (the
 * whole area's figure, say) is dashed and labelled in the legend.
 */
import { formatTick, formatValue, type Unit } from '../format.js';
import { esc, linear, niceTicks, r2, STYLES, svgOpen, wrap } from './svg.js';

export interface BarItem {
  label: string;
  value: number | null;
  suppressed?: boolean;
}

export interface BarChartInput {
  id: string;
  title: string;
  items: BarItem[];
  unit: Unit;
  reference?: { value: number; label: string } | null;
  width?: number;
}

const LABEL_WIDTH = 160;
const ROW = 34;
const TOP = 16;
const BOTTOM = 34;

export function describeBars(input: BarChartInput): string {
  if (!input.items.length) return 'No groups to show.';
  const parts = input.items.map((i) => `${i.label}: ${formatValue(i.value, input.unit, { suppressed: i.suppressed ?? false })}.`);
  if (input.reference) parts.push(`${input.reference.label}: ${formatValue(input.reference.value, input.unit)}.`);
  return parts.join(' ');
}

export function barChart(input: BarChartInput): string {
  // Narrower than the trend chart: it sits in half a column, and its text should stay readable.
  const width = input.width ?? 480;
  const x0 = LABEL_WIDTH;
  const x1 = width - 70; // room for the figure written after the longest bar
  const rows = Math.max(1, input.items.length);
  const legend = input.reference ? 24 : 0;
  const height = TOP + rows * ROW + BOTTOM + legend;
  const shown = input.items.filter((i) => !i.suppressed && i.value !== null && Number.isFinite(i.value)).map((i) => i.value as number);
  if (input.reference) shown.push(input.reference.value);
  const lo = Math.min(0, ...shown);
  const hi = Math.max(0, ...shown);
  const ticks = niceTicks(lo, hi === lo ? lo + 1 : hi, 4);
  const x = linear(ticks[0]!, ticks.at(-1)!, x0, x1);
  const base = x(0);
  const bottom = TOP + rows * ROW;

  const out: string[] = [svgOpen(input.id, width, height, input.title, describeBars(input)), '<g aria-hidden="true">'];
  for (const t of ticks) {
    out.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${TOP}" y2="${bottom}" stroke="#b1b4b6" stroke-width="1"/>`);
    out.push(`<text x="${x(t)}" y="${bottom + 18}" text-anchor="middle" font-size="13" fill="#0b0c0c">${esc(formatTick(t, input.unit))}</text>`);
  }
  if (input.reference) {
    const st = STYLES.england;
    out.push(`<line class="app-chart__reference" x1="${x(input.reference.value)}" x2="${x(input.reference.value)}" y1="${TOP - 6}" y2="${bottom}" stroke="${st.colour}" stroke-width="2" stroke-dasharray="${st.dash}"/>`);
  }
  input.items.forEach((item, k) => {
    const top = TOP + k * ROW;
    const mid = top + ROW / 2;
    const lines = wrap(item.label, 20);
    lines.forEach((line, j) => {
      const dy = (j - (lines.length - 1) / 2) * 15 + 5;
      out.push(`<text x="${x0 - 8}" y="${r2(mid + dy)}" text-anchor="end" font-size="13" fill="#0b0c0c">${esc(line)}</text>`);
    });
    if (item.suppressed || item.value === null || !Number.isFinite(item.value)) {
      out.push(`<text x="${base + 6}" y="${r2(mid + 5)}" font-size="13" font-style="italic" fill="#0b0c0c" stroke="#ffffff" stroke-width="4" paint-order="stroke">${esc(formatValue(item.value, input.unit, { suppressed: item.suppressed ?? false }))}</text>`);
      return;
    }
    const end = x(item.value);
    const left = Math.min(base, end);
    out.push(`<rect x="${left}" y="${r2(top + 6)}" width="${r2(Math.max(1, Math.abs(end - base)))}" height="${ROW - 12}" fill="${STYLES.area.colour}"/>`);
    out.push(`<text x="${r2(Math.max(base, end) + 6)}" y="${r2(mid + 5)}" font-size="13" fill="#0b0c0c" stroke="#ffffff" stroke-width="4" paint-order="stroke">${esc(formatValue(item.value, input.unit))}</text>`);
  });
  out.push(`<line x1="${base}" x2="${base}" y1="${TOP}" y2="${bottom}" stroke="#0b0c0c" stroke-width="1"/>`);
  if (input.reference) {
    const st = STYLES.england;
    const ly = bottom + BOTTOM + 8;
    out.push(`<line x1="8" x2="44" y1="${ly}" y2="${ly}" stroke="${st.colour}" stroke-width="2" stroke-dasharray="${st.dash}"/>`);
    out.push(`<text x="52" y="${ly + 5}" font-size="14" fill="#0b0c0c">${esc(`${input.reference.label}: ${formatValue(input.reference.value, input.unit)}`)}</text>`);
  }
  out.push('</g></svg>');
  return out.join('');
}
