// The script catalog's refusal check (PowerShell checks 1 and 2): a build counts as refused only with one of the app's
// refusal keys, never because its message happens to contain a word like "not" (as "Cannot read properties" does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RepairRefusal } from '../repairs/repair-definition.ts';
import { powerShellSpec } from '../run/powershell.ts';
import { COMMAND_LINE_TOO_LONG, refusalKey, scriptCatalog } from './script-catalog.test-support.ts';

/** The check this replaces: any message with one of these words passed. */
const OLD_CHECK = /too long|refus|unsafe|not|limit|characters/i;

function errorOf(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  throw new Error('the build did not throw');
}

test('a crash is not a refusal, although the old word check accepted it', () => {
  const crash = errorOf(() => (undefined as unknown as { steps: unknown[] }).steps.length);
  assert.match((crash as Error).message, OLD_CHECK, 'the old check took this crash for a refusal');
  assert.equal(refusalKey(crash), null);
  // Words of a refusal in a plain Error are not a refusal either; nor is a refusal with a key that has no texts.
  assert.equal(refusalKey(new Error('repair.refusal.nothing-to-do')), null);
  assert.equal(refusalKey(new RepairRefusal({ key: 'repair.refusal.nothing-to-doo', params: {} })), null);
  assert.equal(refusalKey(new RepairRefusal({ key: 'repair.wait-for-installer.title', params: {} })), null);
});

test("the app's refusals are recognised by their keys", () => {
  assert.equal(
    refusalKey(new RepairRefusal({ key: 'repair.refusal.nothing-to-do', params: {} })),
    'repair.refusal.nothing-to-do',
  );
  assert.equal(refusalKey(errorOf(() => powerShellSpec('#'.repeat(40_000)))), COMMAND_LINE_TOO_LONG);
});

test('every build the script catalog refuses is refused with a known key', () => {
  const { refusals } = scriptCatalog();
  assert.ok(refusals.length > 0);
  const unknown = refusals.filter((r) => r.key === null).map((r) => `${r.id}: ${r.message}`);
  assert.deepEqual(unknown, []);
});
