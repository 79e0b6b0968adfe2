/** Date arithmetic on 'YYYY-MM-DD' strings, in UTC so that no time zone moves a day. */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The school year a date falls in, as the DfE writes it: 2025-02-24 → '202425' (1 September to 31 August). */
export function schoolYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 9 ? y : y - 1;
  return `${start}${String((start + 1) % 100).padStart(2, '0')}`;
}

/** '202425' → '2024/25', as people write it. */
export function schoolYearWords(year: string): string {
  return `${year.slice(0, 4)}/${year.slice(4)}`;
}

/** 1 September of the school year a date falls in. */
export function schoolYearStart(date: string): string {
  return `${schoolYearOf(date).slice(0, 4)}-09-01`;
}
