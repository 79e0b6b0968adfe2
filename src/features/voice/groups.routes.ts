import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, readForm, required, type FieldError } from '../../platform/web/forms.js';
import { dateFields, datePartsInError, readDateInput } from '../../platform/web/date-input.js';
import { formatDate } from '../../platform/web/format.js';
import { VOICE_STAFF } from './voice.roles.js';
import { formatTime, londonToUtc, readTime } from './london-time.js';
import type { GroupsService } from './groups.service.js';
import { actionItems } from './yswd.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

const when = (m: { starts_at: Date | string; ends_at: Date | string }) => {
  const start = new Date(m.starts_at);
  return `${formatDate(ISO.format(start))}, ${formatTime(start)} to ${formatTime(new Date(m.ends_at))}`;
};

function tooLong(form: { values: Record<string, string>; errors: FieldError[] }, limits: Record<string, [number, string]>) {
  for (const [field, [max, label]] of Object.entries(limits)) {
    if ((form.values[field] ?? '').length > max) form.errors.push({ field, text: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
  }
}

export async function groupsRoutes(app: FastifyInstance, s: Services, groups: GroupsService) {
  const staff = { config: { access: access.roles(...VOICE_STAFF) } };

  // ---- Public: the calendar and its feed -------------------------------------------------

  app.get('/meetings', { config: { access: access.public() } }, async (_request, reply) => {
    const meetings = (await groups.upcoming(s.db, new Date())).map((m) => ({ ...m, when: when(m) }));
    return reply.render('voice/views/meetings.njk', { title: 'Working group meetings', meetings });
  });

  app.get('/meetings.ics', { config: { access: access.public() } }, async (_request, reply) => {
    const from = new Date(Date.now() - 90 * 24 * 3600 * 1000);
    const body = await groups.feed(s.db, { from, baseUrl: s.config.baseUrl, name: `${s.config.area.name} SEND working group meetings` });
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="meetings.ics"').send(body);
  });

  // ---- Staff: groups, members, meetings, minutes and actions -----------------------------

  const listPage = async (reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) =>
    reply.render('voice/views/groups.njk', { title: 'Working groups', groups: await groups.list(s.db), values: {}, ...extra }, status);

  app.get('/voice/groups', staff, async (_request, reply) => listPage(reply));

  app.post('/voice/groups', staff, async (request, reply) => {
    const form = readForm(request.body, ['name', 'purpose'], { name: 'The name', purpose: 'The purpose' }, 2000);
    required(form, 'name', 'Enter the group’s name');
    tooLong(form, { name: [200, 'The name'] });
    if (!form.errors.length && (await groups.nameTaken(s.db, form.values.name!.trim()))) form.errors.push({ field: 'name', text: 'There is already a group with this name' });
    if (form.errors.length) return listPage(reply, { values: form.values, ...errorView(form.errors), dateParts: datePartsInError(form.errors) }, 400);
    const id = await groups.create(s.db, actorOf(request)!, { name: form.values.name!.trim(), purpose: form.values.purpose!.trim() });
    return reply.redirect(`/voice/groups/${id}`, 303);
  });

  const groupPage = async (reply: FastifyReply, id: string, extra: Record<string, unknown> = {}, status = 200) => {
    const found = UUID.test(id) ? await groups.get(s.db, id) : undefined;
    if (!found) return reply.callNotFound();
    return reply.render(
      'voice/views/group.njk',
      { title: found.group.name, ...found, meetings: found.meetings.map((m) => ({ ...m, when: when(m) })), values: {}, ...extra },
      status,
    );
  };

  app.get('/voice/groups/:groupId', staff, async (request, reply) => groupPage(reply, (request.params as { groupId: string }).groupId));

  app.post('/voice/groups/:groupId/members', staff, async (request, reply) => {
    const { groupId } = request.params as { groupId: string };
    if (!UUID.test(groupId) || !(await groups.get(s.db, groupId))) return reply.callNotFound();
    const form = readForm(request.body, ['memberName', 'organisation', 'email', 'parentCarerRep'], { memberName: 'The name', organisation: 'The organisation', email: 'The email address' });
    const email = form.values.email!.trim().toLowerCase();
    const user = email ? await s.db.selectFrom('users').select(['id', 'name']).where('email', '=', email).executeTakeFirst() : undefined;
    if (email && !user) form.errors.push({ field: 'email', text: 'There is no account with this email address: leave it blank for someone without an account' });
    if (!user) required(form, 'memberName', 'Enter the member’s name');
    tooLong(form, { memberName: [200, 'The name'], organisation: [200, 'The organisation'] });
    if (form.errors.length) return groupPage(reply, groupId, { memberValues: form.values, ...errorView(form.errors), dateParts: datePartsInError(form.errors) }, 400);
    await groups.addMember(s.db, actorOf(request)!, groupId, {
      userId: user?.id ?? null,
      name: form.values.memberName!.trim() || user!.name,
      organisation: form.values.organisation!.trim(),
      parentCarerRep: form.values.parentCarerRep === 'yes',
    });
    return reply.redirect(`/voice/groups/${groupId}#members`, 303);
  });

  app.post('/voice/groups/:groupId/meetings', staff, async (request, reply) => {
    const { groupId } = request.params as { groupId: string };
    if (!UUID.test(groupId) || !(await groups.get(s.db, groupId))) return reply.callNotFound();
    const form = readForm(request.body, ['title', 'startTime', 'endTime', 'place', 'agenda', ...dateFields('on')], { title: 'The title', place: 'The place', agenda: 'The agenda' }, 5000);
    required(form, 'title', 'Enter the meeting’s title');
    tooLong(form, { title: [200, 'The title'], place: [200, 'The place'] });
    const date = readDateInput(form.values, 'on', { label: 'The date', missing: 'Enter the date of the meeting' });
    if (date.error) form.errors.push(date.error);
    const start = readTime(form.values.startTime!);
    const end = readTime(form.values.endTime!);
    if (!start) form.errors.push({ field: 'startTime', text: 'Enter the start time, like 10:00 or 2:30pm' });
    if (!end) form.errors.push({ field: 'endTime', text: 'Enter the end time, like 12:00 or 4pm' });
    else if (start && end <= start) form.errors.push({ field: 'endTime', text: 'The end time must be after the start time' });
    if (form.errors.length || !date.value || !start || !end) return groupPage(reply, groupId, { meetingValues: form.values, ...errorView(form.errors), dateParts: datePartsInError(form.errors) }, 400);
    const id = await groups.addMeeting(s.db, actorOf(request)!, groupId, {
      title: form.values.title!.trim(),
      startsAt: londonToUtc(date.value, start),
      endsAt: londonToUtc(date.value, end),
      place: form.values.place!.trim(),
      agenda: form.values.agenda!.trim(),
    });
    return reply.redirect(`/voice/meetings/${id}`, 303);
  });

  const meetingPage = async (reply: FastifyReply, id: string, extra: Record<string, unknown> = {}, status = 200) => {
    const found = UUID.test(id) ? await groups.meeting(s.db, id) : undefined;
    if (!found) return reply.callNotFound();
    const strategyActions = await s.db.selectFrom('strategy_actions').select(['id', 'reference', 'title']).orderBy('reference').execute();
    return reply.render(
      'voice/views/meeting.njk',
      {
        title: `${found.meeting.group_name}: ${found.meeting.title}`,
        meeting: { ...found.meeting, when: when(found.meeting) },
        actions: found.actions,
        values: { agenda: found.meeting.agenda, minutes: found.meeting.minutes },
        actionValues: {},
        ...extra,
        strategyActionItems: actionItems(strategyActions, (extra.actionValues as Record<string, string> | undefined)?.strategyActionId),
      },
      status,
    );
  };

  app.get('/voice/meetings/:meetingId', staff, async (request, reply) => meetingPage(reply, (request.params as { meetingId: string }).meetingId));

  app.post('/voice/meetings/:meetingId/notes', staff, async (request, reply) => {
    const { meetingId } = request.params as { meetingId: string };
    if (!UUID.test(meetingId) || !(await groups.meeting(s.db, meetingId))) return reply.callNotFound();
    const form = readForm(request.body, ['agenda', 'minutes'], { agenda: 'The agenda', minutes: 'The minutes' }, 20000);
    tooLong(form, { agenda: [5000, 'The agenda'] });
    if (form.errors.length) return meetingPage(reply, meetingId, { values: form.values, ...errorView(form.errors), dateParts: datePartsInError(form.errors) }, 400);
    await groups.saveNotes(s.db, actorOf(request)!, meetingId, { agenda: form.values.agenda!.trim(), minutes: form.values.minutes!.trim() });
    return reply.redirect(`/voice/meetings/${meetingId}`, 303);
  });

  app.post('/voice/meetings/:meetingId/actions', staff, async (request, reply) => {
    const { meetingId } = request.params as { meetingId: string };
    if (!UUID.test(meetingId) || !(await groups.meeting(s.db, meetingId))) return reply.callNotFound();
    const form = readForm(request.body, ['text', 'owner', 'strategyActionId', ...dateFields('due')], { text: 'The action', owner: 'Who will do it' });
    required(form, 'text', 'Enter the action');
    tooLong(form, { owner: [200, 'Who will do it'] });
    const anyDate = ['due-day', 'due-month', 'due-year'].some((f) => form.values[f]!.trim() !== '');
    const due = anyDate ? readDateInput(form.values, 'due', { label: 'The date', missing: 'Enter the date it is due' }) : undefined;
    if (due?.error) form.errors.push(due.error);
    const sa = form.values.strategyActionId!;
    if (sa && (!UUID.test(sa) || !(await s.db.selectFrom('strategy_actions').select('id').where('id', '=', sa).executeTakeFirst())))
      form.errors.push({ field: 'strategyActionId', text: 'Select an action of the strategy from the list' });
    if (form.errors.length) return meetingPage(reply, meetingId, { actionValues: form.values, ...errorView(form.errors), dateParts: datePartsInError(form.errors) }, 400);
    await groups.addAction(s.db, actorOf(request)!, meetingId, { text: form.values.text!.trim(), owner: form.values.owner!.trim(), dueOn: due?.value ?? null, strategyActionId: sa || null });
    return reply.redirect(`/voice/meetings/${meetingId}#actions`, 303);
  });

  app.post('/voice/meetings/:meetingId/actions/:actionId', staff, async (request, reply) => {
    const { meetingId, actionId } = request.params as { meetingId: string; actionId: string };
    const { values } = readForm(request.body, ['done'], {}, 10);
    if (!UUID.test(meetingId) || !UUID.test(actionId)) return reply.callNotFound();
    const ok = await groups.setActionDone(s.db, actorOf(request)!, meetingId, actionId, values.done === 'yes');
    if (!ok) return reply.callNotFound();
    return reply.redirect(`/voice/meetings/${meetingId}#actions`, 303);
  });
}
