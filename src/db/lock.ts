import fs from 'node:fs';
import path from 'node:path';

/** Who holds the embedded database: written into DATA_DIR/send-hub.lock. */
export interface LockHolder {
  pid: number;
  purpose: string;
  startedAt: string;
  url?: string;
}

export class DatabaseBusyError extends Error {
  constructor(readonly holder: LockHolder) {
    const who =
      holder.purpose === 'serve'
        ? `The server (process ${holder.pid}${holder.url ? `, ${holder.url}` : ''}) has the embedded database open.`
        : `Another send-hub command (process ${holder.pid}, "${holder.purpose}") has the embedded database open.`;
    super(
      `${who} Two processes must never open it at once. ` +
        'Stop the server first (Ctrl+C), then run this command again; or use the web pages while it runs.',
    );
    this.name = 'DatabaseBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the single-process lock on an embedded data directory. PGlite has no locking of its
 * own, and two processes writing the same files corrupt them. A lock left by a process that
 * died (SIGKILL, power cut) is stale and taken over.
 */
export function acquireLock(dataDir: string, purpose: string, url?: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'send-hub.lock');
  const me: LockHolder = { pid: process.pid, purpose, startedAt: new Date().toISOString(), ...(url ? { url } : {}) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockHolder | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
      } catch {
        holder = undefined; // half-written by a process that died while writing it
      }
      if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new DatabaseBusyError(holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}; remove it if no send-hub process is running.`);
}

/** Updates the lock's advertised address once the server listens. */
export function describeLock(dataDir: string, url: string): void {
  const file = path.join(dataDir, 'send-hub.lock');
  const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  if (current.pid === process.pid) fs.writeFileSync(file, JSON.stringify({ ...current, url }));
}
