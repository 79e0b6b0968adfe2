/** Rewrites the generated part of docs/indicators.md from the indicator library. */
import fs from 'node:fs';
import { indicatorsMarkdown } from '../src/features/indicators/library/markdown.js';

const file = new URL('../docs/indicators.md', import.meta.url);
const text = fs.readFileSync(file, 'utf8');
const start = '<!-- generated from src/features/indicators/library: do not edit by hand -->\n';
const end = '<!-- end of generated part -->';
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error('docs/indicators.md has lost its generated-part markers');
fs.writeFileSync(file, text.slice(0, a + start.length) + '\n' + indicatorsMarkdown() + '\n' + text.slice(b));
console.log('docs/indicators.md: the library section is up to date.');
