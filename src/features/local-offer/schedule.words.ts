/**
 * Opening times in words a parent reads at a glance, from HSDS schedules (RFC 5545 recurrence
 * fields): "Mondays and Wednesdays, 9:30am to 12:30pm", "The first Tuesday of each month,
 * 10am to midday", "Every other Friday, 1pm to 3pm". The schedule's own description, when it
 * has one, comes after.
 */

const DAYS: Record<string, [string, string]> = {
  MO: ['Monday', 'Mondays'],
  TU: ['Tuesday', 'Tuesdays'],
  WE: ['Wednesday', 'Wednesdays'],
  TH: ['Thursday', 'Thursdays'],
  FR: ['Friday', 'Fridays'],
  SA: ['Saturday', 'Saturdays'],
  SU: ['Sunday', 'Sundays'],
};
const ORDER = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const NTH: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last' };

export interface ScheduleLike {
  freq: string | null;
  interval: number | null;
  byday: string | null;
  bymonthday?: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
}

/** '09:30' → '9:30am', '12:00' → 'midday'. */
export function clockText(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const h = Number(m[1]);
  const min = m[2]!;
  if (h === 12 && min === '00') return 'midday';
  if (h === 0 && min === '00') return 'midnight';
  const suffix = h < 12 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return min === '00' ? `${h12}${suffix}` : `${h12}:${min}${suffix}`;
}

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function daysPart(s: ScheduleLike): string | undefined {
  const tokens = (s.byday ?? '').split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
  const freq = (s.freq ?? '').toUpperCase();
  if (freq === 'MONTHLY') {
    const nth = tokens.map((t) => /^(-?\d)([A-Z]{2})$/.exec(t)).filter((m): m is RegExpExecArray => !!m && !!DAYS[m[2]!] && !!NTH[m[1]!]);
    if (nth.length) return `The ${list(nth.map((m) => `${NTH[m[1]!]} ${DAYS[m[2]!]![0]}`))} of each month`;
    if (s.bymonthday) return `Each month on day ${s.bymonthday.split(',').join(', ')}`;
    return 'Once a month';
  }
  const days = ORDER.filter((d) => tokens.includes(d));
  if (freq === 'WEEKLY' || days.length) {
    if (days.length === 0) return (s.interval ?? 1) === 2 ? 'Every other week' : 'Every week';
    if (days.join() === 'MO,TU,WE,TH,FR' && (s.interval ?? 1) === 1) return 'Monday to Friday';
    if (days.join() === 'MO,TU,WE,TH,FR,SA,SU' && (s.interval ?? 1) === 1) return 'Every day';
    if ((s.interval ?? 1) === 2) return `Every other ${list(days.map((d) => DAYS[d]![0]))}`;
    return list(days.map((d) => DAYS[d]![1]));
  }
  return undefined;
}

/** One schedule in words; undefined when it says nothing a family could use. */
export function scheduleText(s: ScheduleLike): string | undefined {
  const days = daysPart(s);
  const times = s.opens_at && s.closes_at ? `${clockText(s.opens_at)} to ${clockText(s.closes_at)}` : s.opens_at ? `from ${clockText(s.opens_at)}` : undefined;
  const main = days && times ? `${days}, ${times}` : days ?? (times ? times[0]!.toUpperCase() + times.slice(1) : undefined);
  const note = s.description?.trim();
  if (main && note) return `${main}. ${note}`;
  return main ?? note ?? undefined;
}
