// The renderer only shows: it names no repair and no cause of its own (the main process plans the fix from {scanId,
// cause, repair} the user picked, the verification from the session alone, and the diagnosis says what each finding is
// in its typed fields), so no repair or cause id is written in its sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAUSE_IDS, REPAIR_IDS } from '../../../shared/contract/ids.ts';

/** The renderer's own sources: tests and the fake main process (api/fake-api.ts, the preview's stand-in) may name ids. */
function rendererSources(): Array<{ file: string; text: string }> {
  const src = fileURLToPath(new URL('..', import.meta.url));
  return readdirSync(src, { recursive: true })
    .map(String)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('fake-api.ts'))
    .map((file) => ({ file, text: readFileSync(join(src, file), 'utf8') }));
}

/** The ids a source writes as a string literal, in any quotes ('x', "x", `x`). */
function idsNamed(text: string, ids: readonly string[]): string[] {
  return ids.filter((id) => ["'", '"', '`'].some((q) => text.includes(`${q}${id}${q}`)));
}

test('no renderer source names a repair: the plans (and the verify step) come from the main process', () => {
  const named = rendererSources().flatMap(({ file, text }) => idsNamed(text, REPAIR_IDS).map((id) => `${file}: ${id}`));
  assert.deepEqual(named, []);
});

test('no renderer source compares a cause id: what a finding is (a cause, the all-clear) comes typed from main', () => {
  const named = rendererSources().flatMap(({ file, text }) => idsNamed(text, CAUSE_IDS).map((id) => `${file}: ${id}`));
  assert.deepEqual(named, []);
  // The check sees a comparison in any quotes (it is not vacuous).
  for (const source of ["f.cause !== 'no-problem-found'", 'f.cause === "pending-reboot"', 'cause == `unknown` ? a : b'])
    assert.equal(idsNamed(source, CAUSE_IDS).length, 1, source);
});
