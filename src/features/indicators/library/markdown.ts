/** The library as markdown, for docs/indicators.md (regenerate: `node --import tsx scripts/indicators-doc.ts`). */
import type { IndicatorDefinition } from '../indicator.types.js';
import { INDICATORS } from './index.js';

const PRIORITY: Record<string, string> = {
  1: 'Priority 1: working together and building trust',
  2: 'Priority 2: high quality local provision and services',
  3: 'Priority 3: improving outcomes',
  4: 'Priority 4: preparing for and moving into adulthood',
  5: 'Priority 5: a supportive, effective alternative provision',
  6: 'Priority 6: best value',
  aif1: 'Area for improvement 1: contributions to EHC plans from all partners',
  aif2: 'Area for improvement 2: understanding the impact of the partnership’s work',
};
const UNIT: Record<string, string> = { percent: 'percent', count: 'a count', days: 'days', weeks: 'weeks', 'per-100': 'per 100 pupils', 'per-10000': 'per 10,000 pupils' };
const PERIOD: Record<string, string> = { 'calendar-year': 'calendar year (`2024`)', 'academic-year': 'academic year (`202526`)', month: 'month (`2025-11`)', week: 'week, by its Monday (`2025-11-17`)' };

function one(i: IndicatorDefinition): string {
  const lines = [
    `### ${i.name}`,
    '',
    `\`${i.id}\` · ${PRIORITY[String(i.priority)]} · owner: ${i.owner}`,
    '',
    i.definition,
    '',
    `- **Numerator:** ${i.numerator}`,
    ...(i.denominator ? [`- **Denominator:** ${i.denominator}`] : []),
    `- **Unit:** ${UNIT[i.unit]}; better when it goes ${i.goodDirection === 'neither' ? 'neither way (context)' : i.goodDirection}${i.target ? `; target ${i.target.value}${i.target.by ? ` by ${i.target.by}` : ''}${i.target.note ? ` (${i.target.note})` : ''}` : ''}`,
    `- **Period:** ${PERIOD[i.periodKind]}`,
    `- **Breakdowns:** ${i.breakdowns.length ? i.breakdowns.join(', ') : 'none'}`,
    `- **Source:** ${i.source.join('; ')}`,
    `- **Suppressed:** counts from 1 to ${i.suppression.smallCount - 1}, and values resting on them${i.suppression.minDenominator ? `; values over fewer than ${i.suppression.minDenominator}` : ''}`,
    ...(i.benchmark ? [`- **Benchmark:** DfE \`${i.benchmark.source}\`, column \`${i.benchmark.measure}\`, rows where ${Object.entries(i.benchmark.filter).map(([k, v]) => `\`${k}\` is “${v}”`).join(' and ')}`] : []),
    `- **What the numbers cannot say:** ${i.caveats.join(' ')}`,
  ];
  return lines.join('\n');
}

export function indicatorsMarkdown(indicators: readonly IndicatorDefinition[] = INDICATORS): string {
  return indicators.map(one).join('\n\n') + '\n';
}
