/**
 * The "add a child" and "record a request" forms' checks, pure: every problem at once, in the
 * order the fields appear, each naming its field (the GOV.UK error pattern).
 */
import { nhsNumberProblem, normalisePostcode, upnProblem } from '../../platform/identifiers/identifiers.js';
import { dateFields, readDateInput } from '../../platform/web/date-input.js';
import { required, type FormState } from '../../platform/web/forms.js';
import type { NewChild, NewFamilyMember } from '../ehc/children.service.js';
import { isRequester, RELATIONSHIPS, type Requester } from '../ehc/ehc.codes.js';
import { CONTACT_PREFERENCES } from './casework.present.js';

export const CHILD_FIELDS = [
  'givenName', 'familyName', ...dateFields('dateOfBirth'), 'upn', 'nhsNumber', 'address', 'postcode', 'schoolId',
  'memberName', 'relationship', 'email', 'phone', 'contactPreference',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const opt = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Where children.service's errors (EhcInputError.field) show on the form. */
export function childErrorField(field: string): string {
  return ({ dateOfBirth: 'dateOfBirth-day', name: 'memberName' } as Record<string, string>)[field] ?? field;
}

export function checkNewChild(form: FormState, today: string): { child?: NewChild; member?: NewFamilyMember } {
  const v = form.values;
  required(form, 'givenName', 'Enter the child’s first name');
  required(form, 'familyName', 'Enter the child’s last name');
  const dob = readDateInput(v, 'dateOfBirth', { label: 'Date of birth', missing: 'Enter the child’s date of birth' });
  if (dob.error) form.errors.push(dob.error);
  else if (dob.value >= today) form.errors.push({ field: 'dateOfBirth-day', text: 'Date of birth must be in the past' });
  else if (dob.value < `${Number(today.slice(0, 4)) - 26}${today.slice(4)}`) form.errors.push({ field: 'dateOfBirth-day', text: 'The child or young person must be under 26' });
  const upn = opt(v.upn)?.toUpperCase();
  const upnWrong = upn ? upnProblem(upn) : undefined;
  if (upnWrong) form.errors.push({ field: 'upn', text: `The unique pupil number ${upnWrong}` });
  const nhs = opt(v.nhsNumber);
  const nhsWrong = nhs ? nhsNumberProblem(nhs) : undefined;
  if (nhsWrong) form.errors.push({ field: 'nhsNumber', text: `The NHS number ${nhsWrong}` });
  const postcode = opt(v.postcode);
  if (postcode && !normalisePostcode(postcode)) form.errors.push({ field: 'postcode', text: 'Enter a real postcode, like CA28 7QS' });
  const schoolId = opt(v.schoolId);
  if (schoolId && !UUID.test(schoolId)) form.errors.push({ field: 'schoolId', text: 'Select a school or setting from the list' });

  required(form, 'memberName', 'Enter the name of the main family contact');
  required(form, 'relationship', 'Select how the main contact is related to the child');
  if (v.relationship && !(RELATIONSHIPS as readonly string[]).includes(v.relationship)) form.errors.push({ field: 'relationship', text: 'Select a relationship from the list' });
  const email = opt(v.email)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) form.errors.push({ field: 'email', text: 'Enter an email address in the correct format, like name@example.org' });
  const phone = opt(v.phone);
  if (phone && !/^\+?[\d\s()-]{10,20}$/.test(phone)) form.errors.push({ field: 'phone', text: 'Enter a telephone number, like 01946 852 000 or 07700 900 982' });
  const preference = v.contactPreference ?? '';
  if (!Object.hasOwn(CONTACT_PREFERENCES, preference)) {
    form.errors.push({ field: 'contactPreference', text: 'Select how the main contact would like us to contact them' });
  } else if (preference === 'email' && !email && !form.errors.some((e) => e.field === 'email')) {
    form.errors.push({ field: 'email', text: 'Enter an email address: the main contact prefers email' });
  } else if ((preference === 'phone' || preference === 'text') && !phone && !form.errors.some((e) => e.field === 'phone')) {
    form.errors.push({ field: 'phone', text: 'Enter a telephone number: the main contact prefers phone calls or texts' });
  } else if (preference === 'post' && !opt(v.address)) {
    form.errors.push({ field: 'address', text: 'Enter the address: the main contact prefers post' });
  }
  sortByField(form, CHILD_FIELDS);
  if (form.errors.length) return {};
  return {
    child: { givenName: v.givenName!, familyName: v.familyName!, dateOfBirth: dob.value!, upn: upn ?? null, nhsNumber: nhs, address: opt(v.address), postcode, schoolId },
    member: { name: v.memberName!, relationship: v.relationship!, email, phone, contactPreference: preference as NewFamilyMember['contactPreference'] & string },
  };
}

export const REQUEST_FIELDS = [...dateFields('receivedOn'), 'requestedBy', 'requesterName', 'reason'];

export function checkNewRequest(form: FormState, today: string): { receivedOn: string; requestedBy: Requester; requesterName: string | null; reason: string | null } | undefined {
  const v = form.values;
  const received = readDateInput(v, 'receivedOn', { label: 'Date the request was received', missing: 'Enter the date the request was received' });
  if (received.error) form.errors.push(received.error);
  else if (received.value > today) form.errors.push({ field: 'receivedOn-day', text: 'Date the request was received must be today or in the past' });
  required(form, 'requestedBy', 'Select who asked for the assessment');
  if (v.requestedBy && !isRequester(v.requestedBy)) form.errors.push({ field: 'requestedBy', text: 'Select who asked for the assessment' });
  if ((v.requesterName ?? '').length > 200) form.errors.push({ field: 'requesterName', text: 'Name of the person who asked must be 200 characters or fewer' });
  sortByField(form, REQUEST_FIELDS);
  if (form.errors.length) return undefined;
  return { receivedOn: received.value!, requestedBy: v.requestedBy as Requester, requesterName: opt(v.requesterName), reason: opt(v.reason) };
}

/** Errors in the order of the fields on the page, so the summary reads top to bottom. */
function sortByField(form: FormState, fields: readonly string[]) {
  const rank = (f: string) => (fields.indexOf(f) < 0 ? fields.length : fields.indexOf(f));
  form.errors.sort((a, b) => rank(a.field) - rank(b.field));
}
