import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, readForm, required } from '../../platform/web/forms.js';
import { VOICE_STAFF } from './voice.roles.js';
import { TOPICS, isTopic, type SubscriptionsService, type Topic } from './subscriptions.service.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;
/** Sign-ups per address a minute: enough for a family, too few to flood someone's inbox. */
export const SUBSCRIBE_PER_MINUTE = 10;

const topicItems = (chosen: readonly string[]) => Object.entries(TOPICS).map(([value, text]) => ({ value, text, checked: chosen.includes(value) }));

function listOf(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

export async function subscriptionsRoutes(app: FastifyInstance, s: Services, subscriptions: SubscriptionsService) {
  const open = { access: access.public() };
  const limit = {
    max: SUBSCRIBE_PER_MINUTE,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `${request.ip}|subscribe`,
  };

  app.get('/subscribe', { config: open }, async (_request, reply) =>
    reply.render('voice/views/subscribe.njk', { title: 'Get emails about SEND in your area', values: {}, topics: topicItems(['newsletter']) }),
  );

  app.post('/subscribe', { config: { ...open, rateLimit: limit } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = readForm(body, ['email'], { email: 'Email address' });
    const email = form.values.email!.trim().toLowerCase();
    required(form, 'email', 'Enter your email address');
    if (!form.errors.length && (!EMAIL.test(email) || email.length > 254))
      form.errors.push({ field: 'email', text: 'Enter an email address in the correct format, like name@example.com' });
    const topics = listOf(body.topics);
    const chosen = topics.filter((t): t is Topic => typeof t === 'string' && isTopic(t));
    if (chosen.length === 0 || chosen.length !== topics.length) form.errors.push({ field: 'topics', text: 'Select what you want emails about' });
    if (form.errors.length) {
      return reply.render('voice/views/subscribe.njk', { title: 'Get emails about SEND in your area', values: form.values, topics: topicItems(chosen), ...errorView(form.errors) }, 400);
    }
    await subscriptions.subscribe(s.db, email, [...new Set(chosen)]);
    // The same answer whether or not the address was signed up already.
    return reply.render('voice/views/subscribe-check-email.njk', { title: 'Check your email', email });
  });

  app.get('/subscribe/confirm/:token', { config: open }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const pending = TOKEN.test(token) && (await subscriptions.isPendingConfirmation(s.db, token));
    if (!pending) return reply.render('voice/views/subscribe-link-problem.njk', { title: 'This link does not work' }, 404);
    return reply.render('voice/views/subscribe-confirm.njk', { title: 'Confirm that you want these emails', token });
  });

  app.post('/subscribe/confirm/:token', { config: open }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const ok = TOKEN.test(token) && (await subscriptions.confirm(s.db, token));
    if (!ok) return reply.render('voice/views/subscribe-link-problem.njk', { title: 'This link does not work' }, 404);
    return reply.render('voice/views/subscribe-confirmed.njk', { title: 'You are signed up' });
  });

  // Unsubscribing: GET asks (mail scanners follow links and must not unsubscribe anyone);
  // POST does it. The POST takes no CSRF token: the secret in the link is the authority, and
  // RFC 8058 one-click requests from mail programs ("List-Unsubscribe=One-Click") carry none.
  app.get('/unsubscribe/:token', { config: open }, async (request, reply) => {
    const { token } = request.params as { token: string };
    return reply.render('voice/views/unsubscribe.njk', { title: 'Unsubscribe from emails', token: TOKEN.test(token) ? token : '' });
  });

  app.post('/unsubscribe/:token', { config: { ...open, csrfExempt: true } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (TOKEN.test(token)) await subscriptions.unsubscribe(s.db, token);
    // Unsubscribed, or never subscribed with that link: either way this address gets nothing more.
    return reply.render('voice/views/unsubscribed.njk', { title: 'You have unsubscribed' });
  });

  // ---- Sending: partnership leaders and the forum ----------------------------------------

  const newsletterPage = async (extra: Record<string, unknown> = {}) => ({
    title: 'Newsletter and email alerts',
    counts: await subscriptions.counts(s.db),
    issues: await subscriptions.issues(s.db),
    topicOptions: Object.entries(TOPICS).map(([value, text]) => ({ value, text })),
    values: {},
    ...extra,
  });

  app.get('/voice/newsletter', { config: { access: access.roles(...VOICE_STAFF) } }, async (_request, reply) =>
    reply.render('voice/views/newsletter.njk', await newsletterPage()),
  );

  app.post('/voice/newsletter', { config: { access: access.roles(...VOICE_STAFF) } }, async (request, reply) => {
    const form = readForm(request.body, ['topic', 'subject', 'body'], { subject: 'The subject', body: 'The message' }, 10000);
    if (!isTopic(form.values.topic!)) form.errors.push({ field: 'topic', text: 'Select who the message is for' });
    required(form, 'subject', 'Enter the subject');
    required(form, 'body', 'Enter the message');
    if (form.values.subject!.length > 200) form.errors.push({ field: 'subject', text: 'The subject must be 200 characters or fewer' });
    if (form.errors.length) return reply.render('voice/views/newsletter.njk', await newsletterPage({ values: form.values, ...errorView(form.errors) }), 400);
    const sent = await subscriptions.send(s.db, actorOf(request)!, { topic: form.values.topic as Topic, subject: form.values.subject!.trim(), body: form.values.body!.trim() });
    return reply.render('voice/views/newsletter.njk', await newsletterPage({ sent }));
  });
}
