import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Services } from '../services.js';
import { rng, type Rng } from './prng.js';
import { demoEmail } from './platform.seed.js';
import { newSecret } from '../platform/auth/secrets.js';
import { voiceServices } from '../features/voice/voice.feature.js';
import { londonToUtc } from '../features/voice/london-time.js';
import type { Question } from '../features/voice/survey.questions.js';

/**
 * The demo's co-production: two years of the SEND Annual Survey (2025 closed, 2026 open), one
 * other open survey, "you said, we did" entries answered by actions of the strategy, working
 * groups with meetings, a few confirmed subscribers and feedback. Every answer is synthetic and
 * deterministic (seeded); the shifts between years follow the strategy's story: trust and
 * information improve, mental health waits do not yet.
 */
export async function seedVoiceDemo(s: Services): Promise<boolean> {
  const db = s.db;
  if (await db.selectFrom('surveys').select('id').executeTakeFirst()) return false;
  const leader = await db.selectFrom('users').select(['id', 'organisation_id', 'role', 'name']).where('email', '=', demoEmail('partnership-leader')).executeTakeFirst();
  const forum = await db.selectFrom('users').select(['id', 'name']).where('email', '=', demoEmail('forum-member')).executeTakeFirst();
  if (!leader) return false;
  const actor = { userId: leader.id, organisationId: leader.organisation_id, role: leader.role };
  const v = voiceServices(s);
  const r = rng(20261124);
  const today = s.today();

  await db.transaction().execute(async (tx) => {
    // ---- The SEND Annual Survey, 2025 and 2026 ------------------------------------------
    for (const year of [2025, 2026] as const) {
      const id = await v.surveys.create(tx, actor, {
        title: `SEND Annual Survey ${year}`,
        description: 'Tell us how things are for your family. We read every answer with the parent carer forum, publish the results, and use them to measure whether our strategy is working.',
        anonymous: true,
        audience: 'open',
        annualYear: year,
      });
      await v.surveys.update(tx, actor, id, { status: 'open', publishResults: true });
      if (year === 2025) await v.surveys.update(tx, actor, id, { status: 'closed' });
      const questions = await v.surveys.questionsOf(tx, id);
      const statementRefs = await tx
        .selectFrom('survey_questions as q')
        .innerJoin('strategy_family_statements as st', 'st.id', 'q.statement_id')
        .innerJoin('strategy_priorities as p', 'p.id', 'st.priority_id')
        .select(['q.id', 'p.number', 'st.position'])
        .where('q.survey_id', '=', id)
        .execute();
      const statementOf = new Map(statementRefs.map((x) => [x.id, { priority: x.number, position: x.position }]));
      await insertResponses(tx, r, id, questions, year === 2025 ? 320 : 284, [`${year}-10-01`, `${year}-11-01`], (q) => annualAnswer(r, q, statementOf.get(q.id), year));
    }

    // ---- One other open survey ------------------------------------------------------------
    const breaks = await v.surveys.create(tx, actor, {
      title: 'Short breaks and activities: what matters to your family',
      description: 'We are reviewing short breaks and respite (action 2.4 of our plan) with the parent carer forum. Tell us what works for your family and what does not.',
      anonymous: true,
      audience: 'open',
    });
    const add = (q: Omit<Question, 'id' | 'position'>) => v.surveys.addQuestion(tx, actor, breaks, q);
    await add({ kind: 'single', text: 'Has your child used a short break or activity in the last year?', hint: '', options: ['Yes', 'No'], required: true, showIf: null });
    await add({ kind: 'multiple', text: 'Which have you used?', hint: 'Select all that apply.', options: ['After-school clubs', 'Holiday activities', 'Overnight short breaks', 'Sitting service at home', 'Direct payments'], required: false, showIf: { position: 1, value: 'Yes' } });
    await add({ kind: 'agreement', text: 'It is easy to find out what short breaks there are near us.', hint: '', options: [], required: false, showIf: null });
    await add({ kind: 'text', text: 'What would make short breaks work better for your family?', hint: 'Do not include names or anything that could identify you or your child.', options: [], required: false, showIf: null });
    await v.surveys.update(tx, actor, breaks, { status: 'open' });
    const bq = await v.surveys.questionsOf(tx, breaks);
    await insertResponses(tx, r, breaks, bq, 46, ['2026-11-01'], (q, given) => breaksAnswer(r, q, given));

    // ---- You said, we did --------------------------------------------------------------------
    const actions = new Map((await tx.selectFrom('strategy_actions').select(['id', 'reference']).execute()).map((a) => [a.reference, a.id]));
    const annual2025 = await tx.selectFrom('surveys').select('id').where('kind', '=', 'annual').where('year', '=', 2025).executeTakeFirstOrThrow();
    const entries = [
      { sourceKind: 'survey', sourceLink: `/have-your-say/results/${annual2025.id}`, saidOn: '2025-12-01', status: 'done', action: '1.3',
        youSaid: 'In the 2025 survey, fewer than half of families agreed that information and processes are clear. Letters were hard to follow.',
        weDid: 'We rewrote our decision letters with parent carers, in plain English, and every letter now says what happens next and by when.' },
      { sourceKind: 'survey', sourceLink: `/have-your-say/results/${annual2025.id}`, saidOn: '2025-12-01', status: 'acting', action: '2.2',
        youSaid: 'Families told us that waiting for mental health support is the hardest part, and that nobody tells them how long the wait will be.',
        weDid: 'The NHS now publishes waiting times for children’s mental health services each month, and a support line is open to families while they wait. Waits are still too long.' },
      { sourceKind: 'meeting', sourceLink: '/meetings', saidOn: '2026-03-12', status: 'acting', action: '2.4',
        youSaid: 'Parent carer representatives said short breaks are hard to find and the rules about who can have them are not clear.',
        weDid: 'We are reviewing short breaks with the forum. The survey on short breaks is open now.' },
      { sourceKind: 'feedback', sourceLink: '/you-said-we-did#feedback', saidOn: '2026-06-20', status: 'done', action: '2.3',
        youSaid: 'People using this website said they could not find what happens after you ask for an assessment.',
        weDid: 'We added a page that shows each step, with the time limits, and linked it from the start page.' },
      { sourceKind: 'survey', sourceLink: '', saidOn: '2026-11-01', status: 'listening', action: null,
        youSaid: 'Young people said they want to be asked directly, not only through their parents.',
        weDid: '' },
    ] as const;
    for (const e of entries) {
      await v.yswd.save(tx, actor, null, {
        sourceKind: e.sourceKind,
        sourceLink: e.sourceLink,
        youSaid: e.youSaid,
        weDid: e.weDid,
        status: e.status,
        actionId: e.action ? (actions.get(e.action) ?? null) : null,
        published: true,
        saidOn: e.saidOn,
      });
    }

    // ---- Working groups ------------------------------------------------------------------------
    const groups = [
      { name: 'Engagement and co-production', purpose: 'How families and young people take part in planning and checking services: the co-production charter, surveys and “you said, we did”.', action: '1.1' },
      { name: 'Preparing for adulthood', purpose: 'Support for young people from Year 9 into adult life: the route planner, post-16 choices, internships and moving to adult services.', action: '4.1' },
      { name: 'Emotional health and wellbeing', purpose: 'Mental health support for children and young people with SEND, and the waits for it.', action: '2.2' },
    ];
    const people = [
      ['Joanne Pattinson', 'SEND Alliance Cumbria (SENDAC)', true],
      ['Mohammed Iqbal', 'SEND Alliance Cumbria (SENDAC)', true],
      ['Rachel Nixon', 'Cumberland Council', false],
      ['Dr Simon Heywood', 'North Cumbria Integrated Care NHS Foundation Trust', false],
    ] as const;
    const now = new Date(`${today}T12:00:00Z`);
    for (const [gi, g] of groups.entries()) {
      const groupId = await v.groups.create(tx, actor, { name: g.name, purpose: g.purpose });
      if (forum) await v.groups.addMember(tx, actor, groupId, { userId: forum.id, name: forum.name, organisation: 'SEND Alliance Cumbria (SENDAC)', parentCarerRep: true });
      await v.groups.addMember(tx, actor, groupId, { userId: leader.id, name: leader.name, organisation: 'Cumberland Council', parentCarerRep: false });
      for (const [name, org, rep] of people.slice(gi % 2, gi % 2 + 3)) await v.groups.addMember(tx, actor, groupId, { userId: null, name, organisation: org, parentCarerRep: rep });
      // One meeting six weeks ago with minutes and actions; the next two ahead.
      for (const weeks of [-6, 2 + gi, 8 + gi]) {
        const day = new Date(now.getTime() + weeks * 7 * 86400000).toISOString().slice(0, 10);
        const meetingId = await v.groups.addMeeting(tx, actor, groupId, {
          title: weeks < 0 ? 'Monthly meeting' : weeks < 8 ? 'Monthly meeting' : 'Quarterly review with the Partnership Board',
          startsAt: londonToUtc(day, '10:00'),
          endsAt: londonToUtc(day, '12:00'),
          place: gi === 1 ? 'Online (Microsoft Teams)' : 'Cumbria House, Carlisle',
          agenda: '1. Welcome and introductions\n2. Actions from last time\n3. What families are telling us\n4. Progress on the plan\n5. Any other business',
        });
        if (weeks < 0) {
          await v.groups.saveNotes(tx, actor, meetingId, {
            agenda: '1. Welcome and introductions\n2. Actions from last time\n3. What families are telling us\n4. Progress on the plan',
            minutes: 'Parent carer representatives shared what families have told the forum this month. The group agreed the actions below and will report progress to the Partnership Board.',
          });
          const due = new Date(now.getTime() + 14 * 86400000).toISOString().slice(0, 10);
          await v.groups.addAction(tx, actor, meetingId, { text: 'Bring the latest survey results to the next meeting', owner: 'SENDAC', dueOn: due, strategyActionId: null });
          await v.groups.addAction(tx, actor, meetingId, { text: 'Report progress on the strategy’s action to the Board', owner: 'Cumberland Council', dueOn: due, strategyActionId: actions.get(g.action) ?? null });
        }
      }
    }

    // ---- Subscribers and feedback --------------------------------------------------------------
    for (const [i, topics] of [['newsletter'], ['newsletter', 'surveys'], ['meetings', 'you-said-we-did']].entries()) {
      await tx.insertInto('subscribers').values({ email: `subscriber${i + 1}@example.org`, topics: JSON.stringify(topics), confirmed_at: new Date(`${today}T09:00:00Z`), unsubscribe_token: newSecret() }).execute();
    }
    const feedback = [
      { page: '/have-your-say', useful: 'yes', comment: 'Good to see the survey results published.', status: 'published', reply: 'Thank you. We will publish the 2026 results when the survey closes.', on: '2026-06-02' },
      { page: '/you-said-we-did', useful: 'no', comment: 'I could not tell which actions were finished.', status: 'published', reply: 'We now group the entries by where they are up to: listening, acting and done.', on: '2026-07-14' },
      { page: '/meetings', useful: 'no', comment: 'Please say if meetings are online or in person.', status: 'new', reply: '', on: '2026-11-10' },
    ] as const;
    for (const f of feedback) {
      await tx.insertInto('page_feedback').values({ page: f.page, useful: f.useful, comment: f.comment, status: f.status, reply: f.reply, submitted_on: f.on, ...(f.status === 'published' ? { moderated_by: leader.id, moderated_at: new Date(`${f.on}T15:00:00Z`) } : {}) }).execute();
    }
  });
  // Publish the figures as they stand (the surveys were published before their answers were added).
  for (const survey of await db.selectFrom('surveys').select('id').execute()) await v.surveys.snapshot(db, survey.id);
  return true;
}

/** Inserts anonymous responses in bulk: each a random id, a month, and its answers. */
async function insertResponses(
  db: Db,
  r: Rng,
  surveyId: string,
  questions: readonly Question[],
  count: number,
  months: readonly string[],
  answer: (q: Question, given: Map<number, string[]>) => string[],
) {
  let responses: { id: string; survey_id: string; responded_on: string }[] = [];
  let answers: { response_id: string; question_id: string; value: string }[] = [];
  const flush = async () => {
    if (responses.length) await db.insertInto('survey_responses').values(responses).execute();
    for (let i = 0; i < answers.length; i += 6000) await db.insertInto('survey_answers').values(answers.slice(i, i + 6000)).execute();
    responses = [];
    answers = [];
  };
  for (let n = 0; n < count; n++) {
    const id = randomUUID();
    responses.push({ id, survey_id: surveyId, responded_on: r.pick(months) });
    const given = new Map<number, string[]>();
    for (const q of questions) {
      if (q.showIf && !(given.get(q.showIf.position) ?? []).includes(q.showIf.value)) continue;
      const values = answer(q, given);
      if (!values.length) continue;
      given.set(q.position, values);
      for (const value of values) answers.push({ response_id: id, question_id: q.id, value });
    }
    if (answers.length > 12000) await flush();
  }
  await flush();
}

/**
 * How likely a family is to agree with a statement, by priority and year: the strategy's story.
 * Trust, co-production and information (priority 1) improve most; mental health waits (2.4)
 * and the help for young people moving to adult services stay low.
 */
function agreeChance(statement: { priority: number; position: number } | undefined, year: number): number {
  if (!statement) return year === 2025 ? 0.5 : 0.55;
  const base: Record<number, number> = { 1: 0.36, 2: 0.42, 3: 0.4, 4: 0.38, 5: 0.33, 6: 0.39 };
  const lift: Record<number, number> = { 1: 0.09, 2: 0.04, 3: 0.05, 4: 0.03, 5: 0.02, 6: 0.04 };
  let p = (base[statement.priority] ?? 0.4) + (statement.position % 3) * 0.03;
  if (statement.priority === 2 && statement.position === 4) p = 0.22; // mental health waits
  if (year === 2026) p += statement.priority === 2 && statement.position === 4 ? 0.01 : (lift[statement.priority] ?? 0.03);
  return p;
}

const COMMENTS = [
  'Being listened to the first time, without having to repeat our story to every service.',
  'Shorter waits for the autism assessment and for mental health support.',
  'Someone to ring who knows our child and can tell us what happens next.',
  'Clearer letters. I did not understand the decision letter at all.',
  'More places in local schools so my son does not travel an hour each way.',
  'Short breaks in the holidays that work for children with complex needs.',
  'The annual review actually changing something.',
  'Help for my daughter as she turns 18: nobody has explained adult services.',
  'Schools understanding that behaviour is communication.',
  'Information in one place instead of five different websites.',
];

function annualAnswer(r: Rng, q: Question, statement: { priority: number; position: number } | undefined, year: number): string[] {
  switch (q.position) {
    case 1:
      return [r.weighted([[q.options[0]!, 80], [q.options[1]!, 15], [q.options[2]!, 5]])];
    case 2:
      return r.chance(0.95) ? [r.weighted([[q.options[0]!, 45], [q.options[1]!, 35], [q.options[2]!, 12], [q.options[3]!, 8]])] : [];
  }
  if (q.kind === 'text') return r.chance(0.22) ? [r.pick(COMMENTS)] : [];
  if (q.kind !== 'agreement') return [];
  if (!r.chance(0.9)) return [];
  if (r.chance(0.07)) return ['dont-know'];
  const agree = agreeChance(statement, year);
  if (r.chance(agree)) return [r.chance(0.35) ? 'strongly-agree' : 'agree'];
  return [r.weighted([['neither', 30], ['disagree', 45], ['strongly-disagree', 25]])];
}

function breaksAnswer(r: Rng, q: Question, _given: Map<number, string[]>): string[] {
  if (q.kind === 'single') return [r.chance(0.6) ? 'Yes' : 'No'];
  if (q.kind === 'multiple') return q.options.filter((_, i) => r.chance([0.5, 0.45, 0.12, 0.2, 0.3][i] ?? 0.2));
  if (q.kind === 'agreement') return [r.weighted([['strongly-agree', 5], ['agree', 20], ['neither', 20], ['disagree', 35], ['strongly-disagree', 15], ['dont-know', 5]])];
  return r.chance(0.3) ? [r.pick(['More holiday activities for teenagers.', 'Clubs that accept children who need one-to-one support.', 'A list of what is available near us, with prices.', 'Overnight breaks closer to home.'])] : [];
}
