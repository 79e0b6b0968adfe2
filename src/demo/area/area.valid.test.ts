/**
 * Every generated row passes the importer's own rules (formats/), for more than one seed: the
 * demo area must import cleanly, or `seed-demo` would refuse whole files.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { openCsvFile } from '../../features/data-hub/csv/csv-reader.js';
import { checkHeader, type Rejection } from '../../features/data-hub/formats/dataset.js';
import { formatFor } from '../../features/data-hub/formats/index.js';
import { DATASETS } from './csv.js';
import { generateArea } from './generate.js';
import { tempDir } from './test-support.js';

for (const seed of [1, 7]) {
  test(`seed ${seed}: every row of every file but attendance passes the import rules`, async () => {
    const dir = tempDir(`area-valid-${seed}`);
    try {
      const datasets = DATASETS.filter((d) => d !== 'attendance');
      const result = await generateArea({ scale: 0.05, seed, outDir: dir, datasets });
      for (const file of result.files) {
        const format = formatFor(file.dataset);
        const csv = await openCsvFile(file.path);
        const header = checkHeader(format, csv.header);
        assert.ok(header.ok, `${file.dataset}: ${header.ok ? '' : header.errors.join('; ')}`);
        const rejections: Rejection[] = [];
        for await (const batch of csv.batches) {
          assert.deepEqual(batch.malformed, [], file.dataset);
          batch.rows.forEach((fields, i) => header.validate(fields, batch.lines[i]!, rejections));
          if (rejections.length) assert.fail(`${file.dataset}: ${JSON.stringify(rejections.slice(0, 3))}`);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
