/**
 * Reading attendance_weeks.sessions in SQL: the ten register codes of a pupil-week, Monday AM to
 * Friday PM, comma-separated, empty where the file had no row (ADR 0007).
 */
import { sql, type RawBuilder } from 'kysely';

/**
 * The sessions of a pupil-week coded S (study leave), counted in the stored text. Of the register
 * codes in force or withdrawn, only S contains the letter S (codes.ts; a test holds it to that),
 * so counting the letter counts the code without splitting the text.
 */
export function studyLeaveSessions(alias: string): RawBuilder<number> {
  const sessions = sql.ref(`${alias}.sessions`);
  return sql<number>`(length(${sessions}) - length(replace(${sessions}, 'S', '')))`;
}
