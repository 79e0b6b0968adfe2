import type { Db } from '../../db/database.js';
import type { Question } from './survey.questions.js';

export type TemplateQuestion = Omit<Question, 'id'> & { statementId?: string | null };

/**
 * The SEND Annual Survey: the strategy measures its success by what families say, so every
 * "what it will look like for families" statement becomes an agreement question, and its
 * results become an indicator (src/features/indicators/library/survey.ts). A few questions
 * about who is answering come first; one conditional question shows the pattern.
 */
export async function annualSurveyQuestions(db: Db): Promise<TemplateQuestion[]> {
  const statements = await db
    .selectFrom('strategy_family_statements as s')
    .innerJoin('strategy_priorities as p', 'p.id', 's.priority_id')
    .select(['s.id', 's.text', 'p.number', 'p.title'])
    .orderBy('p.number')
    .orderBy('s.position')
    .execute();
  const intro: TemplateQuestion[] = [
    {
      position: 1,
      kind: 'single',
      text: 'Who are you answering as?',
      hint: '',
      options: ['A parent or carer', 'A young person aged 16 to 25', 'Someone else'],
      required: true,
      showIf: null,
    },
    {
      position: 2,
      kind: 'single',
      text: 'Does your child or young person have an education, health and care plan?',
      hint: 'An education, health and care plan (EHC plan) is the legal document that sets out a child’s needs and the help they must get.',
      options: ['Yes', 'No, they get SEN Support at school', 'No', 'I am not sure'],
      required: false,
      showIf: null,
    },
    {
      position: 3,
      kind: 'agreement',
      text: 'We were involved in writing the plan, and it describes our child well.',
      hint: '',
      options: [],
      required: false,
      showIf: { position: 2, value: 'Yes' },
    },
  ];
  const agreement: TemplateQuestion[] = statements.map((st, i) => ({
    position: intro.length + 1 + i,
    kind: 'agreement',
    text: st.text,
    hint: `Priority ${st.number}: ${st.title}`,
    options: [],
    required: false,
    showIf: null,
    statementId: st.id,
  }));
  const last: TemplateQuestion = {
    position: intro.length + agreement.length + 1,
    kind: 'text',
    text: 'What one thing would make the biggest difference to your family?',
    hint: 'Do not include names or anything else that could identify you or your child.',
    options: [],
    required: false,
    showIf: null,
  };
  return [...intro, ...agreement, last];
}
