/**
 * The family's two forms, checked: comments on the draft plan, and a request for an
 * assessment. Pure: every problem at once, in the order the fields appear, each naming its
 * field (the GOV.UK error pattern), in words a parent understands.
 */
import { dateFields, readDateInput } from '../../platform/web/date-input.js';
import { required, type FormState } from '../../platform/web/forms.js';
import type { NewChild } from '../ehc/children.service.js';
import { RELATIONSHIPS, SECTION_KEYS, SECTIONS, type Requester } from '../ehc/ehc.codes.js';

/** The most the comments event holds (ehc.events.ts: comments up to 20,000 characters). */
export const MAX_COMMENTS = 20000;
export const MAX_SETTING = 300;
/** In the order they appear on the page: a box under each section, then the whole plan, then the setting. */
export const COMMENT_FIELDS = [...SECTION_KEYS.map((k) => `section-${k}`), 'comments', 'preferredSetting'];

function sortByField(form: FormState, fields: readonly string[]) {
  const rank = (f: string) => (fields.indexOf(f) < 0 ? fields.length : fields.indexOf(f));
  form.errors.sort((a, b) => rank(a.field) - rank(b.field));
}

/**
 * The comments as one text (the general box first, then each section's box under its name),
 * and the preferred setting; undefined when there are errors.
 */
export function checkComments(form: FormState): { comments?: string; preferredSetting?: string } | undefined {
  const v = form.values;
  const general = v.comments?.trim() ?? '';
  const parts = general ? [general] : [];
  for (const k of SECTION_KEYS) {
    const t = v[`section-${k}`]?.trim();
    if (t) parts.push(`About section ${k}, ${SECTIONS[k]}:\n${t}`);
  }
  const comments = parts.join('\n\n');
  const setting = v.preferredSetting?.trim() ?? '';
  if (setting.length > MAX_SETTING) {
    form.errors.push({ field: 'preferredSetting', text: `The name of the school or setting must be ${MAX_SETTING} characters or fewer` });
  }
  if (!comments && !setting && !form.errors.length) {
    form.errors.push({ field: 'comments', text: 'Enter your comments on the draft plan, or the school or setting you would like' });
  }
  if (comments.length > MAX_COMMENTS) {
    form.errors.push({ field: 'comments', text: `Your comments must be ${MAX_COMMENTS.toLocaleString('en-GB')} characters or fewer in total. Send the rest as another comment` });
  }
  sortByField(form, COMMENT_FIELDS);
  if (form.errors.length) return undefined;
  return { ...(comments ? { comments } : {}), ...(setting ? { preferredSetting: setting } : {}) };
}

export const REQUEST_FIELDS = [
  'child', 'givenName', 'familyName', ...dateFields('dateOfBirth'), 'schoolId', 'relationship', 'difficulties', 'currentHelp', 'declaration',
];
export const MAX_STORY = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CheckedRequest {
  /** The linked child the request is for, or null for a new child. */
  childId: string | null;
  newChild: NewChild | null;
  relationship: string;
  requestedBy: Requester;
  reason: string;
}

/** Checks the request form; `linked` are the ids of the children already linked to this parent. */
export function checkRequest(form: FormState, today: string, linked: readonly string[]): CheckedRequest | undefined {
  const v = form.values;
  const choice = v.child?.trim() ?? '';
  if (choice !== 'new' && !linked.includes(choice)) form.errors.push({ field: 'child', text: 'Select the child you are asking about' });
  let dateOfBirth: string | undefined;
  if (choice === 'new') {
    required(form, 'givenName', 'Enter your child’s first name');
    required(form, 'familyName', 'Enter your child’s last name');
    for (const f of ['givenName', 'familyName'] as const) {
      if ((v[f] ?? '').trim().length > 100) form.errors.push({ field: f, text: `${f === 'givenName' ? 'First' : 'Last'} name must be 100 characters or fewer` });
    }
    const dob = readDateInput(v, 'dateOfBirth', { label: 'Date of birth', missing: 'Enter your child’s date of birth' });
    if (dob.error) form.errors.push(dob.error);
    else if (dob.value >= today) form.errors.push({ field: 'dateOfBirth-day', text: 'Date of birth must be in the past' });
    else if (dob.value < `${Number(today.slice(0, 4)) - 26}${today.slice(4)}`) form.errors.push({ field: 'dateOfBirth-day', text: 'We can only assess children and young people under 26' });
    else dateOfBirth = dob.value;
    if (v.schoolId && !UUID.test(v.schoolId)) form.errors.push({ field: 'schoolId', text: 'Select a school or setting from the list' });
  }
  required(form, 'relationship', 'Select how you are related to the child');
  if (v.relationship && !(RELATIONSHIPS as readonly string[]).includes(v.relationship)) form.errors.push({ field: 'relationship', text: 'Select how you are related to the child' });
  required(form, 'difficulties', 'Tell us what is hard for your child');
  required(form, 'currentHelp', 'Tell us what help your child has now. If they have no help, say so');
  for (const f of ['difficulties', 'currentHelp'] as const) {
    if ((v[f] ?? '').length > MAX_STORY && !form.errors.some((e) => e.field === f)) {
      form.errors.push({ field: f, text: `This answer must be ${MAX_STORY.toLocaleString('en-GB')} characters or fewer` });
    }
  }
  if (v.declaration !== 'yes') form.errors.push({ field: 'declaration', text: 'Confirm that what you have told us is true' });
  sortByField(form, REQUEST_FIELDS);
  if (form.errors.length) return undefined;
  return {
    childId: choice === 'new' ? null : choice,
    newChild: choice === 'new'
      ? { givenName: v.givenName!.trim(), familyName: v.familyName!.trim(), dateOfBirth: dateOfBirth!, schoolId: v.schoolId?.trim() || null }
      : null,
    relationship: v.relationship!,
    requestedBy: v.relationship === 'young-person' ? 'young-person' : 'parent',
    reason: `What is hard for the child:\n${v.difficulties!.trim()}\n\nWhat help they have now:\n${v.currentHelp!.trim()}`,
  };
}

/** Where the children and EHC services' errors (EhcInputError.field) show on the request form. */
export function requestErrorField(field: string): string {
  return ({ dateOfBirth: 'dateOfBirth-day', childId: 'child', relationship: 'relationship', receivedOn: 'child', requestedBy: 'relationship' } as Record<string, string>)[field] ?? field;
}
