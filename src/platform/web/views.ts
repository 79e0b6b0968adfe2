import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime } from './format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SRC_DIR = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
export const GOVUK_DIR = path.dirname(require.resolve('govuk-frontend/package.json'));

/**
 * One Nunjucks environment for every page. Templates are found in src/views (the layout and
 * platform pages), in each feature's folder (`features/ehc/views/...`), and in govuk-frontend.
 * Autoescape is on: nothing a user typed reaches a page unescaped.
 */
export function createViews(globals: Record<string, unknown>, options: { watch?: boolean } = {}) {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [path.join(SRC_DIR, 'views'), path.join(SRC_DIR, 'features'), path.join(GOVUK_DIR, 'dist')],
      { noCache: options.watch ?? false },
    ),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  for (const [k, v] of Object.entries(globals)) env.addGlobal(k, v);
  env.addFilter('date', (v: unknown) => formatDate(v));
  env.addFilter('datetime', (v: unknown) => formatDateTime(v));
  env.addFilter('json', (v: unknown) => JSON.stringify(v, null, 2));
  return {
    render(template: string, context: Record<string, unknown>): string {
      return env.render(template, context);
    },
  };
}

export type Views = ReturnType<typeof createViews>;
