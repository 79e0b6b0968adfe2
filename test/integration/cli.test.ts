import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { openDatabase } from '../../src/db/database.js';
import { exited, sendHub, startServer, tempDataDir } from '../support/processes.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';

// These run real processes on the embedded database, as an operator would on their machine.
describe('the send-hub command line', () => {
  test('--help is there for every command', () => {
    for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['user', 'create', '--help'], ['token', 'create', '--help'], ['audit', 'verify', '--help'], ['seed-demo', '--help']]) {
      const r = sendHub(args, { DATA_DIR: tempDataDir() });
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /Usage: send-hub/);
    }
  });

  test('migrate gives an empty area; the first administrator, a token and audit verify follow', async () => {
    const dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, AREA_CODE: 'E06000064', AREA_NAME: 'Westmorland and Furness' };
    const migrate = sendHub(['migrate'], env);
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match(migrate.stdout, /Applied \d+ migration/);
    assert.match(sendHub(['migrate'], env).stdout, /up to date/);

    const created = sendHub(['user', 'create', '--email', 'First.Admin@council.example', '--role', 'administrator'], env);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created first.admin@council.example \(administrator\)/);
    assert.match(created.stdout, /http:\/\/localhost:3000\/password-reset\/[\w-]+/);

    const badRole = sendHub(['user', 'create', '--email', 'x@y.org', '--role', 'emperor'], env);
    assert.notEqual(badRole.code, 0);
    assert.match(badRole.stderr, /emperor/);
    const noOrg = sendHub(['user', 'create', '--email', 'x@y.org', '--role', 'senco', '--organisation', 'Nowhere School'], env);
    assert.equal(noOrg.code, 2);
    assert.match(noOrg.stderr, /There is no organisation "Nowhere School"/);

    const token = sendHub(['token', 'create', '--user', 'first.admin@council.example', '--name', 'integration'], env);
    assert.equal(token.code, 0, token.stderr);
    const last = token.stdout.trim().split('\n').at(-1)!;
    assert.match(last, /^sph_[\w-]{40,}$/);

    const verify = sendHub(['audit', 'verify'], env);
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /The audit log is intact: \d+ entries checked/);

    const database = await openDatabase({ dataDir, purpose: 'test' });
    try {
      const orgs = await database.db.selectFrom('organisations').select(['kind', 'name', 'code']).execute();
      assert.deepEqual(orgs, [{ kind: 'council', name: 'Westmorland and Furness Council', code: 'E06000064' }]);
      const users = await database.db.selectFrom('users').select('email').execute();
      assert.deepEqual(users, [{ email: 'first.admin@council.example' }]);
      const tokens = await database.db.selectFrom('api_tokens').select('token_hash').execute();
      assert.notEqual(tokens[0]!.token_hash, last);
    } finally {
      await database.close();
    }
  });

  test('a bad setting stops start-up with a message naming it', () => {
    const r = sendHub(['migrate'], { DATA_DIR: tempDataDir(), AREA_CODE: 'Cumberland' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /AREA_CODE must be an ONS local authority code/);
    const port = sendHub(['serve'], { DATA_DIR: tempDataDir(), PORT: 'eighty' });
    assert.equal(port.code, 2);
    assert.match(port.stderr, /PORT must be a whole number, but is "eighty"/);
    const db = sendHub(['migrate'], { DATABASE_URL: 'mysql://nope' });
    assert.match(db.stderr, /DATABASE_URL must start with postgres: or postgresql:/);
  });

  test('while the server runs, the CLI refuses to open the embedded database and says what to do', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    try {
      const r = sendHub(['user', 'create', '--email', 'a@b.org', '--role', 'analyst'], { DATA_DIR: dataDir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`The server \\(process ${server.child.pid}, http://localhost:0\\) has the embedded database open`));
      assert.match(r.stderr, /Stop the server first/);
    } finally {
      server.child.kill('SIGTERM');
      assert.equal(await exited(server.child), 0);
    }
    assert.equal(existsSync(path.join(dataDir, 'send-hub.lock')), false, 'a clean stop releases the lock');
    assert.equal(sendHub(['user', 'create', '--email', 'a@b.org', '--role', 'analyst'], { DATA_DIR: dataDir }).code, 0);
  });

  test('SEED_DEMO=false serves an empty area: the council and no people', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
    server.child.kill('SIGTERM');
    await exited(server.child);
    assert.doesNotMatch(server.output(), /Demo sign-ins/);
    const database = await openDatabase({ dataDir, purpose: 'test' });
    try {
      assert.equal((await database.db.selectFrom('users').select('id').execute()).length, 0);
      assert.equal((await database.db.selectFrom('organisations').select('id').execute()).length, 1);
    } finally {
      await database.close();
    }
  });

  test('data committed through the web app survives the server being killed with SIGKILL', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir, BASE_URL: 'http://localhost:3999' });
    // Sign in as the demo administrator and add a user, through the real pages.
    const jar = new Map<string, string>();
    const call = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(server.url + url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, ...v] = pair!.split('=');
        jar.set(k!, v.join('='));
      }
      return res;
    };
    const form = (data: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(data).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const csrfOf = async (url: string) => /name="_csrf" value="([^"]+)"/.exec(await (await call(url)).text())![1]!;
    let csrf = await csrfOf('/sign-in');
    assert.equal((await call('/sign-in', form({ _csrf: csrf, email: demoEmail('administrator'), password: DEMO_PASSWORD }))).status, 303);
    csrf = await csrfOf('/admin/users');
    const org = (await (await call('/admin/users')).text()).match(/<option value="([0-9a-f-]{36})"/)![1]!;
    const created = await call('/admin/users', form({ _csrf: csrf, name: 'Durable Person', email: 'durable@council.example', role: 'analyst', organisation: org }));
    assert.equal(created.status, 303, 'the change was committed and acknowledged');

    server.child.kill('SIGKILL');
    await exited(server.child);
    assert.equal(existsSync(path.join(dataDir, 'send-hub.lock')), true, 'the killed server left its lock behind');

    // The stale lock is taken over, and the acknowledged change is there.
    const verify = sendHub(['audit', 'verify'], { DATA_DIR: dataDir });
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    const database = await openDatabase({ dataDir, purpose: 'test' });
    try {
      const row = await database.db.selectFrom('users').select(['name', 'role']).where('email', '=', 'durable@council.example').executeTakeFirst();
      assert.deepEqual(row, { name: 'Durable Person', role: 'analyst' });
    } finally {
      await database.close();
    }
  });
});
