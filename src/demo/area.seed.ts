import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../db/database.js';
import { generateArea, DATASETS } from './area/index.js';
import { importFile, type ImportSummary } from '../features/data-hub/import/index.js';

export interface AreaSeedResult {
  outDir: string | null;
  files: { dataset: string; rows: number; bytes: number }[];
  imports: ImportSummary[];
  generateMs: number;
  importMs: number;
}

/**
 * The synthetic local area's partner data: generated as the partners' CSV files (kept in
 * `outDir` when given, else in a temporary folder removed afterwards), then imported through
 * the real importer, dataset by dataset (places first, then pupils, then everything linked to them).
 */
export async function seedAreaData(db: Db, options: { scale: number; seed: number; outDir?: string; onLine?: (line: string) => void }): Promise<AreaSeedResult> {
  const keep = options.outDir !== undefined;
  const outDir = options.outDir ?? mkdtempSync(path.join(tmpdir(), 'send-hub-area-'));
  try {
    const started = performance.now();
    const generated = await generateArea({ scale: options.scale, seed: options.seed, outDir });
    const generateMs = performance.now() - started;
    options.onLine?.(`Generated ${generated.files.length} files at scale ${options.scale} in ${(generateMs / 1000).toFixed(1)} s.`);
    const imports: ImportSummary[] = [];
    const importStarted = performance.now();
    for (const dataset of DATASETS) {
      const file = generated.files.find((f) => f.dataset === dataset);
      if (!file) continue;
      const t = performance.now();
      const summary = await importFile(db, null, dataset, file.path, {});
      imports.push(summary);
      options.onLine?.(`Imported ${dataset}: ${summary.rowsLoaded.toLocaleString('en-GB')} of ${summary.rowsRead.toLocaleString('en-GB')} rows (${summary.outcome}) in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
    }
    return {
      outDir: keep ? outDir : null,
      files: generated.files.map((f) => ({ dataset: f.dataset, rows: f.rows, bytes: f.bytes })),
      imports,
      generateMs,
      importMs: performance.now() - importStarted,
    };
  } finally {
    if (!keep) rmSync(outDir, { recursive: true, force: true });
  }
}
