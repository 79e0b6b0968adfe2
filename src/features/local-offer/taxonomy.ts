/**
 * The Local Offer's maintained taxonomies, written once in the migration and kept here so code
 * and tests can name terms by code:
 *
 * - "Local Offer service types": what a service is, two levels (a category, then a type), in
 *   the style of the ORUK / LGA service type lists but small and in words a parent uses;
 * - "SEND primary need": the SEN2 / school census primary-need categories (codes.ts), so a
 *   service's needs can travel in the HSDS API as attributes like any other taxonomy term.
 *
 * Ids are stable (derived from the code), so an export from one install imports into another.
 */
import { createHash } from 'node:crypto';
import { SEN_NEEDS, type SenNeed } from '../data-hub/formats/codes.js';

/** A stable RFC 4122 version-5-shaped uuid for a name: the same name gives the same id everywhere. */
export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(`send-hub:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface TermDefinition {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  /** The parent category's code; none for a category. */
  readonly parent?: string;
}

export const SERVICE_TYPE_TAXONOMY = {
  id: stableUuid('taxonomy:service-type'),
  name: 'Local Offer service types',
  description: 'What a service in the Local Offer is: a category, then a type of service within it.',
  version: '1.0',
} as const;

export const NEED_TAXONOMY = {
  id: stableUuid('taxonomy:send-primary-need'),
  name: 'SEND primary need',
  description: 'The categories of special educational need and disability used by the SEN2 return and the school census.',
  version: '2024',
} as const;

export const SERVICE_TYPES: readonly TermDefinition[] = [
  { code: 'advice', name: 'Advice and information', description: 'Help to understand SEND, your rights and the support on offer.' },
  { code: 'sendiass', parent: 'advice', name: 'SEND information, advice and support (SENDIASS)', description: 'Free, impartial and confidential advice about SEND for children, young people and parents.' },
  { code: 'family-hub', parent: 'advice', name: 'Family Hub sessions', description: 'Drop-in and booked sessions at Family Hubs, including SEND sessions.' },
  { code: 'parent-groups', parent: 'advice', name: 'Parent and carer groups', description: 'Groups where parents and carers support each other and share what works.' },

  { code: 'health', name: 'Health and therapy', description: 'Health services and therapies for children and young people.' },
  { code: 'speech-language', parent: 'health', name: 'Speech and language therapy', description: 'Help with talking, understanding, communication, eating and drinking.' },
  { code: 'occupational-therapy', parent: 'health', name: 'Occupational therapy', description: 'Help with everyday skills, movement, handwriting and sensory needs.' },
  { code: 'physiotherapy', parent: 'health', name: 'Physiotherapy', description: 'Help with movement, posture and physical development.' },
  { code: 'mental-health', parent: 'health', name: 'Emotional wellbeing and mental health', description: 'Support with feelings, anxiety and mental health.' },
  { code: 'autism', parent: 'health', name: 'Autism and neurodevelopmental support', description: 'Assessment, advice and support for autistic children and young people and those with ADHD.' },
  { code: 'sensory', parent: 'health', name: 'Hearing and vision support', description: 'Specialist support for children and young people with hearing or vision impairment.' },

  { code: 'short-breaks', name: 'Short breaks and leisure', description: 'Time for children to have fun and for parents and carers to have a break.' },
  { code: 'short-break', parent: 'short-breaks', name: 'Short breaks', description: 'Activities and care that give parents and carers a break.' },
  { code: 'youth-club', parent: 'short-breaks', name: 'Youth clubs and activities', description: 'Regular clubs and activities for children and young people.' },
  { code: 'holiday', parent: 'short-breaks', name: 'Holiday activities', description: 'Activities in the school holidays.' },
  { code: 'sport-play', parent: 'short-breaks', name: 'Sport and play', description: 'Inclusive sport, swimming and play.' },

  { code: 'education', name: 'Education and training', description: 'Support with learning, from the early years to adulthood.' },
  { code: 'early-years', parent: 'education', name: 'Early years support', description: 'Support for babies and young children before they start school.' },
  { code: 'school-support', parent: 'education', name: 'Support in school', description: 'Specialist teaching and advice for children in school.' },
  { code: 'post-16', parent: 'education', name: 'Post-16 education and training', description: 'College, apprenticeships, supported internships and training.' },
  { code: 'adulthood', parent: 'education', name: 'Preparing for adulthood', description: 'Help with work, living independently, friendships and health as young people grow up.' },

  { code: 'family-support', name: 'Care and family support', description: 'Social care, practical help and support for the whole family.' },
  { code: 'social-care', parent: 'family-support', name: 'Social care', description: 'Assessments and support from the children with disabilities team.' },
  { code: 'equipment', parent: 'family-support', name: 'Equipment and adaptations', description: 'Equipment and changes to the home.' },
  { code: 'transport', parent: 'family-support', name: 'Travel and transport', description: 'Help getting to school, college and activities, and travel training.' },
];

/** The needs a service can be for: every SEN2 primary need but "no specialist assessment". */
export const NEED_TERMS: readonly (TermDefinition & { code: SenNeed })[] = SEN_NEEDS.entries
  .filter((e) => e.code !== 'NSA')
  .map((e) => ({ code: e.code, name: e.label, description: `Services for children and young people whose primary need is: ${e.label.toLowerCase()}.` }));

export function serviceTypeTermId(code: string): string {
  return stableUuid(`taxonomy-term:service-type:${code}`);
}

export function needTermId(code: string): string {
  return stableUuid(`taxonomy-term:send-primary-need:${code}`);
}

/** The four localities of the demo area's Local Offer. */
export const LOCAL_OFFER_LOCALITIES = ['Allerdale', 'Carlisle', 'Copeland', 'Millom border area'] as const;
export type LocalOfferLocality = (typeof LOCAL_OFFER_LOCALITIES)[number];
