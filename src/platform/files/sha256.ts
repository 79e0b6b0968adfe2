/**
 * The SHA-256 of a file, computed on a worker thread: reading and hashing a large file (an
 * attendance file is hundreds of megabytes) then overlaps the work on the main thread instead of
 * coming before it. The worker is plain JavaScript, evaluated, so it runs the same from
 * TypeScript sources and from a bundle.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const hash = createHash('sha256');
const stream = fs.createReadStream(workerData.file, { highWaterMark: 1 << 20 });
stream.on('data', (chunk) => hash.update(chunk));
stream.on('end', () => parentPort.postMessage(hash.digest('hex')));
stream.on('error', (error) => parentPort.postMessage({ error: error.message }));
`;

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file } });
    worker.once('message', (m: string | { error: string }) => {
      if (typeof m === 'string') resolve(m);
      else reject(new Error(`Could not read ${file}: ${m.error}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The hashing worker stopped (exit code ${code}).`));
    });
  });
}
