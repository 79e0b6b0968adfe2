import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Generous: the first start migrates and seeds the demo area, and CI machines may be busy.
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 5_000;
const PASSED_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG', 'LC_ALL', 'NODE_EXTRA_CA_CERTS'];

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** What the server has written to stderr so far: shown when something goes wrong. */
  stderr(): string;
  stop(): Promise<void>;
}

/** A port nobody is listening on now. Test files run side by side, so never a fixed one. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server, as an operator would (`send-hub serve`), with the demo area on a fresh
 * embedded database in a temporary DATA_DIR. Browser tests stay on the embedded database even
 * when TEST_DATABASE_URL is set: the integration suite already runs every route on PostgreSQL,
 * and a shared PostgreSQL database would need its own reset between files running side by side.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'send-hub-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Only the machine's basics come from the caller's environment: a developer's own settings
  // (OIDC_ISSUER, NOTIFY_API_KEY, SERVICE_NAME...) must not change what the journeys meet.
  const inherited = Object.fromEntries(PASSED_THROUGH.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
  const childEnv: NodeJS.ProcessEnv = {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    ...env,
  };

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-20_000);
  });
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  // If the test process ends without stopping the server (a crash, a cancelled run), take it along.
  const orphanGuard = () => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', orphanGuard);
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      process.off('exit', orphanGuard);
      resolve();
    }),
  );

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => false), delay(STOP_TIMEOUT_MS).then(() => true)]);
      if (killed && !exited) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, () => exited);
  } catch (e) {
    await stop();
    const why = exited ? `The server exited (code ${exited.code}, signal ${exited.signal}).` : (e as Error).message;
    throw new Error(`The server at ${baseUrl} did not start. ${why}\n--- stderr ---\n${stderr}\n--- stdout (end) ---\n${stdout.slice(-4000)}`);
  }
  return { baseUrl, dataDir, stderr: () => stderr, stop };
}

async function waitForHealth(baseUrl: string, exited: () => unknown): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited()) throw new Error('exited');
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `GET /health answered ${res.status}`;
    } catch (e) {
      last = `GET /health failed: ${(e as Error).message}`;
    }
    await delay(200);
  }
  throw new Error(`No healthy answer within ${START_TIMEOUT_MS / 1000} seconds (${last}).`);
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
