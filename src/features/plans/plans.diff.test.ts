import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareSections, diffWords, MAX_CELLS, type DiffPart } from './plans.diff.js';

const join = (parts: DiffPart[], ops: string[]) => parts.filter((p) => ops.includes(p.op)).map((p) => p.text).join('');
/** The words and marks of a text, as the comparison sees them. */
const words = (text: string) => [...text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*|\S/gu)].map((m) => m[0]);

describe('diffWords', () => {
  test('marks the words removed and added, keeping the rest', () => {
    assert.deepEqual(diffWords('Speech therapy once a week.', 'Speech and language therapy twice a week.'), [
      { op: 'equal', text: 'Speech ' },
      { op: 'added', text: 'and language ' },
      { op: 'equal', text: 'therapy ' },
      { op: 'removed', text: 'once ' },
      { op: 'added', text: 'twice ' },
      { op: 'equal', text: 'a week.' },
    ]);
  });

  test('identical texts are one equal part; empty texts no parts', () => {
    assert.deepEqual(diffWords('Same text.', 'Same text.'), [{ op: 'equal', text: 'Same text.' }]);
    assert.deepEqual(diffWords('', ''), []);
    assert.deepEqual(diffWords('', 'New words'), [{ op: 'added', text: 'New words' }]);
    assert.deepEqual(diffWords('Old words', ''), [{ op: 'removed', text: 'Old words' }]);
  });

  test('a change of spacing or line breaks alone is no change; the newer layout is kept', () => {
    assert.deepEqual(diffWords('One two\nthree', 'One  two three'), [{ op: 'equal', text: 'One  two three' }]);
  });

  test('very different long texts are shown as removed then added, without running out of memory', () => {
    const side = Math.ceil(Math.sqrt(MAX_CELLS)) + 10;
    const a = Array.from({ length: side }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: side }, (_, i) => `b${i}`).join(' ');
    const parts = diffWords(`Start ${a} end`, `Start ${b} end`);
    assert.deepEqual(parts.map((p) => p.op), ['equal', 'removed', 'added', 'equal']);
  });

  const text = fc.array(fc.constantFrom('the', 'child', 'needs', 'speech', 'therapy', 'weekly', 'a', '.', 'Año'), { maxLength: 30 })
    .chain((ws) => fc.tuple(fc.constant(ws), fc.array(fc.constantFrom(' ', '  ', '\n', '\n\n'), { minLength: ws.length, maxLength: ws.length }), fc.constantFrom('', ' ', '\n')))
    .map(([ws, gaps, lead]) => lead + ws.map((w, i) => w + gaps[i]).join(''));

  test('property: equal and added parts give back the newer text exactly; equal and removed give the older words', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      const parts = diffWords(a, b);
      assert.equal(join(parts, ['equal', 'added']), b);
      assert.deepEqual(words(join(parts, ['equal', 'removed'])), words(a));
      for (let i = 1; i < parts.length; i++) assert.notEqual(parts[i]!.op, parts[i - 1]!.op, 'neighbouring parts of a kind are joined');
    }), { numRuns: 500 });
  });

  test('property: the words kept are a longest common subsequence (nothing needlessly marked)', () => {
    const lcs = (x: string[], y: string[]): number => {
      const t: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
      for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) t[i]![j] = x[i] === y[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    fc.assert(fc.property(text, text, (a, b) => {
      assert.equal(words(join(diffWords(a, b), ['equal'])).length, lcs(words(a), words(b)));
    }), { numRuns: 300 });
  });
});

describe('compareSections', () => {
  test('every section A to K in order, each changed, added, removed or unchanged', () => {
    const result = compareSections({ A: 'Likes trains.', B: 'Autism.', C: 'Asthma.' }, { A: 'Likes trains.', B: 'Autism and ADHD.', D: 'Short breaks.' });
    assert.deepEqual(result.map((r) => r.key), ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K']);
    const by = Object.fromEntries(result.map((r) => [r.key, r]));
    assert.equal(by.A!.status, 'unchanged');
    assert.equal(by.B!.status, 'changed');
    assert.deepEqual(by.B!.parts, [{ op: 'equal', text: 'Autism ' }, { op: 'added', text: 'and ADHD' }, { op: 'equal', text: '.' }]);
    assert.equal(by.C!.status, 'removed');
    assert.equal(by.D!.status, 'added');
    assert.equal(by.E!.status, 'unchanged');
    assert.deepEqual(by.E!.parts, []);
    assert.equal(by.C!.label, 'Health needs');
  });
});
