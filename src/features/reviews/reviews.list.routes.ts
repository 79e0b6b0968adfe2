import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, type FieldError } from '../../platform/web/forms.js';
import { addMonths } from '../ehc/clock/index.js';
import { CASEWORK } from '../ehc/ehc.api.js';
import { listEntry } from './reviews.model.js';
import { STATE_TAGS } from './reviews.present.js';

/** Rows shown at once; the month filter narrows a long list. */
export const LIST_LIMIT = 100;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthText = (ym: string) => `${MONTH_NAMES[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** The reviews still to be decided, soonest first: GET /reviews?month=YYYY-MM. */
export async function reviewListRoutes(app: FastifyInstance, s: Services) {
  app.get('/reviews', { config: { access: access.roles(...CASEWORK) } }, async (request, reply) => {
    const today = s.today();
    const raw = (request.query as { month?: unknown }).month;
    const errors: FieldError[] = [];
    let month: string | null = null;
    if (typeof raw === 'string' && raw !== '') {
      if (/^\d{4}-(0[1-9]|1[0-2])$/.test(raw)) month = raw;
      else errors.push({ field: 'month', text: 'Select a month from the list' });
    }
    let q = s.db
      .selectFrom('annual_reviews')
      .innerJoin('plans', 'plans.id', 'annual_reviews.plan_id')
      .innerJoin('children', 'children.id', 'annual_reviews.child_id')
      .select(['annual_reviews.id', 'annual_reviews.due_by', 'annual_reviews.meeting_on', 'children.given_name', 'children.family_name'])
      .where('annual_reviews.decision_on', 'is', null)
      .where('plans.status', '!=', 'ceased');
    if (month) q = q.where('annual_reviews.due_by', '>=', `${month}-01`).where('annual_reviews.due_by', '<', addMonths(`${month}-01`, 1));
    const [rows, months] = await Promise.all([
      q.orderBy('annual_reviews.due_by').orderBy('children.family_name').orderBy('annual_reviews.id').execute(),
      s.db
        .selectFrom('annual_reviews')
        .innerJoin('plans', 'plans.id', 'annual_reviews.plan_id')
        .select(sql<string>`substr(cast(annual_reviews.due_by as text), 1, 7)`.as('ym'))
        .distinct()
        .where('annual_reviews.decision_on', 'is', null)
        .where('plans.status', '!=', 'ceased')
        .orderBy('ym')
        .execute(),
    ]);
    const entries = rows.map((r) => {
      const e = listEntry(r, today);
      return {
        href: `/reviews/${r.id}`,
        name: `${r.given_name} ${r.family_name}`,
        dueBy: r.due_by,
        meetingOn: r.meeting_on,
        next: e.next === 'meeting' ? 'Review meeting' : 'Council’s decision',
        nextDueOn: e.dueOn,
        state: e.state,
        tag: STATE_TAGS[e.state],
      };
    });
    await s.audit.record(s.db, {
      actor: actorOf(request), action: 'review.list.viewed', outcome: 'allowed', requestId: request.id,
      details: { month, shown: Math.min(entries.length, LIST_LIMIT), total: entries.length },
    });
    return reply.render('reviews/views/list.njk', {
      title: 'Annual reviews',
      entries: entries.slice(0, LIST_LIMIT),
      total: entries.length,
      limit: LIST_LIMIT,
      overdue: entries.filter((e) => e.state === 'overdue').length,
      dueSoon: entries.filter((e) => e.state === 'due-soon').length,
      month,
      monthLabel: month ? monthText(month) : null,
      monthItems: [{ value: '', text: 'All months' }, ...months.map((m) => ({ value: m.ym, text: monthText(m.ym), selected: m.ym === month }))],
      ...errorView(errors),
    }, errors.length ? 400 : 200);
  });
}
