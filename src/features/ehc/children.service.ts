import type { Db } from '../../db/database.js';
import { normaliseNhsNumber, normalisePostcode, nhsNumberProblem, upnProblem } from '../../platform/identifiers/identifiers.js';
import { isIsoDate } from './clock/index.js';
import { RELATIONSHIPS } from './ehc.codes.js';
import { EhcInputError } from './ehc.errors.js';

export interface NewChild {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  upn?: string | null;
  nhsNumber?: string | null;
  address?: string | null;
  postcode?: string | null;
  schoolId?: string | null;
  gender?: string | null;
}

export interface NewFamilyMember {
  name: string;
  relationship: string;
  email?: string | null;
  phone?: string | null;
  contactPreference?: 'email' | 'phone' | 'post' | 'text';
  language?: string | null;
  needsInterpreter?: boolean;
  mainContact?: boolean;
  userId?: string | null;
}

function clean(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/** Children and their families: the one place names and identifiers are kept. */
export function childrenService() {
  return {
    /** Checks a new child's details; throws EhcInputError naming the first bad field. */
    validate(input: NewChild, today: string): Required<Omit<NewChild, 'schoolId' | 'gender'>> & { schoolId: string | null; gender: string | null; locality: string | null } {
      const givenName = clean(input.givenName);
      const familyName = clean(input.familyName);
      if (!givenName) throw new EhcInputError('givenName', 'Enter the child’s first name');
      if (!familyName) throw new EhcInputError('familyName', 'Enter the child’s last name');
      if (!isIsoDate(input.dateOfBirth)) throw new EhcInputError('dateOfBirth', 'Enter the date of birth as a real date, like 2017-05-14');
      if (input.dateOfBirth > today) throw new EhcInputError('dateOfBirth', 'Date of birth must be in the past');
      if (input.dateOfBirth < `${Number(today.slice(0, 4)) - 26}${today.slice(4)}`) {
        throw new EhcInputError('dateOfBirth', 'The child or young person must be under 26');
      }
      const upn = clean(input.upn)?.toUpperCase() ?? null;
      if (upn) {
        const problem = upnProblem(upn);
        if (problem) throw new EhcInputError('upn', `The unique pupil number ${problem}`);
      }
      const nhs = clean(input.nhsNumber);
      if (nhs) {
        const problem = nhsNumberProblem(nhs);
        if (problem) throw new EhcInputError('nhsNumber', `The NHS number ${problem}`);
      }
      let postcode: string | null = null;
      if (clean(input.postcode)) {
        postcode = normalisePostcode(input.postcode!) ?? null;
        if (!postcode) throw new EhcInputError('postcode', 'Enter a real postcode, like CA28 7QS');
      }
      return {
        givenName,
        familyName,
        dateOfBirth: input.dateOfBirth,
        upn,
        nhsNumber: nhs ? normaliseNhsNumber(nhs) : null,
        address: clean(input.address),
        postcode,
        schoolId: input.schoolId ?? null,
        gender: clean(input.gender),
        locality: null,
      };
    },

    async create(db: Db, input: NewChild, today: string): Promise<string> {
      const c = this.validate(input, today);
      if (c.schoolId) {
        const school = await db.selectFrom('organisations').select('id').where('id', '=', c.schoolId).where('kind', 'in', ['school', 'ap-provider']).executeTakeFirst();
        if (!school) throw new EhcInputError('schoolId', 'Select a school or setting from the list');
      }
      const row = await db
        .insertInto('children')
        .values({
          given_name: c.givenName,
          family_name: c.familyName,
          date_of_birth: c.dateOfBirth,
          upn: c.upn,
          nhs_number: c.nhsNumber,
          address: c.address,
          postcode: c.postcode,
          school_id: c.schoolId,
          gender: c.gender,
          locality: c.locality,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The school a child attends may see them, through its SENCO.
      if (c.schoolId) await db.insertInto('case_links').values({ child_id: row.id, kind: 'school', organisation_id: c.schoolId }).execute();
      return row.id;
    },

    async addFamilyMember(db: Db, childId: string, m: NewFamilyMember): Promise<string> {
      const name = clean(m.name);
      if (!name) throw new EhcInputError('name', 'Enter the family member’s name');
      if (!(RELATIONSHIPS as readonly string[]).includes(m.relationship)) {
        throw new EhcInputError('relationship', `Select how they are related to the child (${RELATIONSHIPS.join(', ')})`);
      }
      const email = clean(m.email)?.toLowerCase() ?? null;
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new EhcInputError('email', 'Enter an email address in the correct format, like name@example.org');
      const row = await db
        .insertInto('family_members')
        .values({
          child_id: childId,
          name,
          relationship: m.relationship,
          email,
          phone: clean(m.phone),
          contact_preference: m.contactPreference ?? 'email',
          language: clean(m.language),
          needs_interpreter: m.needsInterpreter ?? false,
          main_contact: m.mainContact ?? false,
          user_id: m.userId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (m.userId) await db.insertInto('case_links').values({ child_id: childId, kind: 'family', user_id: m.userId }).execute();
      return row.id;
    },

    get(db: Db, childId: string) {
      return db
        .selectFrom('children')
        .leftJoin('organisations as school', 'school.id', 'children.school_id')
        .selectAll('children')
        .select('school.name as school_name')
        .where('children.id', '=', childId)
        .executeTakeFirst();
    },

    family(db: Db, childId: string) {
      return db.selectFrom('family_members').selectAll().where('child_id', '=', childId).orderBy('main_contact', 'desc').orderBy('name').execute();
    },
  };
}

export type ChildrenService = ReturnType<typeof childrenService>;
