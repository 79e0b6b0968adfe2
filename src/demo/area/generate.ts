/**
 * generateArea: build the synthetic area for (scale, seed) and stream it to one CSV file per
 * dataset of data-formats.md, plus manifest.json. Memory is the model (people, rolls, events)
 * plus one write buffer per file; the attendance rows are never held. No database code: the
 * `seed-demo` command imports the files afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isoOf, PERIOD_END, PERIOD_START, EXTRACT_DAY, SCHOOL_YEARS } from './calendar.js';
import { COLUMNS, DATASETS, FileSink, fileNameOf, type Dataset } from './csv.js';
import { buildArea, type Area, type AreaOptions } from './area.js';
import { planYear, writeAttendanceYear, type AttendanceModel } from './attendance.js';
import { faultRows, type FaultRow } from './faults.js';
import { writeCamhs, writeHealthChecks } from './health.js';
import { writePost16 } from './post16.js';
import { writeCensus, writeLocalities, writePlacements, writeSchools, writeSocialCare, writeSuspensions } from './records.js';
import { STORIES } from './stories.js';
import { summariseArea, type AreaSummary } from './summary.js';
import type { Collision } from './collisions.js';

export interface GenerateOptions extends AreaOptions {
  outDir: string;
  /** Append a few invalid rows to each file, for import demonstrations (default false). */
  faults?: boolean;
  /** Write only these datasets (default: all). The bytes of each are the same either way. */
  datasets?: readonly Dataset[];
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  phase: 'model' | 'file' | 'rows' | 'done';
  dataset?: Dataset;
  rows?: number;
  bytes?: number;
  /** For attendance: the share of pupil-years written so far (0 to 1). */
  fraction?: number;
}

export interface ManifestFile {
  dataset: Dataset;
  /** The file's name in outDir (manifest.json) or its full path (the returned manifest). */
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface AreaManifest {
  generator: 'send-hub synthetic area';
  version: 1;
  scale: number;
  seed: number;
  faults: boolean;
  period: { start: string; end: string; extract: string; schoolYears: string[] };
  files: ManifestFile[];
  summary: AreaSummary;
  stories: typeof STORIES;
  collisions: Collision[];
  faultRows: FaultRow[];
}

export interface GenerateResult extends AreaManifest {
  timings: { modelMs: number; totalMs: number; files: Partial<Record<Dataset, number>> };
}

type Writer = (area: Area, sink: FileSink, progress: (rows: number, fraction: number) => void) => void;

const WRITERS: Record<Dataset, Writer> = {
  localities: writeLocalities,
  schools: writeSchools,
  'school-census': writeCensus,
  attendance: writeAttendance,
  'suspensions-exclusions': writeSuspensions,
  'camhs-referrals': writeCamhs,
  'health-checks': writeHealthChecks,
  'social-care': writeSocialCare,
  'ap-placements': writePlacements,
  'post-16-activity': writePost16,
};

function writeAttendance(area: Area, sink: FileSink, progress: (rows: number, fraction: number) => void): void {
  const model: AttendanceModel = { people: area.people, sen: area.sen, schools: area.schools, segments: area.rolls.segments, events: area.events, seed: area.seed };
  let before = 0;
  for (let year = 0; year < SCHOOL_YEARS.length; year++) {
    const plan = planYear(model, year, area.upnOf);
    const total = plan.segments.length;
    let done = 0;
    const rows = writeAttendanceYear(model, plan, sink, area.upnOf, (n) => {
      done += 2048;
      progress(before + n, (year + Math.min(1, done / total)) / SCHOOL_YEARS.length);
    });
    before += rows;
  }
}

/** A valid attendance row to copy for the fault rows (the writer writes bytes, not fields). */
function firstAttendanceRow(area: Area): string[] {
  const seg = area.rolls.segments[0]!.find((s) => s.end > s.first)!;
  return [area.upnOf(seg.person), area.schools[seg.school]!.urn, isoOf(SCHOOL_YEARS[0]!.days[seg.first]!), 'AM', '/'];
}

export async function generateArea(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'model' });
  const area = buildArea(options);
  const modelMs = performance.now() - started;
  fs.mkdirSync(options.outDir, { recursive: true });
  const wanted = new Set(options.datasets ?? DATASETS);
  const files: ManifestFile[] = [];
  const faultList: FaultRow[] = [];
  const timings: GenerateResult['timings'] = { modelMs: Math.round(modelMs), totalMs: 0, files: {} };
  for (const dataset of DATASETS) {
    if (!wanted.has(dataset)) continue;
    const t0 = performance.now();
    const file = path.join(options.outDir, fileNameOf(dataset));
    progress({ phase: 'file', dataset });
    const sink = new FileSink(file);
    sink.header(COLUMNS[dataset]);
    WRITERS[dataset](area, sink, (rows, fraction) => progress({ phase: 'rows', dataset, rows, fraction, bytes: sink.bytes + sink.pos }));
    if (options.faults) {
      const valid = dataset === 'attendance' ? firstAttendanceRow(area) : sink.first;
      if (valid) {
        for (const { fields, fault } of faultRows(dataset, valid, sink.rows + 2)) {
          sink.row(fields);
          faultList.push(fault);
        }
      }
    }
    const sha256 = sink.close();
    files.push({ dataset, path: file, rows: sink.rows, bytes: sink.bytes, sha256 });
    timings.files[dataset] = Math.round(performance.now() - t0);
    progress({ phase: 'file', dataset, rows: sink.rows, bytes: sink.bytes, fraction: 1 });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const manifest: AreaManifest = {
    generator: 'send-hub synthetic area',
    version: 1,
    scale: options.scale,
    seed: options.seed,
    faults: options.faults ?? false,
    period: { start: isoOf(PERIOD_START), end: isoOf(PERIOD_END), extract: isoOf(EXTRACT_DAY), schoolYears: SCHOOL_YEARS.map((y) => y.label) },
    files,
    summary: summariseArea(area),
    stories: STORIES,
    collisions: area.collisions,
    faultRows: faultList,
  };
  const onDisk = { ...manifest, files: files.map((f) => ({ ...f, path: path.basename(f.path) })) };
  fs.writeFileSync(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(onDisk, null, 2)}\n`);
  timings.totalMs = Math.round(performance.now() - started);
  progress({ phase: 'done' });
  return { ...manifest, timings };
}
