const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  // h12 (1 to 12), not en-GB's hour12 default of h11 (0 to 11), which writes half past noon as 0:30pm.
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

/** '3 April 2026', the GOV.UK style. Accepts 'YYYY-MM-DD' or a Date. */
export function formatDate(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return LONDON_DATE.format(new Date(`${value}T12:00:00Z`));
  }
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) ? LONDON_DATE.format(d) : '';
}

/** '3 April 2026, 2:05pm' in UK time. */
export function formatDateTime(value: unknown): string {
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime())) return '';
  return LONDON_TIME.format(d).replace(' at ', ', ').replace(/\s?(am|pm)$/i, (m) => m.trim().toLowerCase());
}

const ISO_LONDON = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** Today's date in England as 'YYYY-MM-DD' (not UTC's: just after midnight in summer they differ). */
export function todayInEngland(now = new Date()): string {
  return ISO_LONDON.format(now);
}
