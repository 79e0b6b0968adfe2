import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CopyBuffer } from './copy-buffer.js';

test('CopyBuffer writes values, tabs and rows, grows as needed, and starts again after take', () => {
  const out = new CopyBuffer(8); // small, so it must grow
  const long = Buffer.from('a-value-longer-than-sixteen-bytes', 'latin1');
  out.put(Buffer.from('upn', 'latin1')).tab().putSmall(7).tab().putSmall(10).tab().put(long).byte(44).endRow();
  assert.equal(out.take().toString('latin1'), 'upn\t7\t10\ta-value-longer-than-sixteen-bytes,\n');
  assert.equal(out.size, 0);
  out.putSmall(0).endRow();
  assert.equal(out.take().toString('latin1'), '0\n', 'nothing of the first take is left');
});
