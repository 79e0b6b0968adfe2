import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loggerOptions } from './logging.js';

test('logs keep the request id but never cookies, tokens, passwords, emails or query strings', () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const options = loggerOptions('info') as pino.LoggerOptions;
  const log = pino(options, sink);
  log.info({
    req: { id: 'req-123', method: 'GET', url: '/admin/audit?actor=jo.bloggs@example.org', headers: { cookie: 'send-hub-session=secret' } },
  }, 'incoming');
  log.info({ req: { id: 'req-124', method: 'GET', url: '/password-reset/abcdefghijklmnopqrstuvwxyz' } }, 'incoming');
  log.info({ body: { email: 'jo.bloggs@example.org', password: 'hunter2hunter2', token: 'sph_x' } }, 'form');
  const text = lines.join('');
  assert.match(text, /req-123/);
  for (const secret of ['jo.bloggs', 'send-hub-session=secret', 'hunter2', 'sph_x', 'abcdefghijklmnopqrstuvwxyz']) {
    assert.ok(!text.includes(secret), `${secret} reached the log`);
  }
});
