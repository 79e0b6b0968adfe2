import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { aPlan, decode, errorMessages, pdfText } from './plans-support.js';
import type { Role } from '../../src/platform/access/roles.js';
import { SECTIONS } from '../../src/features/ehc/ehc.codes.js';

describeApp('plans: sections A to K, versions, comparison, print view and PDF', (ctx) => {
  let leo = { childId: '', planId: '' };
  let mia = { childId: '', planId: '' };
  const draft = { A: 'Leo loves trains and wants to be a driver.', B: 'Leo has autism. He finds noise hard.', C: 'Asthma, well controlled.' };
  const final = { A: 'Leo loves trains and wants to be a driver.', B: 'Leo has autism and ADHD. He finds noise hard.', C: 'Asthma, well controlled.', F: 'A quiet space at break times.' };

  test('set up: plans for Leo (linked to nobody) and Mia (linked to her family, a health professional and her school)', async () => {
    const { s } = ctx();
    const child = async (name: string) => (await s.db.selectFrom('children').select('id').where('given_name', '=', name).executeTakeFirstOrThrow()).id;
    const l = await aPlan(ctx(), { childId: await child('Leo'), finalDaysAgo: 40, draft, final });
    const m = await aPlan(ctx(), { childId: await child('Mia'), finalDaysAgo: 20, final: { A: 'Mia likes drawing.' } });
    leo = { childId: l.childId, planId: l.planId };
    mia = { childId: m.childId, planId: m.planId };
  });

  test('the plan page shows the version that stands: sections A to K in order with their statutory names, and every version', async () => {
    const c = await ctx().signedIn('casework-officer');
    const res = await c.get(`/plans/${leo.planId}`);
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    let at = -1;
    for (const [key, label] of Object.entries(SECTIONS)) {
      const i = html.indexOf(`id="section-${key}">Section ${key}: ${label}</h3>`);
      assert.ok(i > at, `section ${key} in order`);
      at = i;
    }
    assert.match(html, /Version 2: Final plan, issued/);
    assert.match(html, /Leo has autism and ADHD/);
    assert.match(html, /Nothing is written in this section/);
    assert.match(html, new RegExp(`href="/plans/${leo.planId}/versions/1">Version 1</a>`));
    assert.match(html, /<td class="govuk-table__cell">Draft plan<\/td>/);
    assert.match(html, new RegExp(`href="/plans/${leo.planId}/compare\\?from=1&to=2"`));
    assert.match(html, new RegExp(`href="/plans/${leo.planId}/versions/2/print"`));
    assert.match(html, new RegExp(`href="/plans/${leo.planId}/versions/2.pdf"`));
    assert.match(html, /href="\/reviews\/[0-9a-f-]{36}">Review due by/);
  });

  test('an older version is shown as such, with the way back to the plan that stands', async () => {
    const c = await ctx().signedIn('casework-manager');
    const res = await c.get(`/plans/${leo.planId}/versions/1`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Version 1: Draft plan/);
    assert.match(res.body, /This is not the version that stands now/);
    assert.doesNotMatch(res.body, /ADHD/);
    assert.equal((await c.get(`/plans/${leo.planId}/versions/9`)).statusCode, 404);
    assert.equal((await c.get(`/plans/${leo.planId}/versions/0`)).statusCode, 404);
    assert.equal((await c.get(`/plans/${leo.planId}/versions/1x`)).statusCode, 404);
  });

  test('the comparison shows the words added and removed, accessibly, and lists the unchanged sections', async () => {
    const c = await ctx().signedIn('casework-officer');
    const res = await c.get(`/plans/${leo.planId}/compare?from=1&to=2`);
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    assert.match(html, /Leo has autism <ins class="app-diff__added"><span class="govuk-visually-hidden">\[Added: <\/span>and ADHD<span class="govuk-visually-hidden">\]<\/span><\/ins>/);
    assert.match(html, /Section F: Special educational provision/);
    assert.match(html, /<ins class="app-diff__added"><span class="govuk-visually-hidden">\[Added: <\/span>A quiet space at break times\./);
    assert.match(html, /2 of 12 sections changed/);
    const unchanged = html.slice(html.indexOf('id="unchanged"'));
    assert.match(unchanged, /Section A: Views, interests and aspirations/);
    assert.match(unchanged, /Section C: Health needs/);
    assert.match(unchanged, /Section K: Advice and information \(nothing written\)/);
    assert.doesNotMatch(unchanged, /Section B:/);

    // Backwards: the same words removed.
    const back = decode((await c.get(`/plans/${leo.planId}/compare?from=2&to=1`)).body);
    assert.match(back, /<del class="app-diff__removed"><span class="govuk-visually-hidden">\[Removed: <\/span>and ADHD<span class="govuk-visually-hidden">\]<\/span><\/del>/);
    // Without a choice: the last two versions.
    assert.match(decode((await c.get(`/plans/${leo.planId}/compare`)).body), /\[Added: <\/span>and ADHD/);
  });

  test('a comparison of versions that do not exist, or of a version with itself, is a GOV.UK error', async () => {
    const c = await ctx().signedIn('casework-officer');
    const bad = await c.get(`/plans/${leo.planId}/compare?from=7&to=2`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Error: /);
    assert.deepEqual(errorMessages(bad.body), ['Select the version to compare from']);
    const same = await c.get(`/plans/${leo.planId}/compare?from=2&to=2`);
    assert.equal(same.statusCode, 400);
    assert.deepEqual(errorMessages(same.body), ['Select two different versions to compare']);
    const one = await c.get(`/plans/${mia.planId}/compare`);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /only one version so far/);
  });

  test('the print view: the plan alone, no navigation, with its print styles and the PDF link', async () => {
    const c = await ctx().signedIn('casework-officer');
    const res = await c.get(`/plans/${leo.planId}/versions/2/print`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en"/);
    assert.doesNotMatch(res.body, /govuk-service-navigation|govuk-footer/);
    assert.match(res.body, /<main[^>]*id="main-content"/);
    assert.match(res.body, /<h1 class="govuk-heading-l">Education, health and care plan<\/h1>/);
    assert.match(res.body, /Leo Whitfield/);
    assert.match(res.body, /<h2 class="govuk-heading-m" id="section-H1">Section H1: /);
    assert.match(res.body, /href="\/assets\/plans.css"/);
    assert.match(res.body, new RegExp(`href="/plans/${leo.planId}/versions/2.pdf"`));
    const css = await c.get('/assets/plans.css');
    assert.equal(css.statusCode, 200);
    assert.match(css.body, /@media print/);
  });

  test('the PDF is made on the server: a tagged PDF with a title and language, and the child’s name in its text', async () => {
    const c = await ctx().signedIn('casework-officer');
    const res = await c.get(`/plans/${leo.planId}/versions/2.pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="ehc-plan-leo-whitfield-version-2\.pdf"$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const pdf = res.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/Lang \(en-GB\)/);
    assert.match(raw, /\/MarkInfo/);
    assert.match(raw, /\/StructTreeRoot/);
    assert.match(raw, /\/DisplayDocTitle true/);
    // The page text, read from the inflated content streams.
    const text = pdfText(pdf);
    assert.match(text, /Leo Whitfield, born 2 November 2012/);
    assert.match(text, /Section B: Special educational needs/);
    assert.match(text, /Leo has autism and ADHD/);
    assert.match(text, /Section K: Advice and information/);
    assert.match(text, /Page 1 of \d/);
  });

  test('views and downloads are audited against the child', async () => {
    const { s } = ctx();
    const rows = await s.db.selectFrom('audit_log').select(['action', 'details']).where('child_id', '=', leo.childId).where('action', 'in', ['plan.viewed', 'plan.downloaded']).execute();
    const pages = rows.filter((r) => r.action === 'plan.viewed').map((r) => (r.details as { page: string }).page);
    for (const p of ['plan', 'version', 'compare', 'print']) assert.ok(pages.includes(p), `audited: ${p}`);
    assert.ok(rows.some((r) => r.action === 'plan.downloaded'));
  });

  test('refusals: a family, school or adviser reaches only their own child’s plan; an unknown plan is 404', async () => {
    const urls = (id: string) => [`/plans/${id}`, `/plans/${id}/versions/1`, `/plans/${id}/compare`, `/plans/${id}/versions/1/print`, `/plans/${id}/versions/1.pdf`];
    const cases: [Role, number, number][] = [
      ['family', 403, 200],
      ['senco', 403, 200],
      ['health-professional', 403, 200],
      ['social-worker', 403, 403],
      ['analyst', 403, 403],
      ['designated-clinical-officer', 200, 200],
    ];
    for (const [role, leoStatus, miaStatus] of cases) {
      const c = await ctx().signedIn(role);
      for (const url of urls(leo.planId)) assert.equal((await c.get(url)).statusCode, leoStatus, `${role} ${url} (Leo)`);
      for (const url of urls(mia.planId)) assert.equal((await c.get(url)).statusCode, miaStatus, `${role} ${url} (Mia)`);
    }
    const family = await ctx().signedIn('family');
    const own = await family.get(`/plans/${mia.planId}`);
    assert.match(own.body, /Mia likes drawing/);
    assert.match(own.body, /Back to the home page/);
    const c = await ctx().signedIn('casework-officer');
    assert.equal((await c.get('/plans/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await c.get('/plans/not-a-plan')).statusCode, 404);
    assert.equal((await ctx().client().get(`/plans/${leo.planId}`)).statusCode, 303);
  });
});
