// `msi-doctor fleet summarize` on a folder of real scan results and broken files; `scan --results-dir` and
// `--issue-exit-code` that produce those results (simulated machines, in process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fleetCommand, parseFleetArgs } from './fleet.ts';
import { scanCommand } from './scan.ts';
import { CliUsageError } from '../cli-types.ts';
import { fakeIo } from '../cli-test-io.test-support.ts';

function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-fleet-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** A scan of a simulated machine written into `dir` the way a fleet machine writes it; returns the exit code. */
async function scanInto(dir: string, scenario: string): Promise<number> {
  const f = fakeIo();
  return scanCommand(['--simulate', scenario, '--json', '--results-dir', dir, '--issue-exit-code', '1'], f.io);
}

test('scan --results-dir writes one result file per run; --issue-exit-code says whether an issue was found', async () => {
  await withDir(async (dir) => {
    assert.equal(await scanInto(dir, 'configmgr-1603-custom-action'), 1);
    assert.equal(await scanInto(dir, 'healthy'), 0);
    const files = readdirSync(dir);
    assert.equal(files.length, 2);
    for (const name of files) {
      assert.match(name, /^WS-FIN-042_\d{8}T\d{6}Z_[0-9a-f]{8}\.json$/);
      assert.equal(JSON.parse(readFileSync(join(dir, name), 'utf8')).schema, 'msi-doctor/scan@1');
    }
  });
  await assert.rejects(scanCommand(['--issue-exit-code', '0'], fakeIo().io), CliUsageError);
  await assert.rejects(scanCommand(['--results-dir', ' '], fakeIo().io), CliUsageError);
});

test('fleet summarize: good files summarized, each broken one refused in one line, the summary goes on', async () => {
  await withDir(async (dir) => {
    const results = join(dir, 'results');
    for (const s of ['configmgr-1603-custom-action', 'psadt-mutex-timeout', 'always-install-elevated', 'healthy'])
      await scanInto(join(results, s), s); // one subfolder per machine group: read recursively
    // Same machine name in every scenario: give each its own name, as on a real fleet.
    for (const sub of readdirSync(results)) {
      const file = join(results, sub, readdirSync(join(results, sub))[0]!);
      const scan = JSON.parse(readFileSync(file, 'utf8'));
      scan.environment.computerName = `PC-${sub}`;
      writeFileSync(file, JSON.stringify(scan));
    }
    writeFileSync(join(results, 'empty.json'), '');
    writeFileSync(join(results, 'notes.json'), 'shopping list\nmilk');
    writeFileSync(join(results, 'other.json'), '{"schema":"msi-doctor/repair@1"}');
    mkdirSync(join(results, 'folder.json'));
    writeFileSync(join(results, 'readme.txt'), 'not a result');
    const out = join(dir, 'summary');
    const f = fakeIo();
    assert.equal(await fleetCommand(['summarize', results, '--out', out], f.io), 0);
    const refused = f
      .err()
      .split('\n')
      .filter((l) => l.startsWith('msi-doctor fleet: '));
    assert.equal(refused.length, 3, 'one line per refused file');
    assert.ok(refused.some((l) => /: empty\.json: the file is empty$/.test(l)));
    assert.ok(refused.some((l) => /: notes\.json: not JSON \(.+\)$/.test(l)));
    assert.ok(
      refused.some((l) => /: other\.json: not an MSI Doctor scan or report \(schema "msi-doctor\/repair@1"\)$/.test(l)),
    );
    assert.match(f.out(), /4 result files read \(3 refused\), 4 machines, 3 with an issue\./);
    assert.match(f.out(), /Machines to act on first:\n {3}1\. PC-always-install-elevated /);
    assert.match(f.out(), /A step of the package itself failed \(custom action\)/);
    assert.deepEqual(readdirSync(out).sort(), [
      'fleet-causes.csv',
      'fleet-machines.csv',
      'fleet-products.csv',
      'fleet-summary.html',
    ]);
    assert.match(readFileSync(join(out, 'fleet-products.csv'), 'utf8'), /Contoso Ledger 4\.6/);
    assert.match(readFileSync(join(out, 'fleet-summary.html'), 'utf8'), /Files not summarized/);
    const strict = fakeIo();
    assert.equal(await fleetCommand(['summarize', results, '--strict', '--json'], strict.io), 2);
    const json = JSON.parse(strict.out());
    assert.equal(json.machines, 4);
    assert.equal(json.refused.length, 3);
  });
});

test('fleet summarize: bad folders are one-line usage errors', async () => {
  await withDir(async (dir) => {
    await assert.rejects(fleetCommand(['summarize', join(dir, 'missing')], fakeIo().io), /folder not found/);
    writeFileSync(join(dir, 'file.json'), '{}');
    await assert.rejects(fleetCommand(['summarize', join(dir, 'file.json')], fakeIo().io), /not a folder/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await assert.rejects(fleetCommand(['summarize', empty], fakeIo().io), /no result files \(\*\.json\) found/);
    await assert.rejects(fleetCommand(['summarize', dir], fakeIo().io), /the 1 file found is not a usable result file/);
  });
  assert.throws(() => parseFleetArgs(['count', 'x']), /unknown fleet command/);
  assert.throws(() => parseFleetArgs(['summarize']), /exactly one folder/);
  assert.throws(() => parseFleetArgs(['summarize', 'x', '--lang', 'fr']), /--lang/);
  assert.equal(parseFleetArgs(['--help']), 'help');
});
