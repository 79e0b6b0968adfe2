/** A scenario's own settings from the environment, checked, with the message naming the variable. */

/** A comma-separated list of scales above 0 and at most 10, e.g. BENCH_SEED_SCALES=0.1,1. */
export function scalesFromEnv(name: string, fallback: string): number[] {
  const raw = process.env[name] ?? fallback;
  const scales = raw.split(',').map(Number);
  if (scales.some((s) => !(s > 0 && s <= 10))) throw new Error(`${name} must list scales above 0 and at most 10, not ${raw}`);
  return scales;
}

/** How many times to repeat each timing: a whole number from 1 to 20. */
export function roundsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const rounds = raw === undefined ? fallback : Number(raw);
  if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 20)) throw new Error(`${name} must be a whole number from 1 to 20, not ${raw}`);
  return rounds;
}
