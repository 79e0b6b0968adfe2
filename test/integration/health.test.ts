import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.js';
import { services } from '../../src/services.js';
import { createApp } from '../../src/app.js';
import { freshDatabase, testDialects } from '../support/database.js';

for (const dialect of testDialects()) {
  test(`/health is 503 when the database is down [${dialect}]`, async () => {
    const fresh = await freshDatabase(dialect);
    const { server } = await createApp(services(loadConfig({ LOG_LEVEL: 'silent' }), fresh.database), { logger: false });
    assert.equal((await server.inject('/health')).statusCode, 200);
    await fresh.drop();
    const res = await server.inject('/health');
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'unavailable', database: 'unavailable' });
    await server.close();
  });
}
