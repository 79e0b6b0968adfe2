import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { readForm } from '../../platform/web/forms.js';
import { STAGES } from '../ehc/ehc.codes.js';
import { CASEWORK } from '../ehc/ehc.api.js';
import { caseworkers, countUnassigned, isOpenStage, loadOpenCases, OPEN_STAGES, type QueueFilter } from './casework.queries.js';
import { isLateness, LATENESS, queueRows, queueSections, teamCaseload, type Lateness, type QueueRow } from './casework.queue.js';
import { STATE_TAGS } from './casework.present.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most rows a section shows; the filters narrow the rest. */
export const SECTION_LIMIT = 200;

function row(r: QueueRow) {
  return {
    href: `/casework/requests/${r.id}`,
    childName: r.childName,
    stage: STAGES[r.stage].staff,
    officerName: r.officerName ?? 'Not assigned',
    next: r.next ? { label: r.next.label, dueOn: r.next.dueOn, tag: STATE_TAGS[r.next.state] } : null,
  };
}

export async function caseworkQueueRoutes(app: FastifyInstance, s: Services) {
  // The officer's own open cases; a manager sees everyone's and may choose an officer.
  app.get('/casework', { config: { access: access.roles(...CASEWORK) } }, async (request, reply) => {
    const user = request.user!;
    const manager = user.role === 'casework-manager';
    const { values: v } = readForm(request.query, ['stage', 'q', 'lateness', 'officer'], {}, 100);
    const officers = manager ? await caseworkers(s.db) : [];
    const filter: QueueFilter = {};
    // An officer sees their own cases, or the ones nobody has taken yet.
    if (!manager) filter.officer = v.officer === 'none' ? 'none' : user.id;
    else if (v.officer === 'none' || (v.officer && UUID.test(v.officer) && officers.some((o) => o.id === v.officer))) filter.officer = v.officer;
    if (isOpenStage(v.stage)) filter.stage = v.stage;
    if (v.q?.trim()) filter.search = v.q.trim();
    const lateness: Lateness | undefined = isLateness(v.lateness) ? v.lateness : undefined;

    const today = s.today();
    const rows = queueRows(await loadOpenCases(s.db, filter, today), today).filter((r) => !lateness || r.lateness === lateness);
    const sections = queueSections(rows).map((sec) => ({
      id: sec.id,
      heading: sec.heading,
      count: sec.rows.length,
      rows: sec.rows.slice(0, SECTION_LIMIT).map(row),
      more: Math.max(0, sec.rows.length - SECTION_LIMIT),
    }));
    const filtered = Boolean(filter.stage || filter.search || lateness || (manager && filter.officer));
    const unassigned = filter.officer === 'none' ? 0 : await countUnassigned(s.db);
    return reply.render('casework/views/queue.njk', {
      title: manager ? 'Cases' : filter.officer === 'none' ? 'Cases nobody has taken' : 'Your cases',
      manager,
      unassigned,
      sections: lateness ? sections.filter((sec) => sec.id === lateness) : sections,
      total: rows.length,
      filtered,
      values: { stage: filter.stage ?? '', q: filter.search ?? '', lateness: lateness ?? '', officer: filter.officer === 'none' || manager ? filter.officer ?? '' : '' },
      stages: [{ value: '', text: 'Any stage' }, ...OPEN_STAGES.map((st) => ({ value: st, text: STAGES[st].staff, selected: filter.stage === st }))],
      latenesses: [{ value: '', text: 'Any' }, ...Object.entries(LATENESS).map(([value, text]) => ({ value, text, selected: lateness === value }))],
      officers: [
        { value: '', text: 'Everyone' },
        ...officers.map((o) => ({ value: o.id, text: o.name, selected: filter.officer === o.id })),
        { value: 'none', text: 'Not assigned', selected: filter.officer === 'none' },
      ],
    });
  });

  // The manager's view of the team's caseload: by stage and by officer, each by lateness.
  app.get('/casework/team', { config: { access: access.roles('casework-manager') } }, async (_request, reply) => {
    const today = s.today();
    const [cases, officers] = await Promise.all([loadOpenCases(s.db, {}, today), caseworkers(s.db)]);
    const load = teamCaseload(queueRows(cases, today), officers);
    const link = (params: Record<string, string>, lateness?: Lateness) => {
      const query = new URLSearchParams({ ...params, ...(lateness ? { lateness } : {}) }).toString();
      return query ? `/casework?${query}` : '/casework';
    };
    const cells = (counts: Record<Lateness | 'total', number>, params: Record<string, string>) =>
      (['on-time', 'due-this-week', 'overdue', 'total'] as const).map((k) => ({
        count: counts[k],
        href: counts[k] ? link(params, k === 'total' ? undefined : k) : null,
      }));
    return reply.render('casework/views/team.njk', {
      title: 'Team caseload',
      byStage: load.byStage.map((b) => ({ label: STAGES[b.stage].staff, cells: cells(b.counts, { stage: b.stage }) })),
      byOfficer: load.byOfficer.map((b) => ({ label: b.officerName, cells: cells(b.counts, { officer: b.officerUserId ?? 'none' }) })),
      total: cells(load.total, {}),
    });
  });
}
