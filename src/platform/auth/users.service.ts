import type { Db } from '../../db/database.js';
import type { Organisation, User } from '../../db/schema.js';
import { isRole, type Role } from '../access/roles.js';
import { DUMMY_HASH, hashPassword, passwordProblems, verifyPassword } from './secrets.js';

export class UserInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

/** The signed-in person as every route sees them. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'bad-credentials' | 'locked' | 'disabled'; user?: User };

export function usersService(options: { maxFailures: number; lockMinutes: number }) {
  return {
    async toCurrentUser(db: Db, userId: string): Promise<CurrentUser | undefined> {
      const row = await db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select([
          'users.id',
          'users.email',
          'users.name',
          'users.role',
          'users.disabled',
          'organisations.id as organisation_id',
          'organisations.name as organisation_name',
          'organisations.kind as organisation_kind',
        ])
        .where('users.id', '=', userId)
        .executeTakeFirst();
      if (!row || row.disabled || !isRole(row.role)) return undefined;
      return {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        organisationKind: row.organisation_kind,
      };
    },

    async create(
      db: Db,
      input: { email: string; name?: string; role: string; organisationId: string; password?: string },
    ): Promise<User> {
      const email = normaliseEmail(input.email);
      if (!EMAIL.test(email) || email.length > 254) {
        throw new UserInputError('email', 'Enter an email address in the correct format, like name@example.org');
      }
      if (!isRole(input.role)) throw new UserInputError('role', `There is no role called "${input.role}"`);
      if (input.password !== undefined) {
        const problem = passwordProblems(input.password);
        if (problem) throw new UserInputError('password', problem);
      }
      const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (existing) throw new UserInputError('email', `There is already a user with the email ${email}`);
      return db
        .insertInto('users')
        .values({
          email,
          name: input.name?.trim() || email.split('@')[0]!,
          role: input.role,
          organisation_id: input.organisationId,
          password_hash: input.password === undefined ? null : await hashPassword(input.password),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    findByEmail(db: Db, email: string) {
      return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
    },

    /**
     * Checks a password. After maxFailures wrong tries in a row the account locks for
     * lockMinutes, whatever password comes next; the counter clears on success.
     */
    async signIn(db: Db, email: string, password: string, now = new Date()): Promise<SignInResult> {
      const user = await this.findByEmail(db, email);
      if (!user || !user.password_hash) {
        await verifyPassword(DUMMY_HASH, password);
        return { ok: false, reason: 'bad-credentials' };
      }
      if (user.disabled) return { ok: false, reason: 'disabled', user };
      if (user.locked_until && new Date(user.locked_until) > now) return { ok: false, reason: 'locked', user };
      if (!(await verifyPassword(user.password_hash, password))) {
        const failures = user.failed_sign_ins + 1;
        const lock = failures >= options.maxFailures;
        await db
          .updateTable('users')
          .set({
            failed_sign_ins: lock ? 0 : failures,
            locked_until: lock ? new Date(now.getTime() + options.lockMinutes * 60_000) : user.locked_until,
          })
          .where('id', '=', user.id)
          .execute();
        return { ok: false, reason: lock ? 'locked' : 'bad-credentials', user };
      }
      if (user.failed_sign_ins > 0 || user.locked_until) {
        await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute();
      }
      return { ok: true, user };
    },

    async setPassword(db: Db, userId: string, password: string): Promise<void> {
      const problem = passwordProblems(password);
      if (problem) throw new UserInputError('password', problem);
      await db
        .updateTable('users')
        .set({ password_hash: await hashPassword(password), failed_sign_ins: 0, locked_until: null })
        .where('id', '=', userId)
        .execute();
    },

    organisationByCode(db: Db, kind: string, code: string): Promise<Organisation | undefined> {
      return db.selectFrom('organisations').selectAll().where('kind', '=', kind).where('code', '=', code).executeTakeFirst();
    },

    findOrganisation(db: Db, idOrCodeOrName: string): Promise<Organisation | undefined> {
      const uuid = /^[0-9a-f-]{36}$/i.test(idOrCodeOrName);
      return db
        .selectFrom('organisations')
        .selectAll()
        .where((eb) =>
          eb.or([
            ...(uuid ? [eb('id', '=', idOrCodeOrName)] : []),
            eb('code', '=', idOrCodeOrName),
            eb(eb.fn('lower', ['name']), '=', idOrCodeOrName.toLowerCase()),
          ]),
        )
        .executeTakeFirst();
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
