/**
 * Meeting times are typed in UK time. This turns a date and an 'HH:MM' time in Europe/London
 * into the instant it names, through British Summer Time and back.
 */
export function londonToUtc(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const offsetMinutes = (d: Date) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d);
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return (asUtc - d.getTime()) / 60000;
  };
  return new Date(guess.getTime() - offsetMinutes(guess) * 60000);
}

/** '14:30' or '2:30pm' to '14:30'; undefined when it is not a time of day. */
export function readTime(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, '').replace('.', ':');
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(t);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (m[3]) {
    if (h < 1 || h > 12) return undefined;
    if (m[3] === 'pm' && h !== 12) h += 12;
    if (m[3] === 'am' && h === 12) h = 0;
  } else if (m[2] === undefined) return undefined;
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });
/** '2:30pm' in UK time. */
export const formatTime = (d: Date) => TIME.format(d).replace(/\s/g, '').toLowerCase();
