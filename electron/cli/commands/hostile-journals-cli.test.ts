// Hostile journals through the CLI: an environment outside the data folder, null lines, wrong types,
// truncated JSON. Each is listed as damaged with a one-line reason; undo --list, fix --dry-run and the app's start work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIO_DIR } from '../../system/simulated/index.ts';
import { createSystem } from '../../services/system-factory.ts';
import { createRepairServiceFor } from '../../services/repair-system.ts';
import { listJournals } from '../../services/journal.ts';
import { fakeIo } from '../cli-test-io.test-support.ts';
import { CliUsageError } from '../cli-types.ts';
import { fixCommand } from './fix.ts';
import { undoCommand } from './undo.ts';
import { journalPath, tamperPlan } from '../../services/journal-tamper.test-support.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'msi-doctor-hostile-cli-'));
}

/** Runs a CLI command with MSI_DOCTOR_DATA_DIR pointing at `dataDir`. */
async function cli(dataDir: string, command: typeof fixCommand, argv: string[]) {
  const previous = process.env.MSI_DOCTOR_DATA_DIR;
  process.env.MSI_DOCTOR_DATA_DIR = dataDir;
  const s = fakeIo();
  try {
    const code = await command(argv, s.io);
    return { code, out: s.out(), err: s.err() };
  } finally {
    if (previous === undefined) delete process.env.MSI_DOCTOR_DATA_DIR;
    else process.env.MSI_DOCTOR_DATA_DIR = previous;
  }
}

test('environment pointing outside the data folder: the journal is damaged, undo refuses, nothing is loaded', async () => {
  const dataDir = tempDir();
  const outside = tempDir();
  try {
    // A scenario file the attacker controls, outside the data folder.
    copyFileSync(join(SCENARIO_DIR, 'msiserver-disabled.json'), join(outside, 'evil.json'));
    const fixed = await cli(dataDir, fixCommand, [
      'enable-msiserver',
      '--simulate',
      'msiserver-disabled',
      '--yes',
      '--json',
    ]);
    assert.equal(fixed.code, 0, fixed.err);
    const [journal] = listJournals(dataDir);
    for (const environment of [`simulated:${join(outside, 'evil')}`, 'scenario-file:../../evil.json']) {
      tamperPlan(dataDir, journal!.journalId, (p) => (p.environment = environment));
      await assert.rejects(
        cli(dataDir, undoCommand, [journal!.journalId]),
        (e: unknown) => e instanceof CliUsageError && /damaged/.test(e.message),
      );
      const list = await cli(dataDir, undoCommand, ['--list']);
      assert.equal(list.code, 0);
      assert.match(list.out, /damaged/);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

for (const [name, content] of [
  ['a null line', (good: string) => `${good}\nnull\n`],
  ['wrong types', (good: string) => good.replace('"reversible":true', '"reversible":"yes"') + '\n'],
  ['truncated JSON', (good: string) => good.slice(0, 40)],
  ['an array', () => '[]\n'],
] as const) {
  test(`${name} in a journal: listed as damaged with a reason; undo --list, fix --dry-run and app start keep working`, async () => {
    const dataDir = tempDir();
    try {
      const fixed = await cli(dataDir, fixCommand, [
        'enable-msiserver',
        '--simulate',
        'msiserver-disabled',
        '--yes',
        '--json',
      ]);
      assert.equal(fixed.code, 0, fixed.err);
      const good = listJournals(dataDir)[0]!.journalId;
      const firstLine = readFileSync(journalPath(dataDir, good), 'utf8').split('\n')[0]!;
      mkdirSync(join(dataDir, 'journals'), { recursive: true });
      writeFileSync(journalPath(dataDir, '20260101T000000Z-bad'), content(firstLine));
      const journals = listJournals(dataDir);
      assert.equal(journals.length, 2);
      assert.equal(journals.find((j) => j.journalId === good)?.state, 'finished', 'the good journal is unaffected');
      const bad = journals.find((j) => j.journalId === '20260101T000000Z-bad');
      assert.equal(bad?.state, 'damaged');
      assert.ok(bad?.problem && !bad.problem.includes('\n'));
      const list = await cli(dataDir, undoCommand, ['--list']);
      assert.equal(list.code, 0);
      assert.match(list.out, /20260101T000000Z-bad +damaged/);
      const dry = await cli(dataDir, fixCommand, ['recommended', '--simulate', '2503-windows-temp-acl', '--dry-run']);
      assert.equal(dry.code, 0, dry.err);
      assert.match(dry.err, /damaged/);
      await assert.rejects(
        cli(dataDir, undoCommand, ['20260101T000000Z-bad']),
        (e: unknown) => e instanceof CliUsageError && /damaged/.test(e.message),
      );
      // The app's start reads the journals through the same service.
      const app = createRepairServiceFor(createSystem({ simulate: 'healthy' }), dataDir);
      assert.equal((await app.listJournals()).length, 2);
      assert.deepEqual(app.unfinishedJournals(), []);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
