/**
 * The small pieces every chart shares: escaping, scales, ticks, and the palette. Charts are
 * strings of SVG made on the server, so they print, need no JavaScript, and obey the CSP
 * (presentation attributes only: no style attributes, no <style> element).
 */

/** Escapes text for SVG/XML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Coordinates to two decimals: short output, no visible rounding. */
export const r2 = (n: number) => Math.round(n * 100) / 100;

/** A linear scale from a domain to a range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r2(r0 + ((v - d0) / span) * (r1 - r0));
}

/**
 * "Nice" ticks covering [min, max]: steps of 1, 2 or 5 times a power of ten, about `count` of
 * them. The first tick is at or below min and the last at or above max.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  if (min > max) [min, max] = [max, min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let t = start; t < max + step * 0.999; t += step) ticks.push(Math.round(t / step) * step);
  // Floating point can leave 0.30000000000000004: round to the step's precision.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return ticks.map((t) => Number(t.toFixed(digits)));
}

/**
 * Series styles. Each differs from the others by line pattern and marker shape as well as
 * colour (WCAG 1.4.1), and each colour has at least 3:1 contrast with white (WCAG 1.4.11).
 * Colours are GOV.UK's: blue 4.9:1, black 19:1, purple 10:1, dark grey 7:1, green 6:1, red 4.5:1.
 */
export const STYLES = {
  area: { colour: '#1d70b8', dash: '', marker: 'circle', width: 3 },
  england: { colour: '#0b0c0c', dash: '8 4', marker: 'square', width: 2 },
  region: { colour: '#4c2c92', dash: '2 3', marker: 'triangle', width: 2 },
  comparator: { colour: '#505a5f', dash: '10 3 2 3', marker: 'diamond', width: 2 },
  target: { colour: '#00703c', dash: '14 6', marker: 'none', width: 2 },
  flagged: { colour: '#d4351c', dash: '', marker: 'triangle', width: 2 },
} as const;

export type SeriesKind = keyof typeof STYLES;
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'none';

/** A marker shape centred on (x, y); filled, with a white edge so overlapping markers stay distinct. */
export function marker(shape: Marker, x: number, y: number, colour: string, size = 4.5): string {
  const s = size;
  switch (shape) {
    case 'circle':
      return `<circle cx="${r2(x)}" cy="${r2(y)}" r="${s}" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`;
    case 'square':
      return `<rect x="${r2(x - s)}" y="${r2(y - s)}" width="${2 * s}" height="${2 * s}" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`;
    case 'triangle':
      return `<path d="M${r2(x)} ${r2(y - s * 1.2)}L${r2(x + s * 1.1)} ${r2(y + s * 0.9)}L${r2(x - s * 1.1)} ${r2(y + s * 0.9)}Z" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`;
    case 'diamond':
      return `<path d="M${r2(x)} ${r2(y - s * 1.3)}L${r2(x + s * 1.1)} ${r2(y)}L${r2(x)} ${r2(y + s * 1.3)}L${r2(x - s * 1.1)} ${r2(y)}Z" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`;
    case 'none':
      return '';
  }
}

/**
 * The opening of an accessible chart: role="img" named by its <title> and described by its
 * <desc>. `id` must be unique on the page; it prefixes the title and desc ids.
 */
export function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  const safe = esc(id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="${safe}-title ${safe}-desc" focusable="false" font-family="Arial, Helvetica, sans-serif">` +
    `<title id="${safe}-title">${esc(title)}</title><desc id="${safe}-desc">${esc(desc)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`
  );
}

/** An id safe in HTML and SVG: letters, digits and hyphens, starting with a letter. */
export function chartId(raw: string): string {
  const cleaned = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}

/**
 * Breaks a label into lines of about `max` characters at spaces, so long names (schools,
 * localities) wrap instead of running off the chart.
 */
export function wrap(text: string, max: number, maxLines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${lines.slice(maxLines - 1).join(' ').slice(0, Math.max(1, max - 1)).trimEnd()}…`;
    return kept;
  }
  return lines;
}
