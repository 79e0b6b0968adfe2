/**
 * The demo area's Local Offer: a few hundred invented services across Allerdale, Carlisle,
 * Copeland and the Millom border area, at venues in the real towns with invented street
 * addresses and postcodes in the real districts (CA1–CA28, LA18–LA20). Deterministic for a given
 * "today". Every organisation name is invented except the hub's own demo organisations (the
 * council, NHS bodies, the SENDIASS, the provider), which are linked so their users own them.
 *
 * `planLocalOffer` is pure and also makes the benchmark's 10,000 services.
 */
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { emptyBundle, insertBundle, type HsdsBundle } from '../features/local-offer/hsds.store.js';
import { needTermId, serviceTypeTermId, stableUuid } from '../features/local-offer/taxonomy.js';
import { rng, type Rng } from './prng.js';

export const LOCAL_OFFER_SEED = 20261124;

interface Town {
  name: string;
  locality: 'Allerdale' | 'Carlisle' | 'Copeland' | 'Millom border area';
  districts: string[];
  lat: number;
  lon: number;
  streets: string[];
}

export const TOWNS: readonly Town[] = [
  { name: 'Carlisle', locality: 'Carlisle', districts: ['CA1', 'CA2', 'CA3'], lat: 54.8925, lon: -2.9329, streets: ['Botchergate', 'Warwick Road', 'Scotland Road', 'Lowther Street', 'Currock Road', 'Newtown Road', 'Victoria Place', 'Durdar Road'] },
  { name: 'Brampton', locality: 'Carlisle', districts: ['CA8'], lat: 54.9409, lon: -2.7336, streets: ['Front Street', 'Moat Side', 'Lanercost Road'] },
  { name: 'Longtown', locality: 'Carlisle', districts: ['CA6'], lat: 55.0093, lon: -2.9697, streets: ['Swan Street', 'English Street', 'Netherby Road'] },
  { name: 'Dalston', locality: 'Carlisle', districts: ['CA5'], lat: 54.8456, lon: -2.9876, streets: ['The Square', 'Townhead Road'] },
  { name: 'Wetheral', locality: 'Carlisle', districts: ['CA4'], lat: 54.8836, lon: -2.8307, streets: ['The Green', 'Station Road'] },
  { name: 'Workington', locality: 'Allerdale', districts: ['CA14'], lat: 54.6425, lon: -3.5470, streets: ['Finkle Street', 'Harrington Road', 'Vulcans Lane', 'Moorclose Road', 'Washington Street'] },
  { name: 'Maryport', locality: 'Allerdale', districts: ['CA15'], lat: 54.7134, lon: -3.4950, streets: ['Senhouse Street', 'Crosby Street', 'Ewanrigg Road'] },
  { name: 'Cockermouth', locality: 'Allerdale', districts: ['CA13'], lat: 54.6631, lon: -3.3618, streets: ['Main Street', 'Lorton Road', 'Station Street'] },
  { name: 'Keswick', locality: 'Allerdale', districts: ['CA12'], lat: 54.6008, lon: -3.1347, streets: ['Station Street', 'Penrith Road', 'Bank Street'] },
  { name: 'Wigton', locality: 'Allerdale', districts: ['CA7'], lat: 54.8241, lon: -3.1612, streets: ['King Street', 'West Street', 'Station Hill'] },
  { name: 'Aspatria', locality: 'Allerdale', districts: ['CA7'], lat: 54.7652, lon: -3.3300, streets: ['Queen Street', 'King Street'] },
  { name: 'Silloth', locality: 'Allerdale', districts: ['CA7'], lat: 54.8694, lon: -3.3870, streets: ['Criffel Street', 'Eden Street'] },
  { name: 'Whitehaven', locality: 'Copeland', districts: ['CA28'], lat: 54.5492, lon: -3.5870, streets: ['Lowther Street', 'Duke Street', 'Hensingham Road', 'Inkerman Terrace', 'Coach Road'] },
  { name: 'Egremont', locality: 'Copeland', districts: ['CA22'], lat: 54.4820, lon: -3.5310, streets: ['Main Street', 'Beck Green', 'Orgill Road'] },
  { name: 'Cleator Moor', locality: 'Copeland', districts: ['CA25'], lat: 54.5213, lon: -3.5155, streets: ['Market Square', 'High Street', 'Ennerdale Road'] },
  { name: 'Frizington', locality: 'Copeland', districts: ['CA26'], lat: 54.5410, lon: -3.4970, streets: ['Main Street', 'Lingley Road'] },
  { name: 'Seascale', locality: 'Copeland', districts: ['CA20'], lat: 54.3960, lon: -3.4840, streets: ['Gosforth Road', 'The Banks'] },
  { name: 'St Bees', locality: 'Copeland', districts: ['CA27'], lat: 54.4921, lon: -3.5929, streets: ['Main Street', 'Outrigg'] },
  { name: 'Millom', locality: 'Millom border area', districts: ['LA18'], lat: 54.2104, lon: -3.2714, streets: ['Lapstone Road', 'Wellington Street', 'Market Square', 'Lancashire Road'] },
  { name: 'Haverigg', locality: 'Millom border area', districts: ['LA18'], lat: 54.1990, lon: -3.2900, streets: ['Main Street', 'Sea View'] },
  { name: 'Bootle', locality: 'Millom border area', districts: ['LA19'], lat: 54.2905, lon: -3.3930, streets: ['Main Street'] },
  { name: 'Broughton-in-Furness', locality: 'Millom border area', districts: ['LA20'], lat: 54.2775, lon: -3.2120, streets: ['The Square', 'Princes Street'] },
];

/** Kinds of venue a town has; each town gets some of them. */
const VENUES = [
  { key: 'family-hub', name: (t: string) => `${t} Family Hub`, access: 'Step-free entrance, accessible toilet and a quiet room.' },
  { key: 'library', name: (t: string) => `${t} Library`, access: 'Step-free access from the street; hearing loop at the desk.' },
  { key: 'leisure', name: (t: string) => `${t} Leisure Centre`, access: 'Changing Places toilet, hoist, pool pod and accessible parking.' },
  { key: 'clinic', name: (t: string) => `${t} Children's Health Centre`, access: 'Ground floor rooms, lift to first floor, accessible parking bays.' },
  { key: 'community', name: (t: string) => `${t} Community Centre`, access: 'Ramp at the side entrance; accessible toilet.' },
  { key: 'youth', name: (t: string) => `${t} Youth Centre`, access: 'Ground floor only; sensory room available on request.' },
] as const;

interface OrgPlan {
  key: string;
  name: string;
  description: string;
  /** A hub demo organisation by exact name, so its users own the record. */
  platformName?: string;
  email?: string;
  website?: string;
}

const ORGS: readonly OrgPlan[] = [
  { key: 'council', name: 'Cumberland Council', platformName: 'Cumberland Council', description: 'The local authority: Family Hubs, short breaks, SEND and inclusion services.', email: 'localoffer@demo.send-hub.example', website: 'https://demo.send-hub.example/local-offer' },
  { key: 'riverside', name: 'Riverside Speech and Language CIC', platformName: 'Riverside Speech and Language CIC', description: 'A community interest company of speech and language therapists working with children, families and schools.', email: 'hello@riverside-salt.example', website: 'https://riverside-salt.example' },
  { key: 'ncic', name: 'North Cumbria Integrated Care NHS Foundation Trust', platformName: 'North Cumbria Integrated Care NHS Foundation Trust', description: 'Community health services for children and young people in north Cumbria.', website: 'https://nhs-trust.example' },
  { key: 'cntw', name: 'Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust', platformName: 'Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust', description: 'Mental health and neurodevelopmental services for children and young people.', website: 'https://mental-health-trust.example' },
  { key: 'sendiass', name: 'Cumberland SENDIASS', platformName: 'Cumberland SENDIASS', description: 'Free, impartial and confidential information, advice and support about SEND.', email: 'sendiass@demo.send-hub.example' },
  { key: 'solway-breaks', name: 'Solway Short Breaks Trust', description: 'A charity running short breaks, holiday clubs and after-school activities for disabled children.', email: 'bookings@solway-breaks.example' },
  { key: 'west-autism', name: 'West Cumbria Autism Network', description: 'A parent-led charity supporting autistic children, young people and their families.', email: 'info@wcan.example' },
  { key: 'fellside-parents', name: 'Fellside Parent Carer Network', description: 'Parent carers supporting each other across Cumberland.', email: 'hello@fellside-parents.example' },
  { key: 'border-sport', name: 'Border Inclusive Sport', description: 'Inclusive sport and swimming sessions for disabled children and young people.', email: 'play@border-sport.example' },
  { key: 'eden-ot', name: 'Eden and Solway Children\'s OT', description: 'Independent occupational therapists for children and young people.', email: 'referrals@eden-solway-ot.example' },
  { key: 'duddon-family', name: 'Duddon and Millom Family Support', description: 'Family support workers and groups in Millom and the Duddon valley.', email: 'team@duddon-family.example' },
  { key: 'lakes-sensory', name: 'Lakes Sensory Support', description: 'Qualified teachers of the deaf and of children with vision impairment.', email: 'sensory@lakes-sensory.example' },
  { key: 'copeland-youth', name: 'Copeland Youth Partnership', description: 'Youth clubs and activities for young people aged 8 to 25 across Copeland.', email: 'youth@copeland-youth.example' },
  { key: 'west-college', name: 'West Cumbria College', description: 'Further education, supported internships and foundation learning.', email: 'inclusion@west-college.example', website: 'https://west-college.example' },
  { key: 'pathways', name: 'Pathways to Work Cumbria', description: 'Supported employment and job coaching for young people with SEND.', email: 'coach@pathways-cumbria.example' },
  { key: 'little-steps', name: 'Little Steps Portage', description: 'A home-visiting educational service for pre-school children with SEND.', email: 'portage@little-steps.example' },
];

interface ServicePlan {
  type: string;
  org: string;
  name: (town: string) => string;
  description: string;
  needs: string[];
  ages: [number, number];
  venue: (typeof VENUES)[number]['key'];
  how: string;
  cost: { option: string; amount: number; per?: string } | 'free';
  schedule: { byday: string; opens: string; closes: string; freq?: 'WEEKLY' | 'MONTHLY'; interval?: number; attending?: 'in_person' | 'online' | 'phone' };
  /** Towns (by name) this runs in; all towns when absent. */
  towns?: string[];
  languages?: string[];
}

const SERVICES: readonly ServicePlan[] = [
  { type: 'speech-language', org: 'ncic', name: (t) => `Children's speech and language therapy, ${t}`, description: 'Assessment and therapy for children who find it hard to talk, understand what others say, or eat and drink safely. Therapists work with you, your child\'s nursery or school.', needs: ['SLCN'], ages: [0, 18], venue: 'clinic', how: 'Ask your health visitor, GP, nursery or school to refer your child, or ring us for advice first.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '16:30' }, languages: ['English', 'Polish'] },
  { type: 'speech-language', org: 'riverside', name: (t) => `Talk Together drop-in, ${t}`, description: 'A relaxed drop-in where a speech and language therapist answers your questions about your child\'s talking and listening, and shows you games to play at home.', needs: ['SLCN', 'ASD'], ages: [1, 7], venue: 'family-hub', how: 'Just come along; no referral needed.', cost: 'free', schedule: { byday: 'WE', opens: '09:30', closes: '11:30' }, towns: ['Carlisle', 'Workington', 'Whitehaven', 'Millom', 'Brampton', 'Wigton'] },
  { type: 'family-hub', org: 'council', name: (t) => `SEND stay and play, ${t}`, description: 'A friendly weekly session for families of children with additional needs. Sensory toys, messy play and time to talk to other parents and our SEND practitioner.', needs: ['SLCN', 'ASD', 'PMLD', 'SLD', 'PD', 'MSI'], ages: [0, 5], venue: 'family-hub', how: 'Drop in. If it is your first visit, you can ring the Family Hub to say you are coming.', cost: 'free', schedule: { byday: 'TH', opens: '10:00', closes: '11:30' } },
  { type: 'family-hub', org: 'council', name: (t) => `Family Hub SEND advice clinic, ${t}`, description: 'Book a 30-minute chat with a SEND practitioner about getting support at nursery or school, EHC needs assessments, or what is on locally.', needs: ['SLCN', 'ASD', 'SEMH', 'MLD', 'SPLD', 'PD'], ages: [0, 25], venue: 'family-hub', how: 'Book by phone or at the Family Hub reception.', cost: 'free', schedule: { byday: 'TU', opens: '13:00', closes: '16:00', freq: 'MONTHLY' } },
  { type: 'short-break', org: 'solway-breaks', name: (t) => `Saturday short breaks club, ${t}`, description: 'Games, crafts, cooking and trips for disabled children and young people, with trained staff so parents and carers get a break.', needs: ['ASD', 'SLD', 'PMLD', 'PD', 'SEMH', 'MLD'], ages: [5, 18], venue: 'community', how: 'Ask for a short breaks assessment, or book directly if your child already has a short breaks plan.', cost: { option: 'Per session', amount: 5, per: 'per session' }, schedule: { byday: 'SA', opens: '10:00', closes: '15:00' } },
  { type: 'holiday', org: 'solway-breaks', name: (t) => `Holiday activity club, ${t}`, description: 'Fun days in the Easter, summer and October holidays with a high staff ratio, a quiet space and a hot lunch.', needs: ['ASD', 'SLD', 'MLD', 'SEMH', 'PD'], ages: [5, 16], venue: 'leisure', how: 'Book online or by phone; places go quickly in summer.', cost: { option: 'Free for children on free school meals', amount: 0 }, schedule: { byday: 'MO,TU,WE,TH', opens: '09:30', closes: '15:30' } },
  { type: 'autism', org: 'west-autism', name: (t) => `Autism family support group, ${t}`, description: 'Meet other parents of autistic children, share what works, and hear from visiting speakers. Children welcome; there is a sensory corner.', needs: ['ASD'], ages: [0, 25], venue: 'community', how: 'Drop in, or email us first if you would like someone to meet you at the door.', cost: 'free', schedule: { byday: 'MO', opens: '18:30', closes: '20:00', freq: 'MONTHLY' } },
  { type: 'autism', org: 'cntw', name: (t) => `Neurodevelopmental pathway clinic, ${t}`, description: 'Assessment for autism and ADHD for children and young people, with advice for families and schools while you wait.', needs: ['ASD', 'SEMH'], ages: [4, 18], venue: 'clinic', how: 'Your child\'s school, GP or paediatrician refers. You can ask about the waiting time by phone.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '17:00' }, towns: ['Carlisle', 'Workington', 'Whitehaven', 'Millom'] },
  { type: 'occupational-therapy', org: 'ncic', name: (t) => `Children's occupational therapy, ${t}`, description: 'Help with everyday skills like dressing, eating, handwriting and play, and advice on equipment and sensory needs.', needs: ['PD', 'ASD', 'MSI', 'SLD', 'PMLD'], ages: [0, 19], venue: 'clinic', how: 'A GP, school, health visitor or other professional refers.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '08:30', closes: '16:30' } },
  { type: 'occupational-therapy', org: 'eden-ot', name: (t) => `Sensory and handwriting group, ${t}`, description: 'A six-week group for children who struggle with handwriting, balance or sensory overload, with ideas to use at home and school.', needs: ['SPLD', 'ASD', 'PD'], ages: [5, 11], venue: 'library', how: 'Book a place by email. No referral needed.', cost: { option: 'Six-week course', amount: 60, per: 'for the course' }, schedule: { byday: 'TU', opens: '16:00', closes: '17:00' } },
  { type: 'physiotherapy', org: 'ncic', name: (t) => `Children's physiotherapy, ${t}`, description: 'Help with movement, posture, walking and strength for babies, children and young people.', needs: ['PD', 'PMLD'], ages: [0, 19], venue: 'clinic', how: 'A GP, paediatrician or health visitor refers.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '16:00' }, towns: ['Carlisle', 'Workington', 'Whitehaven', 'Keswick', 'Millom'] },
  { type: 'mental-health', org: 'cntw', name: (t) => `Young people's wellbeing drop-in, ${t}`, description: 'Talk to a mental health worker about worries, low mood, anxiety or anger. Parents can come too.', needs: ['SEMH'], ages: [11, 18], venue: 'youth', how: 'Drop in, or text to book a time.', cost: 'free', schedule: { byday: 'WE', opens: '15:30', closes: '18:00' } },
  { type: 'sensory', org: 'lakes-sensory', name: (t) => `Hearing and vision support, ${t}`, description: 'Specialist teachers for children with hearing or vision impairment, at home, in nursery and in school.', needs: ['HI', 'VI', 'MSI'], ages: [0, 19], venue: 'clinic', how: 'Audiology, eye clinic, school or parents can refer.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '16:30' }, towns: ['Carlisle', 'Workington', 'Whitehaven', 'Millom', 'Cockermouth'] },
  { type: 'youth-club', org: 'copeland-youth', name: (t) => `Inclusive youth club, ${t}`, description: 'A youth club where everyone is welcome: games, music, cooking and trips, with support workers for those who need them.', needs: ['ASD', 'MLD', 'SLD', 'SEMH', 'PD', 'HI', 'VI'], ages: [8, 25], venue: 'youth', how: 'Come along with a parent or carer the first time to fill in a form.', cost: { option: 'Per session', amount: 1, per: 'per session' }, schedule: { byday: 'TH', opens: '18:00', closes: '20:00' } },
  { type: 'sport-play', org: 'border-sport', name: (t) => `Inclusive swimming, ${t}`, description: 'A quiet pool session with warm water, a hoist and instructors trained in SEND. Parents and carers can get in the pool too.', needs: ['PD', 'PMLD', 'ASD', 'SLD', 'VI', 'HI'], ages: [3, 25], venue: 'leisure', how: 'Book at the leisure centre reception or by phone.', cost: { option: 'Per swim', amount: 2.5, per: 'per swim; carers free' }, schedule: { byday: 'SU', opens: '09:00', closes: '10:00' } },
  { type: 'parent-groups', org: 'fellside-parents', name: (t) => `Parent carer coffee morning, ${t}`, description: 'A relaxed coffee morning for parents and carers of children with SEND. Share experiences and find out about local services.', needs: ['SLCN', 'ASD', 'SEMH', 'MLD', 'SLD', 'PMLD', 'PD', 'SPLD'], ages: [0, 25], venue: 'library', how: 'Just come along.', cost: 'free', schedule: { byday: 'FR', opens: '10:00', closes: '12:00', freq: 'MONTHLY' } },
  { type: 'sendiass', org: 'sendiass', name: (t) => `SENDIASS advice surgery, ${t}`, description: 'Free, impartial and confidential advice about support in school, EHC needs assessments, plans, annual reviews and tribunals.', needs: ['SLCN', 'ASD', 'SEMH', 'MLD', 'SLD', 'PMLD', 'PD', 'SPLD', 'HI', 'VI', 'MSI', 'OTH'], ages: [0, 25], venue: 'library', how: 'Book an appointment by phone or email. Young people can contact us themselves.', cost: 'free', schedule: { byday: 'TU', opens: '10:00', closes: '14:00', freq: 'MONTHLY' }, towns: ['Carlisle', 'Workington', 'Whitehaven', 'Millom', 'Maryport', 'Cockermouth', 'Egremont', 'Wigton'] },
  { type: 'early-years', org: 'little-steps', name: (t) => `Portage home visiting, ${t} area`, description: 'A Portage home visitor comes to your home every two weeks to help your young child learn through play, with small steps you plan together.', needs: ['SLD', 'PMLD', 'SLCN', 'PD', 'MSI'], ages: [0, 5], venue: 'family-hub', how: 'Anyone can refer, including parents. Ring or email us.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '15:00' } },
  { type: 'post-16', org: 'west-college', name: (t) => `Supported internships, ${t}`, description: 'A year-long study programme based at an employer, with a job coach, for young people aged 16 to 24 with an EHC plan.', needs: ['MLD', 'SLD', 'ASD', 'SLCN'], ages: [16, 24], venue: 'community', how: 'Talk to your school, college or EHC caseworker, or contact the college inclusion team.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH', opens: '09:00', closes: '15:00' }, towns: ['Carlisle', 'Workington', 'Whitehaven'] },
  { type: 'adulthood', org: 'pathways', name: (t) => `Job coaching and travel training, ${t}`, description: 'One-to-one help to find work or volunteering, practise journeys on public transport, and manage money.', needs: ['MLD', 'SLD', 'ASD', 'SEMH'], ages: [16, 25], venue: 'community', how: 'Refer yourself by phone or email, or ask your social worker or college.', cost: 'free', schedule: { byday: 'MO,WE,FR', opens: '09:30', closes: '16:00' } },
  { type: 'family-support', org: 'duddon-family', name: (t) => `Family support worker, ${t}`, description: 'Practical help at home for families finding things hard: routines, sleep, behaviour and getting to appointments.', needs: ['SEMH', 'ASD', 'SLD', 'MLD'], ages: [0, 18], venue: 'family-hub', how: 'Ask your health visitor, school or Family Hub, or ring us yourself.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '17:00' }, towns: ['Millom', 'Haverigg', 'Bootle', 'Broughton-in-Furness'] },
  { type: 'social-care', org: 'council', name: (t) => `Children with disabilities team, ${t} office`, description: 'Social workers who assess and support disabled children and their families, including short breaks and direct payments.', needs: ['PMLD', 'SLD', 'PD', 'MSI', 'ASD'], ages: [0, 18], venue: 'community', how: 'Contact the council\'s children\'s services front door by phone; anyone can make a referral.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '08:45', closes: '17:00' }, towns: ['Carlisle', 'Workington', 'Whitehaven'] },
  { type: 'school-support', org: 'council', name: (t) => `Specialist advisory teachers, ${t}`, description: 'Advisory teachers who help schools and nurseries support children with learning, communication and autism needs.', needs: ['SLCN', 'ASD', 'MLD', 'SPLD', 'SEMH'], ages: [2, 16], venue: 'community', how: 'Your child\'s school or nursery asks for the service; ask the SENCO.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '08:30', closes: '16:30' }, towns: ['Carlisle', 'Workington', 'Whitehaven', 'Millom'] },
  { type: 'transport', org: 'council', name: (t) => `Independent travel training, ${t}`, description: 'Trainers help young people learn to travel to school or college on their own, safely and confidently.', needs: ['MLD', 'SLD', 'ASD', 'SLCN'], ages: [11, 25], venue: 'community', how: 'Ask the school transport team, or your school or college.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '08:00', closes: '17:00' }, towns: ['Carlisle', 'Workington', 'Whitehaven', 'Cockermouth', 'Maryport'] },
  { type: 'equipment', org: 'ncic', name: (t) => `Children's equipment service, ${t}`, description: 'Equipment for home and school, like seating, bath aids and standing frames, after an assessment by an occupational therapist or physiotherapist.', needs: ['PD', 'PMLD'], ages: [0, 18], venue: 'clinic', how: 'Your child\'s therapist orders equipment for you.', cost: 'free', schedule: { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '16:00' }, towns: ['Carlisle', 'Workington', 'Whitehaven'] },
];

const TOWN_NAMES = new Set(TOWNS.map((t) => t.name));
for (const s of SERVICES) for (const t of s.towns ?? []) if (!TOWN_NAMES.has(t)) throw new Error(`local-offer seed: no town ${t}`);

export interface LocalOfferPlanOptions {
  /** How many services; the demo makes about 300 (every plan in every town it runs in). */
  count?: number;
  seed?: number;
  /** 'YYYY-MM-DD': last-checked dates are this many days back. */
  today: string;
  /** Hub organisations by name → id, to link the HSDS organisations their users own. */
  platformOrganisations?: ReadonlyMap<string, string>;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function postcode(r: Rng, town: Town): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${r.pick(town.districts)} ${r.int(1, 9)}${letters[r.int(0, letters.length - 1)]}${letters[r.int(0, letters.length - 1)]}`;
}

/** Ofcom's range for drama (01632 960000 to 960999), so no invented number rings anyone. */
function phoneNumber(r: Rng): string {
  return `01632 960${r.digits(3)}`;
}

/**
 * The plan of the Local Offer as HSDS rows. Without `count`, every service plan in every town
 * it runs in (about 300); with `count`, cycles through towns and plans until there are that many
 * (the benchmark's 10,000), numbering repeats so names stay distinct.
 */
export function planLocalOffer(options: LocalOfferPlanOptions): HsdsBundle {
  const r = rng(options.seed ?? LOCAL_OFFER_SEED);
  const b = emptyBundle();
  const orgIds = new Map<string, string>();
  for (const o of ORGS) {
    const id = stableUuid(`demo:lo:org:${o.key}`);
    orgIds.set(o.key, id);
    b.organizations.push({
      id, name: o.name, description: o.description, email: o.email ?? null, website: o.website ?? null,
      platform_organisation_id: (o.platformName && options.platformOrganisations?.get(o.platformName)) || null,
    });
  }

  // Venues: each town has every kind, made on first use.
  const venueIds = new Map<string, string>();
  const venue = (town: Town, kind: (typeof VENUES)[number], copy: number): string => {
    const key = `${town.name}:${kind.key}:${copy}`;
    const existing = venueIds.get(key);
    if (existing) return existing;
    const id = stableUuid(`demo:lo:location:${key}`);
    venueIds.set(key, id);
    const name = copy === 0 ? kind.name(town.name) : `${kind.name(town.name)} (${copy + 1})`;
    b.locations.push({
      id, location_type: 'physical', name, locality: town.locality,
      latitude: Math.round((town.lat + (r.next() - 0.5) * 0.02) * 1e5) / 1e5,
      longitude: Math.round((town.lon + (r.next() - 0.5) * 0.03) * 1e5) / 1e5,
    });
    b.addresses.push({
      id: stableUuid(`demo:lo:address:${key}`), location_id: id, address_1: `${r.int(1, 120)} ${r.pick(town.streets)}`,
      city: town.name, state_province: 'Cumbria', postal_code: postcode(r, town), country: 'GB', address_type: 'physical',
    });
    b.accessibility.push({ id: stableUuid(`demo:lo:accessibility:${key}`), location_id: id, description: kind.access });
    return id;
  };

  // Which (plan, town) pairs, in a stable order.
  const pairs: { plan: ServicePlan; town: Town }[] = [];
  for (const plan of SERVICES) for (const town of TOWNS) if (!plan.towns || plan.towns.includes(town.name)) pairs.push({ plan, town });
  const count = options.count ?? pairs.length;

  for (let n = 0; n < count; n++) {
    const { plan, town } = pairs[n % pairs.length]!;
    const round = Math.floor(n / pairs.length);
    const id = stableUuid(`demo:lo:service:${n}`);
    const kind = VENUES.find((v) => v.key === plan.venue)!;
    const locationId = venue(town, kind, round);
    // Most services were checked in the last year; about one in eight not for over a year.
    const stale = r.chance(0.12);
    const checkedDaysAgo = stale ? r.int(370, 720) : r.int(3, 330);
    const org = orgIds.get(plan.org)!;
    const name = round === 0 ? plan.name(town.name) : `${plan.name(town.name)} (${round + 1})`;
    const status = n > 0 && r.chance(0.02) ? 'temporarily closed' : 'active';
    const orgPlan = ORGS.find((o) => o.key === plan.org)!;
    b.services.push({
      id, organization_id: org, name, description: plan.description, status,
      application_process: plan.how,
      fees: plan.cost === 'free' ? 'Free' : 'Charged',
      fees_description: plan.cost === 'free' ? 'Free' : plan.cost.amount === 0 ? plan.cost.option : `£${plan.cost.amount.toFixed(2)} ${plan.cost.per ?? ''}`.trim(),
      eligibility_description: `Children and young people aged ${plan.ages[0]} to ${plan.ages[1]} living in or near ${town.name}.`,
      minimum_age: plan.ages[0], maximum_age: plan.ages[1],
      email: orgPlan.email ?? null, url: orgPlan.website ?? null,
      last_checked_on: addDays(options.today, -checkedDaysAgo),
      last_modified: `${addDays(options.today, -checkedDaysAgo)}T09:00:00Z`,
    });
    const salId = stableUuid(`demo:lo:sal:${n}`);
    b.service_at_locations.push({ id: salId, service_id: id, location_id: locationId });
    const contactId = stableUuid(`demo:lo:contact:${n}`);
    b.contacts.push({ id: contactId, service_id: id, name: `${town.name} ${plan.type === 'family-hub' ? 'Family Hub team' : 'team'}`, title: 'Duty worker', email: orgPlan.email ?? null });
    b.phones.push({ id: stableUuid(`demo:lo:phone:${n}`), contact_id: contactId, number: phoneNumber(r), type: 'voice' });
    b.phones.push({ id: stableUuid(`demo:lo:service-phone:${n}`), service_id: id, number: phoneNumber(r), type: 'voice', description: 'Bookings and questions' });
    const s = plan.schedule;
    b.schedules.push({
      id: stableUuid(`demo:lo:schedule:${n}`), service_at_location_id: salId, freq: s.freq ?? 'WEEKLY', interval: s.interval ?? 1,
      byday: s.freq === 'MONTHLY' ? `1${s.byday}` : s.byday, opens_at: s.opens, closes_at: s.closes,
      valid_from: addDays(options.today, -365), attending_type: s.attending ?? 'in_person',
      description: s.freq === 'MONTHLY' ? 'First week of every month' : 'Every week in term time and the holidays, except bank holidays',
    });
    if (plan.cost === 'free') {
      b.cost_options.push({ id: stableUuid(`demo:lo:cost:${n}`), service_id: id, option: 'Free', amount: 0, currency: 'GBP' });
    } else {
      b.cost_options.push({ id: stableUuid(`demo:lo:cost:${n}`), service_id: id, option: plan.cost.option, amount: plan.cost.amount, currency: 'GBP', amount_description: plan.cost.per ?? null });
    }
    for (const [i, lang] of (plan.languages ?? ['English']).entries()) {
      b.languages.push({ id: stableUuid(`demo:lo:language:${n}:${i}`), service_id: id, name: lang, code: lang === 'Polish' ? 'pl' : 'en' });
    }
    b.service_attributes.push({ id: stableUuid(`demo:lo:attribute:${n}`), service_id: id, taxonomy_term_id: serviceTypeTermId(plan.type) });
    for (const need of plan.needs) b.service_needs.push({ service_id: id, need });
  }
  return b;
}

/** The service-type and need term ids the plan uses (all exist in the migration's taxonomies). */
export const usedTermIds = (): string[] => [...new Set(SERVICES.map((s) => serviceTypeTermId(s.type)))].concat(SERVICES.flatMap((s) => s.needs.map(needTermId)));

export interface LocalOfferDemoResult {
  added: boolean;
  services: number;
}

/**
 * Adds the demo Local Offer, once: if the demo's council organisation record is there, it does
 * nothing. `today` sets the last-checked dates (some are more than 12 months back).
 */
export async function seedLocalOfferDemo(db: Db, today: string = new Date().toISOString().slice(0, 10), count?: number): Promise<LocalOfferDemoResult> {
  const marker = stableUuid('demo:lo:org:council');
  const exists = await db.selectFrom('organizations').select('id').where('id', '=', marker).executeTakeFirst();
  if (exists) return { added: false, services: 0 };
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).execute();
  const bundle = planLocalOffer({ today, platformOrganisations: new Map(orgs.map((o) => [o.name, o.id])), ...(count ? { count } : {}) });
  await inTransaction(db, (tx) => insertBundle(tx, bundle));
  return { added: true, services: bundle.services.length };
}
