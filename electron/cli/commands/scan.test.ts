// Tests of `msi-doctor scan`: options, exit codes, JSON schema, and every built-in scenario showing what it was built to show.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanResultSchema, type ScanResult } from '../../../shared/contract/scan.ts';
import type { Evidence } from '../../../shared/contract/evidence.ts';
import { main } from '../main.ts';
import { fakeIo as fakeCliIo, testWithDataDir, type FakeIo } from '../cli-test-io.test-support.ts';
import { parseScanArgs, scanCommand } from './scan.ts';
import { keyFacts, summaryText } from './scan-render.ts';
import { PROBE_IDS } from '../../../shared/contract/ids.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { probeName, statusWord } from '../../../shared/knowledge/words.ts';
import { builtinScenarios } from '../../services/system-factory.ts';
import { loadScenario } from '../../system/simulated/index.ts';
import { checkExpectedEvidence } from '../../system/simulated/scenario-check.ts';
import { fixCommand } from './fix.ts';

// Scans of a simulated machine read state saved by earlier `fix` runs from the data folder: each test has its own.
const test = testWithDataDir;

/** Captured streams; stdout and stderr claim to be a terminal when `tty`. */
function fakeIo(tty = false): FakeIo {
  return fakeCliIo({ stdoutIsTTY: tty, stderrIsTTY: tty });
}

async function scanJson(args: string[]): Promise<ScanResult> {
  const { io, out, err } = fakeIo();
  const code = await scanCommand([...args, '--json'], io);
  assert.equal(code, 0, err());
  return scanResultSchema.parse(JSON.parse(out()));
}

/** main() writes to process streams: capture them for the exit-2 cases. */
async function runMain(argv: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(argv), stderr };
  } finally {
    process.stderr.write = write;
  }
}

test('options parse; repeatable --code and --log; conflicting or unknown options are usage errors', () => {
  assert.deepEqual(
    parseScanArgs([
      '--simulate',
      'healthy',
      '--code',
      '2503',
      '--code',
      '1603',
      '--log',
      'a.log',
      '--no-elevate',
      '--json',
    ]),
    {
      simulate: 'healthy',
      codes: ['2503', '1603'],
      logs: ['a.log'],
      elevate: false,
      json: true,
      lang: 'en',
    },
  );
  assert.throws(() => parseScanArgs(['--lang', 'fr']), /--lang must be one of en, zh-CN/);
  assert.equal(parseScanArgs(['--help']), 'help');
  assert.deepEqual(parseScanArgs(['--list-scenarios']), { list: 'en' });
  assert.deepEqual(parseScanArgs(['--list-scenarios', '--lang', 'zh-CN']), { list: 'zh-CN' });
  assert.throws(
    () => parseScanArgs(['--simulate', 'a', '--scenario', 'b.json']),
    /either --simulate NAME or --scenario FILE/,
  );
  assert.throws(() => parseScanArgs(['--bogus']), /Unknown option '--bogus'.*--help/);
  assert.throws(() => parseScanArgs(['--simulate']), /argument missing|--simulate/);
});

test('bad input exits 2 with a one-line message: unknown scenario, missing log, missing .msi, not Windows', async (t) => {
  const unknown = await runMain(['scan', '--simulate', 'no-such-machine']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^msi-doctor scan: Unknown scenario "no-such-machine"\. Built-in scenarios: .*healthy/);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
  const missingLog = await runMain(['scan', '--simulate', 'healthy', '--log', '/nonexistent/MSI1234.LOG']);
  assert.equal(missingLog.code, 2);
  assert.match(missingLog.stderr, /log file not found: \/nonexistent\/MSI1234\.LOG/);
  const missingMsi = await runMain(['scan', '--simulate', 'healthy', '--msi', 'C:\\nowhere\\setup.msi']);
  assert.equal(missingMsi.code, 2);
  assert.match(missingMsi.stderr, /\.msi file not found/);
  const badFile = await runMain(['scan', '--scenario', join(tmpdir(), 'missing-scenario.json')]);
  assert.equal(badFile.code, 2);
  if (process.platform === 'win32') return t.skip('on Windows a plain scan probes this machine');
  const notWindows = await runMain(['scan']);
  assert.equal(notWindows.code, 2);
  assert.equal(notWindows.stderr, 'msi-doctor scan: this is not Windows: pass --simulate NAME or --scenario FILE\n');
});

test('--list-scenarios lists the built-ins with their titles', async () => {
  const { io, out } = fakeIo();
  assert.equal(await scanCommand(['--list-scenarios'], io), 0);
  for (const name of builtinScenarios()) assert.match(out(), new RegExp(`^${name} +\\S`, 'm'));
});

test('--json prints msi-doctor/scan@1 with every evidence item; human output lists each probe with status and time', async () => {
  const result = await scanJson(['--simulate', 'healthy']);
  assert.equal(result.schema, 'msi-doctor/scan@1');
  assert.equal(result.environment.kind, 'simulated');
  assert.equal(result.environment.scenario, 'healthy');
  assert.ok(result.evidence.length >= 8);
  const { io, out, err } = fakeIo(false);
  assert.equal(await scanCommand(['--simulate', 'healthy'], io), 0);
  for (const e of result.evidence) {
    const name = translate(probeName(e.probe), 'en').replace(/[()]/g, '\\$&');
    assert.match(out(), new RegExp(`${name}: ${translate(statusWord(e.status), 'en')} \\(\\d+ ms`));
  }
  // Ids that are one English word ("elevation", "policies") can be ordinary words of a sentence; the others cannot.
  for (const id of PROBE_IDS.filter((p) => p.includes('-')))
    assert.doesNotMatch(out(), new RegExp(`(?<![\\w-])${id}(?![\\w-])`), `no probe id (${id}) in the human output`);
  assert.equal(err(), '', 'no progress on a non-TTY stderr');
});

test('progress goes to stderr only when it is a TTY', async () => {
  const { io, err } = fakeIo(true);
  assert.equal(await scanCommand(['--simulate', 'healthy'], io), 0);
  assert.match(err(), /… Windows Installer service/);
  assert.match(err(), /Windows Installer service: OK \(\d+ ms\)/);
});

test('--no-elevate: no prompt, the result says what could not be checked', async () => {
  const result = await scanJson(['--simulate', 'healthy', '--no-elevate']);
  assert.equal(result.elevation, 'skipped');
  assert.ok(result.notChecked.some((n) => n.reason.startsWith('elevation-skipped')));
});

test('--code and a host --log are used instead of the scenario defaults', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-scan-'));
  const log = join(dir, 'install.log');
  writeFileSync(
    log,
    [
      '=== Verbose logging started: 1/2/2026  10:00:00  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===',
      'MSI (c) (A8:1C) [10:00:00:001]: Executing op: ActionStart(Name=InstallFiles,,)',
      'Action ended 10:00:01: INSTALL. Return value 3.',
      '=== Verbose logging stopped: 1/2/2026  10:00:01 ===',
      '',
    ].join('\r\n'),
  );
  const result = await scanJson(['--simulate', 'healthy', '--code', '1603', '--log', log]);
  assert.deepEqual(result.symptom.exitCodes, [1603]);
  assert.equal(result.logErrors, undefined);
  assert.deepEqual(
    result.logs.map((l) => [l.file, l.format, l.outcome]),
    [[log, 'msi-verbose', 'failure']],
  );
});

test('--log reads a path on the simulated disk when the machine has it', async () => {
  const path = 'C:\\Users\\zhang.wei\\AppData\\Local\\Temp\\MSI5f1c2.LOG';
  const result = await scanJson(['--simulate', '1603-custom-action', '--code', '1603', '--log', path]);
  assert.equal(result.logErrors, undefined);
  assert.equal(result.logs.length, 1);
  assert.equal(result.logs[0]!.outcome, 'failure');
  assert.equal(result.logs[0]!.failedAction?.customAction, true);
});

test('every built-in scenario: scan --simulate NAME --json reports the evidence it was built to show', async () => {
  const names = builtinScenarios();
  assert.ok(names.includes('healthy'));
  for (const name of names) {
    const expect = loadScenario(name).scenario.expect;
    const result = await scanJson(['--simulate', name]);
    const best = new Map<string, Evidence>(result.evidence.map((e) => [e.probe, e]));
    const elevated = new Map<string, Evidence>(result.evidence.filter((e) => e.elevated).map((e) => [e.probe, e]));
    const problems = checkExpectedEvidence(expect, {
      best,
      elevated,
      unelevated: new Map(),
      elevation: result.elevation === 'granted' ? 'granted' : 'declined',
    });
    assert.deepEqual(problems, [], `scenario ${name}`);
    // The whole pipeline (probes -> diagnosis) through the command: the cause the scenario was built for comes first.
    assert.equal(
      result.findings[0]?.cause,
      expect.topCause,
      `scenario ${name}: findings ${result.findings.map((f) => f.cause).join(', ')}`,
    );
  }
});

test('render helpers: summary fallback and key facts', () => {
  assert.equal(summaryText({ key: 'no.such.summary-key', params: { pid: 4242, probe: 'x' } }), 'summary key pid=4242');
  assert.equal(
    summaryText({ key: 'probe.not-checked', params: {} }, 'zh-CN'),
    '未检查：这项检查需要管理员权限，但未获得授权。',
  );
  assert.deepEqual(
    keyFacts({ state: 'stopped', clients: [1, 2], windowsTemp: { exists: true, aces: [] }, skip: { deep: { x: 1 } } }),
    ['state=stopped', 'clients=[2]', 'windowsTemp.exists=true'],
  );
});

test('scan shows a simulated machine as `fix` left it', async () => {
  const before = await scanJson(['--simulate', 'msiserver-disabled']);
  assert.equal(before.evidence.find((e) => e.probe === 'installer-service')?.status, 'problem');
  const fix = fakeIo();
  assert.equal(
    await fixCommand(['enable-msiserver', '--simulate', 'msiserver-disabled', '--yes', '--json'], fix.io),
    0,
    fix.err(),
  );
  const after = fakeIo();
  assert.equal(await scanCommand(['--simulate', 'msiserver-disabled', '--json'], after.io), 0, after.err());
  const service = scanResultSchema.parse(JSON.parse(after.out())).evidence.find((e) => e.probe === 'installer-service');
  assert.equal(service?.status, 'ok', 'the re-enabled service is healthy on the next scan');
  assert.match(after.err(), /changed by earlier repairs/);
});
