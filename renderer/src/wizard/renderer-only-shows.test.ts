// The renderer only shows: it names no repair of its own (the main process plans the fix from {scanId, cause, repair}
// the user picked, and the verification from the session alone), so no repair id is written in its sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPAIR_IDS } from '../../../shared/contract/ids.ts';

test('no renderer source names a repair: the plans (and the verify step) come from the main process', () => {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const named: string[] = [];
  for (const file of readdirSync(src, { recursive: true }).map(String)) {
    // Tests and the fake main process (api/fake-api.ts, the preview's stand-in) may name repairs.
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || file.endsWith('fake-api.ts')) continue;
    const text = readFileSync(join(src, file), 'utf8');
    for (const repair of REPAIR_IDS) if (text.includes(`'${repair}'`)) named.push(`${file}: ${repair}`);
  }
  assert.deepEqual(named, []);
});
