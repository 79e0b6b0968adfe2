import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGISTER_CODES } from '../formats/codes.js';

test('only the study-leave code S contains the letter S, so counting the letter counts the code', () => {
  const withS = REGISTER_CODES.map((c) => c.code).filter((code) => code.toUpperCase().includes('S'));
  assert.deepEqual(withS, ['S']);
});
