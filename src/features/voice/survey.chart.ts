/**
 * A horizontal bar chart as server-rendered SVG: no script, readable by screen readers through
 * its title and description, and always shown beside a table of the same figures (the table is
 * the accessible source; the chart is for sighted readers at a glance).
 */
export interface Bar {
  label: string;
  /** 0–100, or null when not shown (suppressed): drawn as no bar, labelled "not shown". */
  percent: number | null;
  /** What to print at the end of the bar, e.g. "42% (21)". */
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const WIDTH = 640;
const LABEL_WIDTH = 250;
const BAR_AREA = 300;
const ROW = 32;
const BAR = 20;

/** Long labels are cut for the drawing only; the table beside it has them in full. */
function shorten(label: string, max = 38): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

// Colours as presentation attributes, not style: the CSP allows no inline styles.
export function barChartSvg(id: string, title: string, bars: readonly Bar[]): string {
  const height = bars.length * ROW + 8;
  const desc = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  const rows = bars
    .map((b, i) => {
      const y = 4 + i * ROW;
      const w = b.percent === null ? 0 : Math.max(0, Math.min(100, b.percent)) * (BAR_AREA / 100);
      return [
        `<text x="${LABEL_WIDTH - 8}" y="${y + BAR / 2 + 5}" text-anchor="end" fill="#0b0c0c">${escapeXml(shorten(b.label))}</text>`,
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="#1d70b8"></rect>`,
        `<text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + BAR / 2 + 5}" fill="#0b0c0c">${escapeXml(b.text)}</text>`,
      ].join('');
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" ` +
    `aria-labelledby="${id}-title ${id}-desc" focusable="false" font-family="arial, sans-serif" font-size="16">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>` +
    `<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="#505a5f" stroke-width="1"></line>${rows}</svg>`
  );
}
