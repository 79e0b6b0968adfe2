/** Events of the Local Offer: Family Hub SEND sessions and activities, soonest first. */
import type { Db } from '../../db/database.js';

export interface EventRow {
  id: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  location_name: string;
  address: string | null;
  postcode: string | null;
  locality: string | null;
  service_id: string | null;
  service_name: string | null;
  booking: string | null;
  cost: string | null;
  min_age: number | null;
  max_age: number | null;
}

function eventsQuery(db: Db) {
  return db
    .selectFrom('local_offer_events as e')
    .leftJoin('services as s', 's.id', 'e.service_id')
    .select([
      'e.id', 'e.title', 'e.description', 'e.starts_at', 'e.ends_at', 'e.location_name', 'e.address', 'e.postcode', 'e.locality',
      'e.service_id', 's.name as service_name', 'e.booking', 'e.cost', 'e.min_age', 'e.max_age',
    ]);
}

/** Events not yet over, soonest first; optionally in one locality. */
export async function upcomingEvents(db: Db, options: { now: Date; locality?: string; page: number; perPage: number }) {
  let count = db.selectFrom('local_offer_events').where('ends_at', '>=', options.now);
  let items = eventsQuery(db).where('e.ends_at', '>=', options.now);
  if (options.locality) {
    count = count.where('locality', '=', options.locality);
    items = items.where('e.locality', '=', options.locality);
  }
  const { n } = await count.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await items.orderBy('e.starts_at').orderBy('e.id').limit(options.perPage).offset((options.page - 1) * options.perPage).execute();
  return { items: rows as EventRow[], total: Number(n) };
}

export async function loadEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return (await eventsQuery(db).where('e.id', '=', id).executeTakeFirst()) as EventRow | undefined;
}

/** A service's next few events, for its page. */
export async function eventsOfService(db: Db, serviceId: string, now: Date, limit = 5): Promise<EventRow[]> {
  return (await eventsQuery(db).where('e.service_id', '=', serviceId).where('e.ends_at', '>=', now).orderBy('e.starts_at').limit(limit).execute()) as EventRow[];
}
