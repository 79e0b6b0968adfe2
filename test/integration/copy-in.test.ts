import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { copyIn, copyText } from '../../src/db/copy-in.js';
import { freshDatabase, testDialects } from '../support/database.js';
import type { Database } from '../../src/db/database.js';

test('copyText escapes what COPY’s text format needs, and writes null as \\N', () => {
  assert.equal(copyText(null), '\\N');
  assert.equal(copyText(7), '7');
  assert.equal(copyText('/,\\,L'), '/,\\\\,L');
  assert.equal(copyText('a\tb\nc\rd'), 'a\\tb\\nc\\rd');
  assert.equal(copyText('plain'), 'plain');
});

for (const dialect of testDialects()) {
  describe(`copyIn on ${dialect}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(dialect));
      await sql`create table copy_probe (id int primary key, label text, note text)`.execute(database.db);
    });
    after(() => drop());

    test('loads rows inside the caller’s transaction, values escaped, nulls kept', async () => {
      await database.db.transaction().execute(async (tx) => {
        const rows = [`1\t${copyText('back\\slash')}\t\\N\n`, `2\t${copyText('tab\there')}\t${copyText('x')}\n`];
        // Split across chunks, one mid-row, as a stream would deliver it.
        const n = await copyIn(tx, 'copy copy_probe (id, label, note) from stdin', [rows[0]!, rows[1]!.slice(0, 3), rows[1]!.slice(3)]);
        assert.equal(n, 2);
        const inside = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(tx);
        assert.equal(inside.rows[0]!.n, 2, 'the transaction sees its own rows');
      });
      const stored = await sql<{ id: number; label: string; note: string | null }>`select id, label, note from copy_probe order by id`.execute(database.db);
      assert.deepEqual(stored.rows, [
        { id: 1, label: 'back\\slash', note: null },
        { id: 2, label: 'tab\there', note: 'x' },
      ]);
    });

    test('a failed COPY rolls back with the transaction and the connection stays usable', async () => {
      await assert.rejects(
        database.db.transaction().execute(async (tx) => {
          await copyIn(tx, 'copy copy_probe (id, label, note) from stdin', ['3\tfine\t\\N\n']);
          await copyIn(tx, 'copy copy_probe (id, label, note) from stdin', ['1\tclash\t\\N\n']);
        }),
        /duplicate key|unique/i,
      );
      const ids = await sql<{ id: number }>`select id from copy_probe order by id`.execute(database.db);
      assert.deepEqual(ids.rows.map((r) => r.id), [1, 2], 'nothing of the failed transaction is left');
    });

    test('refuses anything but COPY … FROM STDIN', async () => {
      await assert.rejects(copyIn(database.db, 'delete from copy_probe', []), /COPY … FROM STDIN/);
    });
  });
}
