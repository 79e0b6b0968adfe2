/**
 * The Local Offer's demo events and feedback, after the directory's services
 * (seedLocalOfferDemo): Family Hub SEND sessions, groups and activities over the next eight
 * weeks in each locality, and comments from families, some published with the council's
 * response and some waiting for the officer. All made up. Deterministic for a given "today".
 */
import type { Db } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { serviceTypeTermId } from '../features/local-offer/taxonomy.js';

interface EventTemplate {
  title: string;
  description: string;
  place: string;
  address: string;
  postcode: string;
  locality: string;
  /** Days from today, the local start time and length in minutes. */
  day: number;
  start: string;
  minutes: number;
  booking: string | null;
  cost: string | null;
  ages: [number | null, number | null];
  /** A service type: the event is linked to the first such service in its locality, if any. */
  serviceType?: string;
  /** Repeat every 7 days this many more times. */
  weekly?: number;
}

const EVENTS: EventTemplate[] = [
  {
    title: 'SEND drop-in at Carlisle Family Hub', place: 'Carlisle Family Hub', address: '14 Botchergate, Carlisle', postcode: 'CA1 1QS', locality: 'Carlisle',
    description: 'Come and talk to a SEND practitioner about your child’s needs, support at nursery or school, and what is on near you. No appointment needed. Children welcome: there are toys and a quiet corner.',
    day: 2, start: '10:00', minutes: 120, booking: null, cost: null, ages: [0, 25], serviceType: 'family-hub', weekly: 7,
  },
  {
    title: 'SEND drop-in at Workington Family Hub', place: 'Workington Family Hub', address: '3 Oxford Street, Workington', postcode: 'CA14 2AL', locality: 'Allerdale',
    description: 'Talk to a SEND practitioner and a health visitor about your child’s development, speech, sleep or behaviour. No appointment needed.',
    day: 3, start: '13:30', minutes: 120, booking: null, cost: null, ages: [0, 25], serviceType: 'family-hub', weekly: 7,
  },
  {
    title: 'SEND drop-in at Whitehaven Family Hub', place: 'Whitehaven Family Hub', address: '21 Lowther Street, Whitehaven', postcode: 'CA28 7DG', locality: 'Copeland',
    description: 'Advice about SEND support, the Local Offer and education, health and care plans. No appointment needed.',
    day: 4, start: '09:30', minutes: 150, booking: null, cost: null, ages: [0, 25], serviceType: 'family-hub', weekly: 7,
  },
  {
    title: 'SEND drop-in at Millom Family Hub', place: 'Millom Family Hub', address: '5 Lapstone Road, Millom', postcode: 'LA18 4BT', locality: 'Millom border area',
    description: 'A monthly drop-in for families in Millom and the villages nearby. Talk to someone about SEND support, health services from south Cumbria, and what is on locally.',
    day: 9, start: '10:00', minutes: 120, booking: null, cost: null, ages: [0, 25], serviceType: 'family-hub',
  },
  {
    title: 'Sensory play for under-fives', place: 'Carlisle Family Hub', address: '14 Botchergate, Carlisle', postcode: 'CA1 1QS', locality: 'Carlisle',
    description: 'A calm, low-light play session with sensory toys, bubbles and music for babies and young children with additional needs, and their parents or carers.',
    day: 5, start: '10:00', minutes: 60, booking: 'Book a place by phoning the Family Hub on 01228 000 101. Places are limited to 8 families.', cost: null, ages: [0, 5], serviceType: 'early-years', weekly: 3,
  },
  {
    title: 'Understanding education, health and care plans: a workshop for parents', place: 'Cockermouth Library', address: 'Main Street, Cockermouth', postcode: 'CA13 9LE', locality: 'Allerdale',
    description: 'SENDIASS explain what an education, health and care plan is, how to ask for an assessment, what the plan should say, and what to do if you disagree. Bring your questions.',
    day: 12, start: '18:30', minutes: 90, booking: 'Book with SENDIASS by email at sendiass@demo.send-hub.example or phone 01228 000 202.', cost: null, ages: [null, null], serviceType: 'sendiass',
  },
  {
    title: 'Coffee morning for parents and carers', place: 'St Bees Village Hall', address: 'Main Street, St Bees', postcode: 'CA27 0DE', locality: 'Copeland',
    description: 'Meet other parents and carers of children with SEND, share what works, and hear what the parent carer forum is doing. Tea, coffee and cake.',
    day: 6, start: '10:00', minutes: 90, booking: null, cost: null, ages: [null, null], serviceType: 'parent-groups', weekly: 4,
  },
  {
    title: 'Inclusive youth club', place: 'Maryport Youth Centre', address: 'Station Street, Maryport', postcode: 'CA15 6LU', locality: 'Allerdale',
    description: 'Games, cooking, music and a chill-out room for young people aged 11 to 19 with SEND. Support workers on hand. Young people can come on their own or with a carer.',
    day: 1, start: '18:00', minutes: 120, booking: 'Ring the youth centre on 01900 000 303 before your first visit so we can meet you.', cost: '£2 a session', ages: [11, 19], serviceType: 'youth-club', weekly: 7,
  },
  {
    title: 'Preparing for adulthood fair', place: 'Carlisle College', address: 'Victoria Place, Carlisle', postcode: 'CA1 1HS', locality: 'Carlisle',
    description: 'For young people aged 14 to 25 with SEND and their families: colleges, supported internships, apprenticeships, travel training, housing and health services in one place.',
    day: 20, start: '15:00', minutes: 180, booking: null, cost: null, ages: [14, 25], serviceType: 'adulthood',
  },
  {
    title: 'Holiday swimming for children with SEND', place: 'Whitehaven Sports Centre', address: 'Flatt Walks, Whitehaven', postcode: 'CA28 7RJ', locality: 'Copeland',
    description: 'A quiet pool session with extra lifeguards and changing places facilities. Parents or carers stay with their child.',
    day: 27, start: '14:00', minutes: 60, booking: 'Book at the sports centre reception or phone 01946 000 404.', cost: '£3 a child; carers free', ages: [4, 16], serviceType: 'sport-play', weekly: 1,
  },
  {
    title: 'Talking and play group', place: 'Wigton Family Hub', address: '2 Water Street, Wigton', postcode: 'CA7 9AB', locality: 'Allerdale',
    description: 'Speech and language therapists lead songs, stories and games that help young children’s talking and listening. Parents learn ideas to use at home.',
    day: 8, start: '09:30', minutes: 60, booking: 'Ask your health visitor to refer you, or phone 01697 000 505.', cost: null, ages: [2, 5], serviceType: 'speech-language', weekly: 5,
  },
];

/** A wall-clock time in England on a date, as the instant it is. */
export function londonInstant(date: string, hhmm: string): Date {
  const guess = new Date(`${date}T${hhmm}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess);
  const [h, m] = parts.split(':').map(Number) as [number, number];
  const [wantH, wantM] = hhmm.split(':').map(Number) as [number, number];
  const offsetMinutes = (h * 60 + m) - (wantH * 60 + wantM);
  return new Date(guess.getTime() - offsetMinutes * 60_000);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Sessions run on weekdays: a Saturday or Sunday moves to the Monday after. */
function weekday(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

const FEEDBACK: { body: string; response: string | null; serviceType?: string; name?: string; email?: string; daysAgo: number }[] = [
  {
    body: 'The Local Offer was hard to find on the council website and the old pages were out of date. This new search is much easier, but please add more things to do in the holidays for older children.',
    response: 'Thank you. We have asked every provider to check their details, and we now flag any service not checked for a year. We are working with the parent carer forum to add more holiday activities for 12 to 19 year olds, and will list them here by Easter.',
    daysAgo: 40,
  },
  {
    body: 'The speech and language drop-in was really helpful. The therapist gave us ideas we could use at home straight away.',
    response: 'Thank you for telling us. We have shared your comment with the team. The drop-ins will carry on every week.',
    serviceType: 'speech-language', daysAgo: 30,
  },
  {
    body: 'We waited a long time to hear back after a referral, and nobody told us how long the wait would be.',
    response: 'We are sorry. Every service now shows how long families usually wait, and we have asked services to tell families when they receive a referral.',
    serviceType: 'autism', daysAgo: 21,
  },
  {
    body: 'Please say on each activity whether there is a changing places toilet. We cannot go anywhere without one.',
    response: 'You are right. We have added accessibility details to the places we know about, and asked every provider to tell us about changing places toilets.',
    daysAgo: 12,
  },
  { body: 'Is there anything for dads? All the groups seem to be in the daytime when I am at work.', response: null, name: 'A dad in Workington', daysAgo: 3 },
  { body: 'The youth club in Maryport has changed its night to Thursday, the page still says Monday.', response: null, serviceType: 'youth-club', email: 'parent@example.com', daysAgo: 1 },
];

/** Adds the demo events and feedback once; a second run does nothing. */
export async function seedLocalOfferWorkflowDemo(db: Db, today: string): Promise<void> {
  const already = await db.selectFrom('local_offer_events').select('id').limit(1).executeTakeFirst();
  if (already) return;
  // Inside the transaction: PGlite has one connection, so a query beside it would wait forever.
  const serviceOfType = async (tx: Db, type: string | undefined, locality?: string): Promise<string | null> => {
    if (!type) return null;
    let q = tx
      .selectFrom('services as s')
      .innerJoin('service_attributes as sa', 'sa.service_id', 's.id')
      .select('s.id')
      .where('sa.taxonomy_term_id', '=', serviceTypeTermId(type))
      .where('s.status', '=', 'active');
    if (locality) {
      q = q.where((eb) => eb.exists(eb.selectFrom('service_at_locations as sal').innerJoin('locations as l', 'l.id', 'sal.location_id')
        .select('sal.id').whereRef('sal.service_id', '=', 's.id').where('l.locality', '=', locality)));
    }
    const row = await q.orderBy('s.name').orderBy('s.id').limit(1).executeTakeFirst();
    return row?.id ?? null;
  };
  await inTransaction(db, async (tx) => {
    for (const e of EVENTS) {
      const serviceId = await serviceOfType(tx, e.serviceType, e.locality);
      for (let i = 0; i <= (e.weekly ?? 0); i++) {
        const date = weekday(addDays(today, e.day + i * 7));
        const starts = londonInstant(date, e.start);
        await tx
          .insertInto('local_offer_events')
          .values({
            title: e.title, description: e.description, starts_at: starts, ends_at: new Date(starts.getTime() + e.minutes * 60_000),
            location_name: e.place, address: e.address, postcode: e.postcode, locality: e.locality, service_id: serviceId,
            booking: e.booking, cost: e.cost, min_age: e.ages[0], max_age: e.ages[1],
          })
          .execute();
      }
    }
    for (const f of FEEDBACK) {
      const serviceId = await serviceOfType(tx, f.serviceType);
      const on = addDays(today, -f.daysAgo);
      await tx
        .insertInto('local_offer_feedback')
        .values({
          service_id: serviceId, body: f.body, name: f.name ?? null, email: f.email ?? null, submitted_at: londonInstant(on, '20:15'),
          ...(f.response ? { status: 'published' as const, response: f.response, published_on: addDays(on, 4), moderated_at: londonInstant(addDays(on, 4), '11:00') } : {}),
        })
        .execute();
    }
  });
}
