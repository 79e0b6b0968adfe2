import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publishable, tally } from './survey.results.js';
import { barChartSvg } from './survey.chart.js';
import type { Question } from './survey.questions.js';

const agreement: Question = { id: 'a', position: 1, kind: 'agreement', text: 'I feel well informed', hint: '', options: [], required: false, showIf: null };
const choice: Question = { id: 'c', position: 2, kind: 'single', text: 'Who are you?', hint: '', options: ['Parent', 'Young person'], required: false, showIf: null };
const free: Question = { id: 't', position: 3, kind: 'text', text: 'Anything else?', hint: '', options: [], required: false, showIf: null };

const rows = [
  ...['strongly-agree', 'agree', 'agree', 'disagree', 'dont-know', 'neither', 'agree', 'strongly-disagree'].map((value, i) => ({ questionId: 'a', responseId: `r${i}`, value })),
  ...Array.from({ length: 9 }, (_, i) => ({ questionId: 'c', responseId: `r${i}`, value: i < 6 ? 'Parent' : 'Young person' })),
  { questionId: 't', responseId: 'r1', value: 'Thanks' },
];

test('agreement is agree or strongly agree, of those who gave a view', () => {
  const [a] = tally([agreement], rows);
  assert.equal(a!.answered, 8);
  assert.deepEqual(a!.agreeing, { count: 4, of: 7, percent: (100 * 4) / 7 });
  assert.deepEqual(a!.choices.map((c) => c.count), [1, 3, 1, 1, 1, 1]);
});

test('published results suppress counts of 1 to 4 and the shares built on them, and never free text', () => {
  const published = publishable(tally([agreement, choice, free], rows));
  assert.equal(published.length, 2, 'free text is left out');
  const c = published[1]!;
  assert.equal(c.answered.text, '9');
  assert.deepEqual(c.choices.map((x) => [x.label, x.count.text, x.share.text]), [['Parent', '6', '66.7%'], ['Young person', 'fewer than 5', 'not shown (fewer than 5 answers)']]);
  assert.equal(published[0]!.agreeing!.text, 'not shown (fewer than 5 answers)', '4 agreeing is a small number');
});

test('the chart is accessible SVG, and labels cannot break out of it', () => {
  const svg = barChartSvg('chart-1', 'Question 1: <b>', [{ label: '</text><script>x</script>', percent: 120, text: '50% (3)' }, { label: 'Hidden', percent: null, text: 'not shown' }]);
  assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="chart-1-title chart-1-desc"/);
  assert.match(svg, /<title id="chart-1-title">Question 1: &lt;b&gt;<\/title>/);
  assert.ok(!svg.includes('<script>'));
  assert.match(svg, /width="300\.0"/, 'a bar never runs past 100%');
  assert.match(svg, /width="0\.0"/, 'a suppressed value has no bar');
});
