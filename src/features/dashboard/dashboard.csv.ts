/**
 * An indicator's figures as CSV, for a spreadsheet: one row a figure, the area's own (computed
 * here) and the DfE's published benchmarks, in one shape. A suppressed figure is a row with an
 * empty value and "yes" under suppressed, so nobody mistakes it for a zero.
 */
import type { BenchmarkValue, IndicatorDefinition, IndicatorValue } from '../indicators/indicator.types.js';
import { csvNumber } from './format.js';
import { markerText } from './labels.js';
import { periodLabel } from './periods.js';

/** Quotes a text cell; one starting like a formula is prefixed so a spreadsheet shows it as text. */
export function textCell(value: string): string {
  const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = [
  'indicator_id', 'indicator', 'unit', 'source', 'area_code', 'area_name', 'period', 'period_label',
  'breakdown', 'group', 'group_label', 'numerator', 'denominator', 'value', 'suppressed', 'note',
] as const;

export interface CsvInput {
  def: IndicatorDefinition;
  area: { code: string; name: string };
  /** The area's figures: the trend and the breakdown rows. */
  values: readonly IndicatorValue[];
  benchmarks: readonly BenchmarkValue[];
  groupLabel: (breakdown: string, value: string) => string;
}

export function indicatorCsv(input: CsvInput): string {
  const { def } = input;
  const lines: string[][] = [[...CSV_HEADER]];
  for (const v of input.values) {
    lines.push([
      textCell(def.id), textCell(def.name), def.unit, 'computed', v.areaCode, textCell(input.area.name), v.period, periodLabel(v.period),
      v.breakdown, textCell(v.breakdownValue), textCell(v.breakdown ? input.groupLabel(v.breakdown, v.breakdownValue) : ''),
      csvNumber(v.numerator, v.suppressed), csvNumber(v.denominator, v.suppressed), csvNumber(v.value, v.suppressed),
      v.suppressed ? 'yes' : 'no', v.suppressed ? 'fewer than 5 children: not shown' : '',
    ]);
  }
  for (const b of input.benchmarks) {
    lines.push([
      textCell(def.id), textCell(def.name), def.unit, textCell(`DfE ${b.source}`), b.areaCode, textCell(b.areaName), b.period, periodLabel(b.period),
      '', '', '', csvNumber(b.numerator), csvNumber(b.denominator), csvNumber(b.value),
      b.value === null ? 'yes' : 'no', b.value === null ? textCell(markerText(b.marker)) : '',
    ]);
  }
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
