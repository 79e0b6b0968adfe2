/**
 * `send-hub import dfe-statistics <file>`: the DfE's published CSVs, loaded as they are into
 * benchmark_values for the indicators they benchmark (each indicator's `benchmark` mapping).
 * The whole file loads in one transaction or not at all; a re-import replaces the figures.
 */
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { inTransaction } from '../../../db/transaction.js';
import { openCsvFile } from '../../data-hub/csv/csv-reader.js';
import { CsvError } from '../../data-hub/csv/csv-error.js';
import type { DfeSource, GeographicLevel, IndicatorDefinition } from '../indicator.types.js';
import { INDICATORS } from '../library/index.js';
import { areaOf, detectSource, levelOf, parseMeasure, periodOfRow, SOURCE_TITLES } from './dfe-values.js';

export class DfeImportError extends Error {
  override readonly name = 'DfeImportError';
}

export interface DfeProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface DfeImportSummary {
  fileName: string;
  source: DfeSource;
  title: string;
  rowsRead: number;
  /** Rows of other breakdowns or geographic levels (schools, districts): not benchmarks here. */
  rowsSkipped: number;
  stored: number;
  indicators: string[];
  periods: string[];
  areas: Record<GeographicLevel, number>;
  /** Figures published as a marker instead of a number, by marker. */
  markers: Record<string, number>;
  problems: DfeProblem[];
}

interface Row {
  indicator_id: string;
  source: string;
  measure: string;
  geographic_level: GeographicLevel;
  area_code: string;
  area_name: string;
  region_code: string | null;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  marker: string | null;
  file_name: string;
  imported_at: Date;
}

const REQUIRED = ['time_period', 'geographic_level'];

export async function importDfeStatistics(db: Kysely<DB>, file: string, options: { dryRun?: boolean } = {}): Promise<DfeImportSummary> {
  const fileName = path.basename(file);
  let csv;
  try {
    csv = await openCsvFile(file);
  } catch (error) {
    if (error instanceof CsvError) throw new DfeImportError(`${fileName} cannot be read: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DfeImportError(`There is no file ${file}.`);
    throw error;
  }
  // Column names vary in case between releases (pc_… / PC_…): match them lower-cased.
  const header = csv.header.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim().toLowerCase());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const source = detectSource(new Set(header));
  if (!source) {
    throw new DfeImportError(
      `${fileName} is not a DfE file this importer knows. It reads: ${Object.values(SOURCE_TITLES).join('; ')}.`,
    );
  }
  const mapped = INDICATORS.filter((i): i is IndicatorDefinition & { benchmark: NonNullable<IndicatorDefinition['benchmark']> } => i.benchmark?.source === source);
  const needed = new Set([...REQUIRED, 'country_code', 'region_code', 'new_la_code']);
  for (const i of mapped) {
    needed.add(i.benchmark.measure);
    if (i.benchmark.numerator) needed.add(i.benchmark.numerator);
    if (i.benchmark.denominator) needed.add(i.benchmark.denominator);
    for (const c of Object.keys(i.benchmark.filter)) needed.add(c);
  }
  const missing = [...needed].filter((c) => !index.has(c));
  if (missing.length) throw new DfeImportError(`${fileName} has no column ${missing.join(', ')}: is it the whole file, as the DfE publishes it?`);

  const summary: DfeImportSummary = {
    fileName,
    source,
    title: SOURCE_TITLES[source],
    rowsRead: 0,
    rowsSkipped: 0,
    stored: 0,
    indicators: mapped.map((i) => i.id),
    periods: [],
    areas: { national: 0, regional: 0, la: 0 },
    markers: {},
    problems: [],
  };
  const rows = new Map<string, Row & { line: number }>();
  const periods = new Set<string>();
  const areas = { national: new Set<string>(), regional: new Set<string>(), la: new Set<string>() };
  const importedAt = new Date();
  const problem = (p: DfeProblem) => {
    if (summary.problems.length < 1000) summary.problems.push(p);
  };

  for await (const batch of csv.batches) {
    for (const bad of batch.malformed) problem({ line: bad.line, column: '', value: '', reason: bad.reason });
    batch.rows.forEach((fields, k) => {
      const line = batch.lines[k]!;
      summary.rowsRead++;
      const get = (c: string) => (fields[index.get(c)!] ?? '').trim();
      const level = levelOf(get('geographic_level'));
      if (!level) {
        summary.rowsSkipped++;
        return;
      }
      const matching = mapped.filter((i) => Object.entries(i.benchmark.filter).every(([c, v]) => get(c).toLowerCase() === v.toLowerCase()));
      if (matching.length === 0) {
        summary.rowsSkipped++;
        return;
      }
      const period = periodOfRow(get('time_period'));
      if (!period) {
        problem({ line, column: 'time_period', value: get('time_period'), reason: 'is not a calendar year (2024) or an academic year (202425)' });
        return;
      }
      const area = areaOf(level, get);
      if (!/^E\d{8}$/.test(area.code)) {
        problem({ line, column: level === 'la' ? 'new_la_code' : level === 'regional' ? 'region_code' : 'country_code', value: area.code, reason: 'is not an ONS area code such as E06000063' });
        return;
      }
      for (const i of matching) {
        const b = i.benchmark;
        const parsed = Object.fromEntries(
          [['value', b.measure], ['numerator', b.numerator], ['denominator', b.denominator]]
            .filter((e): e is [string, string] => e[1] !== undefined)
            .map(([k, c]) => [k, { column: c, measure: parseMeasure(get(c)) }]),
        );
        let bad = false;
        for (const { column, measure } of Object.values(parsed)) {
          if (!measure.ok) {
            problem({ line, column, value: get(column), reason: measure.reason });
            bad = true;
          }
        }
        if (bad) continue;
        const num = (k: string) => (parsed[k]?.measure.ok ? parsed[k].measure.value : null);
        const value = parsed.value!.measure as { ok: true; value: number | null; marker: string | null };
        if (value.marker) summary.markers[value.marker] = (summary.markers[value.marker] ?? 0) + 1;
        const key = `${i.id}\u0000${area.code}\u0000${period}`;
        const seen = rows.get(key);
        if (seen) {
          problem({ line, column: b.measure, value: get(b.measure), reason: `repeats the figure for ${area.name} (${area.code}) in ${period} already on line ${seen.line}` });
          continue;
        }
        periods.add(period);
        areas[level].add(area.code);
        rows.set(key, {
          line,
          indicator_id: i.id,
          source,
          measure: b.measure,
          geographic_level: level,
          area_code: area.code,
          area_name: area.name,
          region_code: level === 'la' && /^E12\d{6}$/.test(get('region_code')) ? get('region_code') : null,
          period,
          value: value.value,
          numerator: num('numerator'),
          denominator: num('denominator'),
          marker: value.marker,
          file_name: fileName,
          imported_at: importedAt,
        });
      }
    });
  }
  summary.periods = [...periods].sort();
  summary.areas = { national: areas.national.size, regional: areas.regional.size, la: areas.la.size };
  if (summary.problems.length > 0 || options.dryRun) return summary;

  const values = [...rows.values()].map(({ line: _line, ...r }) => r);
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < values.length; i += 1000) {
      await tx
        .insertInto('benchmark_values')
        .values(values.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.columns(['indicator_id', 'area_code', 'period']).doUpdateSet((eb) => ({
            source: eb.ref('excluded.source'),
            measure: eb.ref('excluded.measure'),
            geographic_level: eb.ref('excluded.geographic_level'),
            area_name: eb.ref('excluded.area_name'),
            region_code: eb.ref('excluded.region_code'),
            value: eb.ref('excluded.value'),
            numerator: eb.ref('excluded.numerator'),
            denominator: eb.ref('excluded.denominator'),
            marker: eb.ref('excluded.marker'),
            file_name: eb.ref('excluded.file_name'),
            imported_at: eb.ref('excluded.imported_at'),
          })),
        )
        .execute();
    }
  });
  summary.stored = values.length;
  return summary;
}

/** What an operator reads after the import. */
export function describeDfeImport(s: DfeImportSummary, dryRun = false): string[] {
  const lines: string[] = [];
  if (s.problems.length > 0) {
    lines.push(`Refused ${s.fileName} (${s.title}): ${s.problems.length} ${s.problems.length === 1 ? 'problem' : 'problems'}, so nothing was loaded.`);
    for (const p of s.problems.slice(0, 20)) lines.push(`  line ${p.line}, column ${p.column || '(whole row)'}: value ${p.value === '' ? '(empty)' : p.value} ${p.reason}`);
    return lines;
  }
  lines.push(
    dryRun
      ? `Dry run: ${s.fileName} (${s.title}) would load; nothing was changed.`
      : `Loaded ${s.fileName} (${s.title}): ${s.stored.toLocaleString('en-GB')} published figures.`,
  );
  lines.push(`Indicators benchmarked: ${s.indicators.join(', ')}.`);
  lines.push(`Periods: ${s.periods.join(', ') || 'none'}. Areas: England ${s.areas.national ? 'yes' : 'no'}, ${s.areas.regional} regions, ${s.areas.la} local authorities.`);
  const markers = Object.entries(s.markers);
  if (markers.length) lines.push(`Published as a marker instead of a number: ${markers.map(([m, c]) => `${m} ${c}`).join(', ')}.`);
  lines.push(`Rows read: ${s.rowsRead.toLocaleString('en-GB')}; of other breakdowns or levels, not used: ${s.rowsSkipped.toLocaleString('en-GB')}.`);
  return lines;
}
