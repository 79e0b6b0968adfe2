import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indicatorsMarkdown } from './markdown.js';
import { INDICATORS } from './index.js';

test('docs/indicators.md describes each indicator as the library defines it (regenerate with scripts/indicators-doc.ts)', () => {
  const doc = readFileSync(new URL('../../../../docs/indicators.md', import.meta.url), 'utf8');
  // The survey's indicators change with the surveys; the others must match.
  for (const i of INDICATORS.filter((x) => x.theme !== 'survey')) {
    assert.ok(doc.includes(indicatorsMarkdown([i]).trim()), `${i.id}: run node --import tsx scripts/indicators-doc.ts`);
  }
});
