import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { ALL_ROLES, ROLES } from '../../platform/access/roles.js';
import { errorView, readForm, required, type FieldError } from '../../platform/web/forms.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { UserInputError } from '../../platform/auth/users.service.js';

const ADMIN = access.roles('administrator');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function adminRoutes(app: FastifyInstance, s: Services) {
  app.get('/admin/audit', { config: { access: ADMIN } }, async (request, reply) => {
    const form = readForm(request.query, ['actor', 'child', 'action', 'outcome', 'from', 'to', 'before'], {}, 254);
    const errors: FieldError[] = [...form.errors];
    const v = form.values;
    for (const f of ['from', 'to'] as const) {
      if (v[f] && (!DATE.test(v[f]!) || Number.isNaN(Date.parse(v[f]!)))) {
        errors.push({ field: f, text: `Enter the ${f === 'from' ? 'start' : 'end'} date as YYYY-MM-DD, for example 2026-03-17` });
      }
    }
    if (v.child && !UUID.test(v.child)) errors.push({ field: 'child', text: 'Enter a child’s record id, like 1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' });
    let actorUserId: string | undefined;
    if (v.actor) {
      const u = await s.users.findByEmail(s.db, v.actor);
      if (!u) errors.push({ field: 'actor', text: `There is no user with the email ${v.actor}` });
      else actorUserId = u.id;
    }
    const before = /^\d{1,15}$/.test(v.before ?? '') ? Number(v.before) : undefined;
    const entries = errors.length
      ? []
      : await s.audit.search(s.db, {
          ...(actorUserId ? { actorUserId } : {}),
          ...(v.child ? { childId: v.child } : {}),
          ...(v.action ? { action: v.action } : {}),
          ...(v.outcome ? { outcome: v.outcome } : {}),
          ...(v.from ? { from: v.from } : {}),
          ...(v.to ? { to: v.to } : {}),
          ...(before ? { beforeId: before } : {}),
          limit: 50,
        });
    const next = entries.length === 50 ? entries.at(-1)!.id : undefined;
    const query = new URLSearchParams(Object.entries(v).filter(([k, val]) => val && k !== 'before') as [string, string][]);
    return reply.render(
      'admin/views/audit.njk',
      { title: 'Audit log', values: v, entries, nextHref: next ? `/admin/audit?${query}&before=${next}` : undefined, ...errorView(errors) },
      errors.length ? 400 : 200,
    );
  });

  app.get('/admin/outbox', { config: { access: ADMIN } }, async (_request, reply) => {
    const messages = await s.notifications.list(s.db, { limit: 100 });
    return reply.render('admin/views/outbox.njk', { title: 'Messages sent', messages, sender: s.notifications.senderName });
  });

  const usersPage = async (values: Record<string, string>, errors: FieldError[]) => {
    const [users, organisations] = await Promise.all([
      s.db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.disabled', 'users.locked_until', 'organisations.name as organisation'])
        .orderBy('users.email')
        .execute(),
      s.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute(),
    ]);
    return {
      title: 'Users',
      users: users.map((u) => ({ ...u, roleLabel: ROLES[u.role as keyof typeof ROLES] ?? u.role })),
      roles: ALL_ROLES.map((r) => ({ value: r, text: ROLES[r], selected: values.role === r })),
      organisations: organisations.map((o) => ({ value: o.id, text: o.name, selected: values.organisation === o.id })),
      values,
      ...errorView(errors),
    };
  };

  app.get('/admin/users', { config: { access: ADMIN } }, async (_request, reply) =>
    reply.render('admin/views/users.njk', await usersPage({}, [])),
  );

  app.post('/admin/users', { config: { access: ADMIN } }, async (request, reply) => {
    const form = readForm(request.body, ['email', 'name', 'role', 'organisation'], { email: 'Email address', name: 'Name' });
    required(form, 'email', 'Enter the person’s email address');
    required(form, 'name', 'Enter the person’s name');
    required(form, 'role', 'Select the role the person acts in');
    required(form, 'organisation', 'Select the organisation the person acts for');
    if (form.values.organisation && !UUID.test(form.values.organisation)) {
      form.errors.push({ field: 'organisation', text: 'Select an organisation from the list' });
    }
    if (!form.errors.length) {
      try {
        await s.db.transaction().execute(async (tx) => {
          const org = await tx.selectFrom('organisations').select('id').where('id', '=', form.values.organisation!).executeTakeFirst();
          if (!org) throw new UserInputError('organisation', 'Select an organisation from the list');
          const user = await s.users.create(tx, {
            email: form.values.email!,
            name: form.values.name!,
            role: form.values.role!,
            organisationId: org.id,
          });
          await s.audit.record(tx, {
            actor: actorOf(request),
            action: 'user.created',
            outcome: 'succeeded',
            subjectType: 'user',
            subjectId: user.id,
            requestId: request.id,
            details: { role: user.role },
          });
          // The new person chooses their own password from a one-time link.
          await s.passwordResets.request(tx, user.email);
        });
        await s.notifications.deliver(s.db).catch((e) => request.log.warn({ err: e }, 'notification delivery failed'));
        return reply.redirect('/admin/users?created=1', 303);
      } catch (e) {
        if (!(e instanceof UserInputError)) throw e;
        form.errors.push({ field: e.field === 'organisation' ? 'organisation' : e.field, text: e.message });
      }
    }
    return reply.render('admin/views/users.njk', await usersPage(form.values, form.errors), 400);
  });
}
