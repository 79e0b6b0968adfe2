import { sql, type Kysely } from 'kysely';

/**
 * OpenID Connect sign-ins in progress: the state, nonce and PKCE verifier of each, kept on the
 * server and keyed by the SHA-256 of a random id held in a short-lived cookie. Single use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table oidc_logins (
      id text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_to text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index oidc_logins_expires on oidc_logins (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table oidc_logins`.execute(db);
}
