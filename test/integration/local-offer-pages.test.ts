import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { seedLocalOfferDemo } from '../../src/demo/local-offer.seed.js';
import { seedLocalOfferWorkflowDemo } from '../../src/demo/local-offer-workflow.seed.js';

/** The text of a page, tags removed, entities of quotes decoded: what a reader sees. */
function text(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, '’').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

/** The services listed on a results page, by name, in order. */
function resultNames(html: string): string[] {
  return [...html.matchAll(/<h3 class="govuk-heading-m[^"]*"><a class="govuk-link" href="\/local-offer\/services\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
}

describeApp('Local Offer: public pages', (ctx) => {
  before(async () => {
    await seedLocalOfferDemo(ctx().s.db, ctx().s.today());
    await seedLocalOfferWorkflowDemo(ctx().s.db, ctx().s.today());
  });

  test('the Local Offer home and the search work without signing in', async () => {
    const c = ctx().client();
    const home = await c.get('/local-offer');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<form method="get" action="\/local-offer\/search"/);
    const all = await c.get('/local-offer/search');
    assert.equal(all.statusCode, 200);
    assert.match(text(all.body), /Showing 1 to 20 of \d+ services/);
    assert.equal(resultNames(all.body).length, 20);
  });

  test('a parent finds speech and language services for a 6-year-old near CA2, nearest first, with distances', async () => {
    const res = await ctx().client().get('/local-offer/search?q=speech&need=SLCN&age=6&postcode=ca2+5ab&distance=10');
    assert.equal(res.statusCode, 200);
    const names = resultNames(res.body);
    assert.ok(names.length >= 2, `found ${names.length}`);
    assert.ok(names.some((n) => /speech and language therapy, Carlisle/.test(n)));
    assert.ok(names.includes('Talk Together drop-in, Carlisle'));
    const page = text(res.body);
    assert.match(page, /You searched for “speech”, help with speech, language and communication, age 6, within 10 miles of CA2 5AB/);
    const miles = [...page.matchAll(/\((?:About (\d+) miles?|(\d\.\d) miles) away\)/g)].map((m) => Number(m[1] ?? m[2]));
    assert.equal(miles.length, names.length);
    assert.deepEqual(miles, [...miles].sort((a, b) => a - b), 'nearest first');
    assert.ok(miles.every((m) => m <= 10));
    // The results say who each is for and what it costs.
    assert.match(page, /Who it is for: .*speech, language and communication/);
    assert.match(page, /Cost: /);
  });

  test('filters narrow the results and stay in the page links', async () => {
    const c = ctx().client();
    const tooOld = await c.get('/local-offer/search?q=Talk+Together&age=12');
    assert.equal(resultNames(tooOld.body).length, 0, 'Talk Together is for ages 1 to 7');
    const young = await c.get('/local-offer/search?q=Talk+Together&age=5');
    assert.ok(resultNames(young.body).length >= 1);
    const millom = await c.get('/local-offer/search?q=Talk+Together&locality=Millom+border+area');
    assert.deepEqual(resultNames(millom.body), ['Talk Together drop-in, Millom']);
    const typed = await c.get('/local-offer/search?type=short-breaks');
    const typedText = text(typed.body);
    assert.ok(resultNames(typed.body).length > 0);
    assert.doesNotMatch(typedText, /· Speech and language therapy/);
    // Page 2 of a filtered search keeps the filters in its links.
    const many = await c.get('/local-offer/search?need=ASD&page=2');
    assert.equal(many.statusCode, 200);
    assert.match(many.body, /href="\/local-offer\/search\?need=ASD(&amp;distance=10)?"/);
    assert.match(many.body, /aria-current="page"[^>]*>\s*2\s*</);
  });

  test('no results give help to search again', async () => {
    const res = await ctx().client().get('/local-offer/search?q=zzzyzzx+nothing+like+this&postcode=CA2&distance=2');
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.match(page, /No services found/);
    assert.match(res.body, /href="\/local-offer\/search\?q=zzzyzzx[^"]*distance=40"/, 'offers a wider search');
    assert.match(page, /seeing every service/);
  });

  test('bad input gets the GOV.UK error pattern, with what was typed kept', async () => {
    const res = await ctx().client().get('/local-offer/search?q=speech&age=abc&postcode=ZZ');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: /);
    assert.match(res.body, /govuk-error-summary/);
    assert.match(res.body, /href="#age">Age must be a number of years, like 6</);
    assert.match(res.body, /href="#postcode">Enter a real postcode, like CA2 5AB, or the first half of one, like CA2</);
    assert.match(res.body, /id="age" name="age" type="text" value="abc"/);
    assert.match(res.body, /id="q" name="q" type="text" spellcheck="true" value="speech"/);
    const unknown = await ctx().client().get('/local-offer/search?postcode=CA99+1AA');
    assert.equal(unknown.statusCode, 400);
    assert.match(text(unknown.body), /We do not know where CA99 is/);
    for (const junk of ['?age=-1', '?age=1e9', '?need=%00', '?locality=Leeds', '?distance=3', '?age=6&age=7', `?q=${'x'.repeat(300)}`, '?type=nope']) {
      const r = await ctx().client().get(`/local-offer/search${junk}`);
      assert.equal(r.statusCode, 400, junk);
    }
    for (const fine of ['?page=-5', '?page=abc', '?page=99999', "?q=%27%3B+drop+table+services%3B--", '?q=%E2%9C%93+caf%C3%A9']) {
      const r = await ctx().client().get(`/local-offer/search${fine}`);
      assert.equal(r.statusCode, 200, fine);
    }
  });

  test('a service page says what it is, who it is for, how to get it, cost, when, where, and when it was last checked', async () => {
    const { s } = ctx();
    const service = await s.db.selectFrom('services').select(['id', 'name']).where('name', '=', 'Talk Together drop-in, Carlisle').executeTakeFirstOrThrow();
    const res = await ctx().client().get(`/local-offer/services/${service.id}`);
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    for (const heading of ['What it is', 'Who it is for', 'How to get it', 'Cost', 'When it is open', 'Where', 'Languages', 'Tell us about this service']) {
      assert.match(page, new RegExp(`${heading}`), heading);
    }
    assert.match(page, /Ages 1 to 7/);
    assert.match(page, /Last checked: \d{1,2} \w+ \d{4}/);
    assert.match(res.body, /href="\/assets\/local-offer.css"/, 'the print stylesheet');
    assert.match(res.body, /action="\/local-offer\/services\/[^"]+\/feedback"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/, 'the feedback form carries its CSRF token');
    assert.equal((await ctx().client().get('/local-offer/services/not-a-uuid')).statusCode, 404);
    assert.equal((await ctx().client().get('/local-offer/services/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });

  test('a service not checked for 12 months is flagged on its page and in results', async () => {
    const { s } = ctx();
    const stale = await s.db.selectFrom('services').select(['id', 'name']).where('status', '=', 'active').where('last_checked_on', '<', yearAgo(s.today())).orderBy('name').executeTakeFirstOrThrow();
    const fresh = await s.db.selectFrom('services').select(['id']).where('status', '=', 'active').where('last_checked_on', '>', yearAgo(s.today())).executeTakeFirstOrThrow();
    const stalePage = await ctx().client().get(`/local-offer/services/${stale.id}`);
    assert.match(text(stalePage.body), /We have not checked these details for over a year/);
    const freshPage = await ctx().client().get(`/local-offer/services/${fresh.id}`);
    assert.doesNotMatch(text(freshPage.body), /We have not checked these details/);
  });

  test('events: upcoming first, with dates, and each event has its page', async () => {
    const res = await ctx().client().get('/local-offer/events');
    assert.equal(res.statusCode, 200);
    const ids = [...res.body.matchAll(/href="\/local-offer\/events\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    assert.ok(ids.length > 5);
    const rows = await ctx().s.db.selectFrom('local_offer_events').select(['id', 'starts_at']).where('id', 'in', ids).execute();
    const starts = ids.map((id) => rows.find((r) => r.id === id)!.starts_at.getTime());
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'soonest first');
    assert.ok(starts[0]! >= Date.now() - 86_400_000);
    assert.match(text(res.body), /When: \w+day \d{1,2} \w+ \d{4}, /);
    const one = await ctx().client().get(`/local-offer/events/${ids[0]}`);
    assert.equal(one.statusCode, 200);
    assert.match(text(one.body), /How to book/);
    const millom = await ctx().client().get('/local-offer/events?locality=Millom+border+area');
    assert.match(text(millom.body), /Millom Family Hub/);
    assert.doesNotMatch(text(millom.body), /Carlisle Family Hub/);
    assert.equal((await ctx().client().get('/local-offer/events/nope')).statusCode, 404);
  });

  test('feedback on a service is checked, kept private and waits for the officer', async () => {
    const { s } = ctx();
    const service = await s.db.selectFrom('services').select(['id']).where('name', '=', 'Talk Together drop-in, Carlisle').executeTakeFirstOrThrow();
    const c = ctx().client();
    await c.get(`/local-offer/services/${service.id}`);
    const empty = await c.post(`/local-offer/services/${service.id}/feedback`, { feedback: '  ', email: 'not an email' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /href="#feedback">Enter your feedback</);
    assert.match(empty.body, /href="#email">Enter an email address in the correct format/);
    const sent = await c.post(`/local-offer/services/${service.id}/feedback`, { feedback: 'Lovely staff, but the room was too noisy.', name: 'Sam', email: 'sam@example.com' });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `/local-offer/feedback/sent?service=${service.id}`);
    const row = await s.db.selectFrom('local_offer_feedback').selectAll().where('body', '=', 'Lovely staff, but the room was too noisy.').executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.service_id, service.id);
    assert.equal(row.email, 'sam@example.com');
    const told = await c.get('/local-offer/you-told-us');
    assert.doesNotMatch(told.body, /too noisy/, 'not published until the officer says so');
    const general = await c.post('/local-offer/feedback', { feedback: 'Please add more for teenagers.' });
    assert.equal(general.statusCode, 303);
    const noCsrf = await c.post('/local-offer/feedback', { feedback: 'x' }, { withCsrf: false });
    assert.equal(noCsrf.statusCode, 403);
    const audit = await s.db.selectFrom('audit_log').select(['details']).where('action', '=', 'local-offer.feedback.submitted').where('subject_id', '=', row.id).executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(audit.details), /noisy|sam@/, 'the audit log holds no feedback text or contact details');
  });

  test('"You told us" shows published feedback with the council’s response, never names or emails', async () => {
    const res = await ctx().client().get('/local-offer/you-told-us');
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.match(page, /Our response/);
    assert.match(page, /changing places/);
    assert.doesNotMatch(page, /A dad in Workington|parent@example.com/, 'pending feedback and private details stay private');
  });
});

function yearAgo(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}
