import { sql, type Kysely } from 'kysely';

/** Service providers of the Local Offer become a kind of organisation. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations drop constraint organisations_kind_check;
    alter table organisations add constraint organisations_kind_check
      check (kind in ('council','icb','nhs-trust','school','ap-provider','parent-carer-forum','sendiass','service-provider','other'));
  `.execute(db);
}
