import { test } from 'node:test';
import assert from 'node:assert/strict';
import { letterBlocks } from './family.letters.js';

test('a letter becomes paragraphs and lists, lines kept', () => {
  const body = 'On 3 April we decided.\n\nWhy we decided this:\nNeeds are met.\n\nIf you disagree, you can:\n- talk to us;\n- ask for mediation.\n\nSENDIASS can help.';
  assert.deepEqual(letterBlocks(body), [
    { kind: 'paragraph', lines: ['On 3 April we decided.'] },
    { kind: 'paragraph', lines: ['Why we decided this:', 'Needs are met.'] },
    { kind: 'paragraph', lines: ['If you disagree, you can:'] },
    { kind: 'list', items: ['talk to us;', 'ask for mediation.'] },
    { kind: 'paragraph', lines: ['SENDIASS can help.'] },
  ]);
  assert.deepEqual(letterBlocks(''), []);
});
