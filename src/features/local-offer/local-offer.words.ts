/**
 * The words families see for the Local Offer's codes: needs in plain English (the SEND primary
 * need codes of the school census underneath), localities, and small phrases built from data.
 */
import type { SenNeed } from '../data-hub/formats/codes.js';

/** The needs a family can search by, in the words a parent would use. Codes are the census's. */
export const NEEDS: readonly { code: SenNeed; text: string }[] = [
  { code: 'SLCN', text: 'Speech, language and communication' },
  { code: 'ASD', text: 'Autism' },
  { code: 'SEMH', text: 'Social, emotional and mental health' },
  { code: 'SPLD', text: 'Specific learning difficulties, like dyslexia' },
  { code: 'MLD', text: 'Learning difficulties' },
  { code: 'SLD', text: 'Severe learning difficulties' },
  { code: 'PMLD', text: 'Profound and multiple learning difficulties' },
  { code: 'HI', text: 'Hearing' },
  { code: 'VI', text: 'Sight (vision)' },
  { code: 'MSI', text: 'Hearing and sight (multi-sensory)' },
  { code: 'PD', text: 'Physical disability' },
  { code: 'OTH', text: 'Other needs or disabilities' },
];

export function needText(code: string): string {
  return NEEDS.find((n) => n.code === code)?.text ?? code;
}

/** Cumberland's three localities and the Millom border area (served by the south Cumbria NHS). */
export const LOCALITIES: readonly { value: string; text: string }[] = [
  { value: 'Carlisle', text: 'Carlisle and the north' },
  { value: 'Allerdale', text: 'Allerdale (Workington, Maryport, Cockermouth, Keswick, Wigton)' },
  { value: 'Copeland', text: 'Copeland (Whitehaven, Egremont, Cleator Moor)' },
  { value: 'Millom border area', text: 'Millom and the border area' },
];

export function localityText(value: string | null | undefined): string {
  return LOCALITIES.find((l) => l.value === value)?.text ?? value ?? '';
}

/** "Ages 4 to 11", "Ages 16 and over", "All ages". */
export function agesText(min: number | null | undefined, max: number | null | undefined): string {
  const lo = min ?? null;
  const hi = max ?? null;
  if (lo === null && hi === null) return 'All ages';
  if (lo === null || lo === 0) return hi === null ? 'All ages' : `Up to ${hi} years old`;
  if (hi === null) return `Ages ${lo} and over`;
  if (lo === hi) return `Age ${lo}`;
  return `Ages ${lo} to ${hi}`;
}

/** "0.4 miles away", "12 miles away". */
export function milesText(km: number | null | undefined): string | undefined {
  if (km === null || km === undefined || !Number.isFinite(km)) return undefined;
  const miles = km / 1.609344;
  if (miles < 0.95) return `${miles.toFixed(1)} miles away`;
  const whole = Math.round(miles);
  return whole === 1 ? 'About 1 mile away' : `About ${whole} miles away`;
}

/** Days between two 'YYYY-MM-DD' dates. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A service not reviewed for 12 months is flagged: the council promises families to check every
 * entry at least once a year. Never checked counts as not reviewed.
 */
export function needsReview(lastCheckedOn: string | null | undefined, today: string): boolean {
  return !lastCheckedOn || lastCheckedOn < reviewCutoff(today);
}

/** Twelve calendar months before today, 'YYYY-MM-DD'; 29 February falls back to 28 February. */
export function reviewCutoff(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y - 1, m - 1, d));
  if (back.getUTCMonth() !== m - 1) back.setUTCDate(0);
  return back.toISOString().slice(0, 10);
}

/** How long since the last check, in words: "3 months ago", "over a year ago". */
export function checkedAgoText(lastCheckedOn: string | null | undefined, today: string): string {
  if (!lastCheckedOn) return 'Never checked';
  const days = daysBetween(lastCheckedOn, today);
  if (days <= 0) return 'Today';
  if (days < 31) return days === 1 ? 'Yesterday' : `${days} days ago`;
  const months = Math.floor(days / 30.44);
  if (months < 12) return months === 1 ? '1 month ago' : `${months} months ago`;
  const years = Math.floor(months / 12);
  return years === 1 ? 'Over a year ago' : `Over ${years} years ago`;
}

const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' });

/** "10am", "1:30pm": the GOV.UK style for times. */
export function timeText(d: Date): string {
  const t = TIME.format(d).replace(/\s/g, '').toLowerCase();
  if (t === '12:00pm') return 'midday';
  if (t === '12:00am') return 'midnight';
  return t.replace(':00', '');
}

/** "Tuesday 1 December 2026, 10am to midday"; over several days, both dates. UK time. */
export function whenText(start: Date, end: Date): string {
  const d1 = DAY.format(start).replace(',', '');
  const d2 = DAY.format(end).replace(',', '');
  if (d1 === d2) return `${d1}, ${timeText(start)} to ${timeText(end)}`;
  return `${d1}, ${timeText(start)} to ${d2}, ${timeText(end)}`;
}
