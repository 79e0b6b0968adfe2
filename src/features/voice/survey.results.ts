import { discloseCount, discloseRate, type Disclosed } from '../../platform/disclosure/disclosure.js';
import { AGREEING, DONT_KNOW, choicesOf, type Question } from './survey.questions.js';

/** One answer as stored: which question, which value (a response may give several). */
export interface AnswerRow {
  questionId: string;
  responseId: string;
  value: string;
}

export interface ChoiceCount {
  value: string;
  label: string;
  count: number;
  /** Share of the people who answered the question, 0–100; null when nobody did. */
  percent: number | null;
}

export interface QuestionResult {
  question: Question;
  /** People who answered this question. */
  answered: number;
  choices: ChoiceCount[];
  /** Agreement questions: agree or strongly agree, of those who gave a view (not "don't know"). */
  agreeing?: { count: number; of: number; percent: number | null };
  /** Free-text answers, for staff; never published. */
  texts: string[];
}

/** Tallies every question's answers. Counts are true counts: publishing applies `publishable`. */
export function tally(questions: readonly Question[], rows: readonly AnswerRow[]): QuestionResult[] {
  const byQuestion = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const list = byQuestion.get(r.questionId);
    if (list) list.push(r);
    else byQuestion.set(r.questionId, [r]);
  }
  return [...questions]
    .sort((a, b) => a.position - b.position)
    .map((q) => {
      const answers = byQuestion.get(q.id) ?? [];
      const answered = new Set(answers.map((a) => a.responseId)).size;
      if (q.kind === 'text') return { question: q, answered, choices: [], texts: answers.map((a) => a.value) };
      const counts = new Map<string, number>();
      for (const a of answers) counts.set(a.value, (counts.get(a.value) ?? 0) + 1);
      const choices = choicesOf(q).map((c) => {
        const count = counts.get(c.value) ?? 0;
        return { ...c, count, percent: answered ? (100 * count) / answered : null };
      });
      const result: QuestionResult = { question: q, answered, choices, texts: [] };
      if (q.kind === 'agreement') {
        const count = choices.filter((c) => AGREEING.includes(c.value)).reduce((n, c) => n + c.count, 0);
        const of = answered - (counts.get(DONT_KNOW) ?? 0);
        result.agreeing = { count, of, percent: of ? (100 * count) / of : null };
      }
      return result;
    });
}

export interface PublishedChoice {
  label: string;
  count: Disclosed;
  share: Disclosed;
}

export interface PublishedResult {
  question: Question;
  answered: Disclosed;
  choices: PublishedChoice[];
  agreeing?: Disclosed;
}

/**
 * What a public page may show: counts of 1 to 4 as "fewer than 5", and any share built on one
 * suppressed too (src/platform/disclosure). Free text is never published: it can name people.
 */
export function publishable(results: readonly QuestionResult[]): PublishedResult[] {
  return results
    .filter((r) => r.question.kind !== 'text')
    .map((r) => ({
      question: r.question,
      answered: discloseCount(r.answered),
      choices: r.choices.map((c) => ({ label: c.label, count: discloseCount(c.count), share: shareOf(c.count, r.answered) })),
      ...(r.agreeing ? { agreeing: shareOf(r.agreeing.count, r.agreeing.of) } : {}),
    }));
}

/** A share for a survey page: the platform's rule, in words about answers rather than children. */
function shareOf(count: number, of: number): Disclosed {
  const d = discloseRate(count, of);
  if (d.suppressed) return { value: null, suppressed: true, text: 'not shown (fewer than 5 answers)' };
  if (of === 0) return { value: null, suppressed: false, text: 'no answers' };
  return { value: d.value, suppressed: false, text: d.text };
}
