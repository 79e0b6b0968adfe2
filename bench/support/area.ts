/**
 * The app on a database holding the synthetic area at a scale, for the scenarios that measure
 * over it (seed, indicators, early-warning).
 *
 * With BENCH_KEEP_AREAS=1 and BENCH_DATABASE_URL, the database of each scale is kept on the server
 * (sph_keep_area_s<scale>) once seeded, and later scenarios and runs reuse it: seeding scale 10
 * takes many minutes, and every scenario would otherwise repeat it. Drop the sph_keep_ databases
 * when done. Without it, each call seeds a fresh database, removed on close.
 */
import { seedAreaData, type AreaSeedResult } from '../../src/demo/area.seed.js';
import type { BenchContext } from './scenario.js';
import { startBenchApp, type BenchApp } from './server.js';

export interface AreaApp {
  app: BenchApp;
  /** How this call seeded the area; null when a kept database already held it. */
  seeded: (AreaSeedResult & { seconds: number; peakMb: number }) | null;
}

export async function areaApp(ctx: Pick<BenchContext, 'log'>, scale: number, seed = 1): Promise<AreaApp> {
  const app = await startBenchApp(process.env, { keepAs: `area_s${String(scale).replace('.', '_')}_seed${seed}` });
  try {
    if (app.reused) {
      ctx.log(`scale ${scale}: the area kept from an earlier run (${app.databaseLabel})`);
      return { app, seeded: null };
    }
    ctx.log(`scale ${scale}: generating and importing the area`);
    let peak = process.memoryUsage.rss();
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
    const started = performance.now();
    let result: AreaSeedResult;
    try {
      result = await seedAreaData(app.s.db, { scale, seed, onLine: (l) => ctx.log(`scale ${scale}: ${l}`) });
    } finally {
      clearInterval(timer);
    }
    const seconds = (performance.now() - started) / 1000;
    await app.markReady();
    ctx.log(`scale ${scale}: generated in ${(result.generateMs / 1000).toFixed(0)} s, imported in ${(result.importMs / 1000).toFixed(0)} s`);
    return { app, seeded: { ...result, seconds, peakMb: Math.round(peak / 2 ** 20) } };
  } catch (e) {
    await app.close();
    throw e;
  }
}
