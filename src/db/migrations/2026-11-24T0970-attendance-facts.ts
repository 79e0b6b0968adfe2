import { sql, type Kysely } from 'kysely';

/**
 * Attendance pupil-weeks are the largest table (about 1.7 million rows a school year at
 * Cumberland's size) and are written a file at a time. Their foreign keys cost a lookup and a
 * row lock in imports or children for every row written, and the index on import_id serves only
 * an administrator's undo. So (ADR 0007):
 * - import_id is no longer a foreign key: the importer writes it from the import it has just
 *   recorded, and imports are never deleted (undo marks them);
 * - child_id is no longer a foreign key: deleting children clears their pupil-weeks' child_id
 *   with one statement-level trigger, as `on delete set null` did row by row;
 * - undo finds an import's pupil-weeks by scanning, which is rare and takes seconds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table attendance_weeks drop constraint attendance_weeks_import_id_fkey;
    alter table attendance_weeks drop constraint attendance_weeks_child_id_fkey;
    drop index attendance_weeks_import;

    create function attendance_weeks_forget_children() returns trigger language plpgsql as $$
    begin
      update attendance_weeks w set child_id = null from gone where w.child_id = gone.id;
      return null;
    end $$;
    create trigger children_forget_attendance after delete on children
      referencing old table as gone for each statement execute function attendance_weeks_forget_children();
  `.execute(db);
}
