import { csvRow } from '../data-hub/csv/csv-writer.js';
import { barChartSvg } from './survey.chart.js';
import { QUESTION_KINDS } from './survey.questions.js';
import type { PublishedResult, QuestionResult } from './survey.results.js';

const pct = (p: number | null) => (p === null ? '–' : `${p.toFixed(1)}%`);

/** Staff results: true counts, a chart and a table per question, free text listed. */
export function staffCharts(results: readonly QuestionResult[]) {
  return results.map((r) => {
    const id = `chart-${r.question.position}`;
    const title = `Question ${r.question.position}: ${r.question.text}`;
    return {
      position: r.question.position,
      text: r.question.text,
      kind: r.question.kind,
      answered: r.answered,
      agreeing: r.agreeing ? `${pct(r.agreeing.percent)} agree or strongly agree (${r.agreeing.count} of ${r.agreeing.of} who gave a view)` : null,
      svg: r.question.kind === 'text' ? null : barChartSvg(id, title, r.choices.map((c) => ({ label: c.label, percent: c.percent, text: `${pct(c.percent)} (${c.count})` }))),
      rows: r.choices.map((c) => ({ label: c.label, count: String(c.count), share: pct(c.percent) })),
      texts: r.texts,
    };
  });
}

/** Published results: small counts suppressed; no free text. */
export function publicCharts(results: readonly PublishedResult[]) {
  return results.map((r) => {
    const id = `chart-${r.question.position}`;
    return {
      position: r.question.position,
      text: r.question.text,
      answered: r.answered.text,
      agreeing: r.agreeing ? `${r.agreeing.text} agree or strongly agree, of those who gave a view` : null,
      svg: barChartSvg(
        id,
        `Question ${r.question.position}: ${r.question.text}`,
        r.choices.map((c) => ({ label: c.label, percent: c.share.value, text: c.share.suppressed ? 'not shown' : `${c.share.text} (${c.count.text})` })),
      ),
      rows: r.choices.map((c) => ({ label: c.label, count: c.count.text, share: c.share.text })),
    };
  });
}

/**
 * The results as a spreadsheet: one row per answer choice with its count and share; free-text
 * answers one row each. Values a spreadsheet would run as a formula are neutralised.
 */
export function resultsCsv(results: readonly QuestionResult[]): string {
  const lines = [csvRow(['question_number', 'question', 'question_kind', 'answered', 'answer', 'count', 'share_of_answered_percent'])];
  for (const r of results) {
    const base = [String(r.question.position), r.question.text, QUESTION_KINDS[r.question.kind], String(r.answered)];
    if (r.question.kind === 'text') {
      for (const t of r.texts) lines.push(csvRow([...base, t, '1', ''], { neutraliseFormulas: true }));
    } else {
      for (const c of r.choices) lines.push(csvRow([...base, c.label, String(c.count), c.percent === null ? '' : c.percent.toFixed(1)], { neutraliseFormulas: true }));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
