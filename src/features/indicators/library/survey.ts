import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ComputedValue, IndicatorComputation, IndicatorDefinition, Priority } from '../indicator.types.js';
import { suppress } from '../suppression.js';
import { SMALL_NUMBERS } from './common.js';

/**
 * Survey indicators: owned by the co-production ("voice") feature (docs/voice.md). The strategy
 * measures its success by what families say. Every "what it will look like for families"
 * statement of the strategy (strategy_family_statements) is an agreement question of the SEND
 * Annual Survey, and each becomes an indicator: of those who gave a view on the statement, the
 * share who agree or strongly agree, by survey year.
 *
 * Ids are stable: `survey-agree-p{priority}-s{position}`, the statement's place in the
 * strategy. The names below are short forms of the Cumberland strategy's statements
 * (src/demo/strategy.seed.ts holds them in full); a statement added later has no indicator
 * until it is named here.
 */
const STATEMENTS: Record<number, string[]> = {
  1: [
    'Families trust the partnership to support them well',
    'Families influence decisions about the support and services they use',
    'Families feel well informed, and find information and processes clear and transparent',
    'Services work well together to meet children’s needs',
  ],
  2: [
    'Children are educated close to their families and communities',
    'Babies and young children can go to local early years settings that meet their needs',
    'Support is local and there when it is needed',
    'Children get timely mental health support that is right for them',
    'Children enjoy activities that give their families a break',
    'Children with the highest needs can have overnight short breaks',
    'Family Hub SEND sessions give families information and support',
    'The Local Offer websites give clear, useful information',
    'SENDIASS gives impartial, clear and useful advice',
  ],
  3: [
    'Needs are identified early and support comes early',
    'Health visitors identify and share needs at the earliest point',
    'Practitioners are confident in identifying and supporting SEND',
    'Children have good outcomes: happy, healthy and as independent as possible',
    'Young people aged 16 to 25 can find good local education, training and work',
    'EHC plans are good and on time, and annual reviews are timely and effective',
  ],
  4: [
    'Young people are supported to use the Preparing for Adulthood route planner from Year 9',
    'Young people aged 16 to 25 have choices and support for what comes after school',
    'Young people on SEN Support or in alternative provision get help to prepare for their next steps',
    'Young people moving to adult health services are well supported',
    'Young adults understand their housing and living options and get help to choose',
  ],
  5: [
    'Alternative provision that meets children’s needs is available locally',
    'More children have their needs met in school',
    'Time in alternative provision is short and children return to school',
  ],
  6: [
    'Families can find local education that meets their needs',
    'Fewer children are excluded or suspended',
    'Schools understand and meet needs at the earliest opportunity',
    'Asking for an EHC needs assessment is simple',
  ],
};

export const surveyIndicatorId = (priority: number, position: number) => `survey-agree-p${priority}-s${position}`;

export const surveyIndicators: readonly IndicatorDefinition[] = Object.entries(STATEMENTS).flatMap(([p, names]) =>
  names.map(
    (name, i): IndicatorDefinition => ({
      id: surveyIndicatorId(Number(p), i + 1),
      name: `${name}: families who agree`,
      priority: Number(p) as Priority,
      theme: 'survey',
      definition: `Of the people who answered the SEND Annual Survey and gave a view on this statement from the strategy, the share who agree or strongly agree. The statement is number ${i + 1} of what priority ${p} will look like for families.`,
      numerator: 'People who answered “agree” or “strongly agree” to the statement in the year’s survey',
      denominator: 'People who answered the statement with a view (anything but “don’t know”) in the year’s survey',
      source: ['SEND Annual Survey (co-production and voice)'],
      owner: 'Partnership Board, with the parent carer forum (SENDAC)',
      goodDirection: 'up',
      unit: 'percent',
      suppression: SMALL_NUMBERS,
      periodKind: 'calendar-year',
      breakdowns: [],
      caveats: [
        'The survey is answered by those who choose to: it speaks for them, not for every family.',
        '“Don’t know” answers are left out of the share; people who skipped the statement are not counted.',
        'Answers are anonymous, so the same family may be counted in two years but cannot be followed from one year to the next.',
      ],
    }),
  ),
);

const KNOWN = new Set(surveyIndicators.map((i) => i.id));

/**
 * Every annual survey's agreement with each statement, as last published: the totals the
 * survey keeps in survey_statement_totals, refreshed in steps of at least 5 answers
 * (src/features/voice/survey.service.ts), so the indicator never moves by one person's answer.
 */
async function computeSurveyValues(db: Kysely<DB>): Promise<ComputedValue[]> {
  const rows = await db
    .selectFrom('survey_statement_totals as t')
    .innerJoin('surveys as s', 's.id', 't.survey_id')
    .innerJoin('survey_questions as q', 'q.id', 't.question_id')
    .innerJoin('strategy_family_statements as st', 'st.id', 'q.statement_id')
    .innerJoin('strategy_priorities as p', 'p.id', 'st.priority_id')
    .select(['s.year', 'p.number', 'st.position', 't.agreeing', 't.with_view'])
    .where('s.kind', '=', 'annual')
    .execute();
  return rows
    .map((r) => ({ id: surveyIndicatorId(r.number, r.position), year: r.year, agreeing: Number(r.agreeing), withView: Number(r.with_view) }))
    .filter((r) => KNOWN.has(r.id) && r.year !== null)
    .map((r) => ({
      indicatorId: r.id,
      period: String(r.year),
      breakdown: '',
      breakdownValue: '',
      numerator: r.agreeing,
      denominator: r.withView,
      value: r.withView ? (100 * r.agreeing) / r.withView : null,
    }));
}

export const surveyComputations: readonly IndicatorComputation[] = [
  { ids: [...KNOWN], compute: ({ db }) => computeSurveyValues(db) },
];

/**
 * Brings the survey indicators up to date when a survey's published figures are refreshed,
 * rather than at the next full recompute. Writes the store the same way the full recompute
 * does: suppressed values keep no figures.
 */
export async function refreshSurveyIndicators(db: Kysely<DB>, areaCode: string): Promise<void> {
  const values = await computeSurveyValues(db);
  if (!values.length) return;
  const now = new Date();
  const rows = values.map((v) => {
    const shown = suppress(SMALL_NUMBERS, v);
    return {
      indicator_id: v.indicatorId,
      area_code: areaCode,
      period: v.period,
      breakdown: '',
      breakdown_value: '',
      numerator: shown.numerator,
      denominator: shown.denominator,
      value: shown.value,
      suppressed: shown.suppressed,
      computed_at: now,
    };
  });
  await db
    .insertInto('indicator_values')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['indicator_id', 'area_code', 'period', 'breakdown', 'breakdown_value']).doUpdateSet((eb) => ({
        numerator: eb.ref('excluded.numerator'),
        denominator: eb.ref('excluded.denominator'),
        value: eb.ref('excluded.value'),
        suppressed: eb.ref('excluded.suppressed'),
        computed_at: eb.ref('excluded.computed_at'),
      })),
    )
    .execute();
}
