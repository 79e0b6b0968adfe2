/**
 * Deciding the link queue: which child a record is about when its name and date of birth fit
 * more than one. It takes names, dates of birth and identifiers to decide, so it is for
 * caseworkers who may see every child in the area, not for analysts; every candidate shown is an
 * audited view of that child.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.js';
import { access } from '../../../platform/access/access.js';
import { actorOf } from '../../../platform/web/access.plugin.js';
import { errorView, readForm, type FieldError } from '../../../platform/web/forms.js';
import { notFound } from '../../../platform/web/errors.js';
import { DATASETS, isDatasetName } from '../formats/index.js';
import { candidatesOf, openQueue, queuedRecord, resolveQueued, LinkQueueError, type QueuedRecord } from '../import/link-queue.js';

const LINKERS = access.roles('casework-officer', 'casework-manager');
const PER_PAGE = 50;

const title = (dataset: string) => (isDatasetName(dataset) ? DATASETS[dataset].title : dataset);

export async function linkQueueRoutes(app: FastifyInstance, s: Services) {
  app.get('/data/link-queue', { config: { access: LINKERS } }, async (request, reply) => {
    const pageParam = Number((request.query as { page?: string }).page ?? '1');
    const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
    const { items, total } = await openQueue(s.db, page, PER_PAGE);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    return reply.render('data-hub/web/views/link-queue.njk', {
      title: 'Records to link',
      items: items.map((q) => ({ ...q, datasetTitle: title(q.dataset) })),
      total,
      page,
      pages,
      prevHref: page > 1 ? `/data/link-queue?page=${page - 1}` : undefined,
      nextHref: page < pages ? `/data/link-queue?page=${page + 1}` : undefined,
    });
  });

  const show = async (request: FastifyRequest, record: QueuedRecord, errors: FieldError[], values: Record<string, string>) => {
    const candidates = await candidatesOf(s.db, record);
    const actor = actorOf(request);
    for (const c of candidates) {
      await s.audit.record(s.db, { actor, action: 'data-hub.link-candidate-viewed', outcome: 'allowed', requestId: request.id, subjectType: 'link-queue', subjectId: record.id, childId: c.id });
    }
    return {
      title: `Which child is this ${title(record.dataset).toLowerCase()} record about?`,
      record: { ...record, datasetTitle: title(record.dataset) },
      candidates,
      items: [
        ...candidates.map((c, n) => ({
          value: c.id,
          text: `Child ${n + 1}: ${c.givenName} ${c.familyName}`,
          hint: {
            text: [
              c.school ? `School: ${c.school}` : 'No school recorded',
              c.postcode ? `postcode ${c.postcode}` : 'no postcode',
              c.upn ? `UPN ${c.upn}` : 'no UPN',
              c.nhsNumber ? `NHS number ${c.nhsNumber}` : 'no NHS number',
              c.linkedRecords.length ? `records: ${c.linkedRecords.map((l) => `${l.n} ${title(l.dataset).toLowerCase()}`).join(', ')}` : 'no partner records yet',
            ].join('; '),
          },
          checked: values.decision === c.id,
        })),
        { divider: 'or' },
        { value: 'no-match', text: 'None of these children', hint: { text: 'The record stays unlinked.' }, checked: values.decision === 'no-match' },
      ],
      values,
      ...errorView(errors),
    };
  };

  app.get('/data/link-queue/:queueId', { config: { access: LINKERS } }, async (request, reply) => {
    const record = await queuedRecord(s.db, (request.params as { queueId: string }).queueId);
    if (!record) throw notFound('record');
    if (record.resolvedAt) return reply.render('data-hub/web/views/link-decided.njk', { title: 'This record has been decided', record });
    return reply.render('data-hub/web/views/link-item.njk', await show(request, record, [], {}));
  });

  app.post('/data/link-queue/:queueId', { config: { access: LINKERS } }, async (request, reply) => {
    const record = await queuedRecord(s.db, (request.params as { queueId: string }).queueId);
    if (!record) throw notFound('record');
    const form = readForm(request.body, ['decision', 'note'], { note: 'Your note' });
    const errors: FieldError[] = [...form.errors];
    const v = form.values;
    if (!v.decision) errors.push({ field: 'decision', text: 'Choose the child this record is about, or none of them' });
    else if (v.decision !== 'no-match' && !record.candidates.includes(v.decision)) errors.push({ field: 'decision', text: 'Choose one of the children listed, or none of them' });
    if (!errors.length) {
      try {
        await resolveQueued(s.db, actorOf(request)!, record.id, v.decision === 'no-match' ? { kind: 'no-match', note: v.note } : { kind: 'child', childId: v.decision!, note: v.note });
        return reply.redirect('/data/link-queue', 303);
      } catch (error) {
        if (!(error instanceof LinkQueueError)) throw error;
        errors.push({ field: 'decision', text: error.message });
      }
    }
    return reply.render('data-hub/web/views/link-item.njk', await show(request, record, errors, v), 400);
  });
}
