/**
 * Plausible, invented wording for the demo's advice and plans, by the child's primary need.
 * Nothing here describes a real child.
 */
import type { Agency, SectionKey } from '../features/ehc/ehc.codes.js';

export type Need = 'ASD' | 'SLCN' | 'SEMH' | 'MLD' | 'SLD' | 'SPLD' | 'PD' | 'HI';

/** Primary needs, weighted roughly as England's plans are (DfE, January 2025). */
export const NEEDS: readonly (readonly [Need, number])[] = [
  ['ASD', 31], ['SLCN', 21], ['SEMH', 21], ['MLD', 8], ['SLD', 6], ['SPLD', 5], ['PD', 5], ['HI', 3],
];

const WORDS: Record<Need, { needs: string; health: string; outcome: string; provision: string; therapy: string }> = {
  ASD: {
    needs: 'has a diagnosis of autism. {n} finds changes to routine, busy rooms and unstructured times hard, and can become overwhelmed',
    health: 'Autism diagnosed by the community paediatric team. Sleep is disturbed most nights. Sensory sensitivity to noise',
    outcome: 'By the end of the key stage, {n} will manage changes in the school day with a visual timetable and a trusted adult, without leaving the classroom',
    provision: 'A visual timetable and a quiet base; 1:1 support from a trained teaching assistant at transitions; a social communication group twice a week',
    therapy: 'Occupational therapy sensory assessment and a sensory diet reviewed each term',
  },
  SLCN: {
    needs: 'has a developmental language disorder. {n} understands short instructions but struggles with longer ones and with finding words',
    health: 'Speech and language therapy assessment shows receptive and expressive language well below age expectations',
    outcome: 'In 12 months, {n} will follow two-part instructions in class and tell an adult about their day in simple sentences',
    provision: 'Language-rich teaching with pre-taught vocabulary; small-group language work 3 times a week led by a trained teaching assistant',
    therapy: 'Speech and language therapy: a programme set by the therapist, delivered in school, reviewed every 6 weeks',
  },
  SEMH: {
    needs: 'has social, emotional and mental health needs. {n} finds it hard to manage strong feelings and to stay in class',
    health: 'Seen by the mental health support team; anxiety affects attendance. No medication',
    outcome: 'By the end of the year, {n} will attend at least 90% of sessions and use agreed strategies to calm down',
    provision: 'A key adult and a daily check-in; a regulated space to use when needed; a reduced timetable reviewed every 4 weeks',
    therapy: 'Emotional literacy support (ELSA) weekly; referral to the children’s mental health service kept under review',
  },
  MLD: {
    needs: 'has moderate learning difficulties. {n} is working well below age-related expectations in reading, writing and number',
    health: 'No health needs affecting learning beyond a mild hearing loss in one ear, monitored by audiology',
    outcome: 'In 12 months, {n} will read and understand simple texts and use number bonds to 20',
    provision: 'Teaching in a small group with a differentiated curriculum; daily precision teaching in reading and number',
    therapy: 'Audiology review each year',
  },
  SLD: {
    needs: 'has severe learning difficulties and needs adult support for most of the school day',
    health: 'Global developmental delay; epilepsy, controlled with medication, with a care plan in school',
    outcome: 'By the end of the key stage, {n} will make choices using symbols and take part in personal care routines',
    provision: 'A specialist setting with a high staff ratio; a sensory curriculum; symbols and signing throughout the day',
    therapy: 'Epilepsy care plan and trained staff; physiotherapy programme reviewed each term',
  },
  SPLD: {
    needs: 'has specific learning difficulties (dyslexia). {n}’s reading and spelling are well below what {n} can say and understand',
    health: 'No health needs identified affecting learning; eyesight checked and normal',
    outcome: 'By the end of the year, {n} will use assistive technology to write a page independently',
    provision: 'A structured literacy programme 4 times a week; a laptop with speech-to-text; extra time in assessments',
    therapy: 'No therapy needed',
  },
  PD: {
    needs: 'has a physical disability (cerebral palsy) affecting mobility and fine motor skills',
    health: 'Cerebral palsy; uses a walking frame and a wheelchair for longer distances; at risk of tightness in the hips',
    outcome: 'In 12 months, {n} will move between lessons safely with the frame and record work using a tablet',
    provision: 'An accessible classroom and toilet; support for personal care and moving around school; adapted equipment',
    therapy: 'Physiotherapy twice a week in school; occupational therapy review of seating and equipment',
  },
  HI: {
    needs: 'is deaf (moderate to severe hearing loss in both ears) and uses hearing aids',
    health: 'Bilateral hearing loss; hearing aids fitted; radio aid used in class',
    outcome: 'By the end of the year, {n} will take part in class discussions using a radio aid and agreed signals',
    provision: 'A radio aid and an acoustically treated room; visits from the teacher of the deaf every 2 weeks',
    therapy: 'Audiology reviews every 6 months',
  },
};

function fill(text: string, name: string): string {
  return text.replaceAll('{n}', name);
}

export interface ChildWords {
  givenName: string;
  need: Need;
  /** Years 9 and above: the plan prepares for adulthood. */
  pfa: boolean;
}

/** An adviser's answer, by the sections their advice informs. */
export function adviceText(agency: Agency, c: ChildWords): Partial<Record<SectionKey, string>> {
  const w = WORDS[c.need];
  const n = c.givenName;
  switch (agency) {
    case 'health':
      return { C: fill(w.health, n) + '.', G: fill(w.therapy, n) + '.' };
    case 'social-care':
      return { D: `${n}’s family care for ${n} well and would like short breaks. A carer’s assessment has been offered.`, H1: 'Short breaks: one overnight stay a month with an approved provider.', H2: 'Access to the inclusive holiday activities programme.' };
    case 'psychology':
      return { B: `${n} ${fill(w.needs, n)}.`, E: fill(w.outcome, n) + '.', F: fill(w.provision, n) + '.' };
    case 'education':
      return { B: `The setting reports that ${n} ${fill(w.needs, n)}.`, F: `The setting provides now: ${fill(w.provision, n).toLowerCase()}.` };
    case 'preparing-for-adulthood':
      return { E: `${n} would like to go to college and learn to travel there alone.`, F: 'Travel training in the summer term; a supported work experience placement.' };
    default:
      return { B: `${n} ${fill(w.needs, n)}.` };
  }
}

/** Sections A to K of a plan: every section has something to say, even "no needs". */
export function planSections(
  c: ChildWords,
  o: { socialCareNeeds: boolean; setting: string; adviceFrom: readonly string[] },
): Record<SectionKey, string> {
  const w = WORDS[c.need];
  const n = c.givenName;
  return {
    A: `${n} likes ${c.pfa ? 'music, gaming with friends and helping at the farm shop' : 'drawing, animals and being outside'}. ${n} says: “I want people to listen to me and help me when things are hard.” ${c.pfa ? `${n} wants to go to college and one day have a job with animals.` : `${n}’s family want ${n} to be happy and make friends.`}`,
    B: `${n} ${fill(w.needs, n)}.`,
    C: fill(w.health, n) + '.',
    D: o.socialCareNeeds ? `${n}’s family would benefit from short breaks; a carer’s assessment has been offered.` : 'No social care needs were identified in the assessment.',
    E: `${fill(w.outcome, n)}.${c.pfa ? ` Preparing for adulthood: ${n} will travel to a familiar place alone and take part in a work experience placement.` : ''}`,
    F: fill(w.provision, n) + '. Progress reviewed each term with the family.',
    G: fill(w.therapy, n) + '.',
    H1: o.socialCareNeeds ? 'Short breaks: one overnight stay a month with an approved provider.' : 'None.',
    H2: o.socialCareNeeds ? 'Access to the inclusive holiday activities programme.' : 'None.',
    I: o.setting,
    J: 'No personal budget was requested.',
    K: o.adviceFrom.length ? o.adviceFrom.join('\n') : 'Advice and information gathered during the assessment.',
  };
}

/** The reasons the council gives when it decides not to assess, or not to issue a plan. */
export const NOT_ASSESS_REASONS = [
  'The evidence shows good progress with the support the school already gives through SEN support. We suggest the school reviews its plan with you and asks the specialist teaching service for advice.',
  'The school has not yet had the chance to try the advice of the educational psychologist. We will look again if progress does not follow over the next two terms.',
] as const;

export const NOT_ISSUE_REASONS = [
  'The assessment shows that the school can meet the needs from its own resources, with the advice we gathered. We will send you that advice and a plan for SEN support.',
  'The advice shows the needs can be met at SEN support with speech and language therapy in school. You have the right to mediation and to appeal to the tribunal.',
] as const;

/** Why a request was made. */
export const REASONS = [
  'Progress has stalled despite two terms of SEN support and advice from the specialist teaching service.',
  'The school cannot meet the child’s needs from its own resources; the family is worried about attendance.',
  'A diagnosis this year and rising needs; the nursery has asked for more support before the move to school.',
  'The child is at risk of exclusion; the school has used the graduated approach for a year.',
] as const;

/** What families said about their draft plans. */
export const COMMENTS = [
  'We agree with most of the plan. Please say in section F who will give the speech and language support, and how often.',
  'Section A does not sound like our child. We have written what they told us at home.',
  'We are happy with the plan. We would like the school we named in section I.',
  'Please add the sleep problems to section C and the short breaks we talked about to section H2.',
] as const;
