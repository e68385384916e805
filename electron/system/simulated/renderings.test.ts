// The simulator's console renderings checked against the recorded real outputs: the same parser gives the same facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIcacls, parseRegQuery, parseScQc, parseScQuery, parseWhoamiGroups } from '../probes/console-parsers.ts';
import { parseEventXml } from '../probes/event-xml.ts';
import { toInstallerEvent } from '../probes/installer-events.ts';
import { CORPUS_SKIP, corpusFile, corpusSection } from '../probes/test-support/corpus.ts';
import type { CommandSpec } from '../run/command-runner.ts';
import { createSimulation, type Simulation } from './index.ts';

const strip = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');

async function run(
  sim: Simulation,
  file: string,
  args: string[],
  elevated = false,
): Promise<{ stdout: string; stderr: string; exitCode: number | null }> {
  const spec: CommandSpec = { file, args, encoding: 'oem' };
  if (!elevated) return sim.runner.run(spec);
  const batch = await sim.elevatedRunner.runBatch([spec]);
  return batch.outputs[0]!;
}

/** Field labels in order ("TYPE", "STATE"...), to compare layouts. */
const labels = (text: string): string[] => [...text.matchAll(/^\s+([A-Z0-9_]+)\s+:/gm)].map((m) => m[1]!);

test(
  'sc queryex msiserver (idle): same facts and layout as the recorded English output',
  { skip: CORPUS_SKIP },
  async () => {
    const recorded = strip(corpusFile('sc_query_msiserver.en.stopped_exitcode1077.txt'));
    const sim = await run(createSimulation('healthy'), 'sc.exe', ['queryex', 'msiserver']);
    const [a, b] = [parseScQuery(recorded, 0), parseScQuery(sim.stdout, sim.exitCode)];
    assert.deepEqual({ ...b, pid: null }, a);
    assert.deepEqual(labels(sim.stdout).slice(0, 6), labels(recorded));
  },
);

test('sc queryex msiserver (busy): ACCEPTS_SHUTDOWN and PID lines as recorded', { skip: CORPUS_SKIP }, async () => {
  const recorded = corpusFile('sc_queryex_running_flags.en.txt')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
  const sim = await run(createSimulation('1618-stuck-client-install'), 'sc.exe', ['queryex', 'msiserver']);
  const [a, b] = [parseScQuery(recorded, 0), parseScQuery(sim.stdout, 0)];
  assert.equal(b.state, a.state);
  assert.equal(b.acceptsShutdown, a.acceptsShutdown);
  assert.equal(b.pid, 9120);
  assert.deepEqual(labels(sim.stdout), labels(recorded));
  // The controls line has the recorded indentation and token style.
  assert.match(sim.stdout, /^ {32}\(NOT_STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN\)\r?$/m);
});

test('sc qc msiserver: same facts and field order as the recorded layout B', { skip: CORPUS_SKIP }, async () => {
  const recorded = corpusSection('sc_qc_msiserver.en.txt', ' B ');
  const sim = await run(createSimulation('healthy'), 'sc.exe', ['qc', 'msiserver']);
  const [a, b] = [parseScQc(recorded, 0), parseScQc(sim.stdout, 0)];
  assert.deepEqual(
    { ...b, serviceType: a.serviceType },
    { ...a, binaryPath: a.binaryPath!.replace('WINDOWS', 'Windows') },
  );
  assert.deepEqual(labels(sim.stdout), labels(recorded));
});

test(
  'sc on a missing service (zh-CN machine): the 1060 header parses like the recorded de/fr ones',
  { skip: CORPUS_SKIP },
  async () => {
    const sim = createSimulation('zh-CN-1618-stuck-client-install');
    sim.machine.deleteKey('HKLM\\SYSTEM\\CurrentControlSet\\Services\\msiserver');
    const out = await run(sim, 'sc.exe', ['qc', 'msiserver']);
    assert.match(out.stdout, /^\[SC\] OpenService 失败 1060:/);
    const recorded = corpusSection('sc_qc.zh-CN_and_de-DE_headers_errors.txt', 'de-DE service missing');
    assert.deepEqual(parseScQc(out.stdout, out.exitCode), parseScQc(recorded, 1060));
  },
);

test(
  'whoami /groups (zh-CN, unelevated and elevated): same SIDs facts and table shape as the recordings',
  { skip: CORPUS_SKIP },
  async () => {
    const file = 'whoami_groups.zh-CN.medium_and_high.txt';
    const sim = createSimulation('zh-CN-1618-stuck-client-install');
    for (const [title, elevated] of [
      ['普通权限', false],
      ['管理员权限', true],
    ] as const) {
      const recorded = corpusSection(file, title);
      const out = await run(sim, 'whoami.exe', ['/groups'], elevated);
      const [a, b] = [parseWhoamiGroups(recorded), parseWhoamiGroups(out.stdout)];
      assert.equal(b.integritySid, a.integritySid, title);
      assert.equal(b.hasAdministrators, a.hasAdministrators, title);
      // Same title, headers and the same attribute wording on the Administrators row.
      for (const needle of ['组信息', '组名', '类型', '属性']) assert.ok(out.stdout.includes(needle), needle);
      const adminRow = (t: string): string =>
        t
          .split(/\r?\n/)
          .find((l) => l.includes('S-1-5-32-544'))!
          .replace(/^.*S-1-5-32-544\s+/, '');
      assert.equal(adminRow(out.stdout), adminRow(recorded), title);
    }
  },
);

test('whoami /groups (en, elevated): High Mandatory Level row as recorded', { skip: CORPUS_SKIP }, async () => {
  const out = await run(createSimulation('healthy'), 'whoami.exe', ['/groups'], true);
  assert.equal(
    parseWhoamiGroups(out.stdout).integritySid,
    parseWhoamiGroups(corpusFile('whoami_groups.en.high.txt')).integritySid,
  );
  assert.match(out.stdout, /^Mandatory Label\\High Mandatory Level\s+Label\s+S-1-16-12288\s*$/m);
});

test(
  'icacls C:\\Windows\\Temp (default ACL): exactly the recorded entries, order and summary',
  { skip: CORPUS_SKIP },
  async () => {
    const file = 'icacls_C_Windows_Temp.en_de_zh.txt';
    const out = await run(createSimulation('healthy'), 'icacls.exe', ['C:\\Windows\\Temp'], true);
    const recordedB = parseIcacls(corpusSection(file, '(b) with an extra explicit grant'));
    const recordedA = parseIcacls(corpusSection(file, '(a) default'));
    const sim = parseIcacls(out.stdout);
    assert.deepEqual(sim.entries, recordedA.entries);
    assert.deepEqual(sim.entries, recordedB.entries.slice(0, 6), 'same as (b) without its extra grant');
    assert.deepEqual([sim.processed, sim.failed], [recordedB.processed, recordedB.failed]);
    // Layout: first ACE on the path line, the others indented to the path's width (as in recording (b)).
    const lines = out.stdout.split(/\r?\n/);
    assert.equal(lines[0], 'C:\\Windows\\Temp BUILTIN\\Users:(CI)(S,WD,AD,X)');
    assert.equal(lines[1], '                BUILTIN\\Administrators:(F)');
  },
);

test('icacls on zh-CN and de-DE machines: localized summary/principals, same SIDs', { skip: CORPUS_SKIP }, async () => {
  const zh = await run(createSimulation('zh-CN-1618-stuck-client-install'), 'icacls.exe', ['C:\\Windows\\Temp'], true);
  const recordedZh = corpusSection('icacls_C_Windows_Temp.en_de_zh.txt', '(c) summary lines')
    .split('\n')
    .find((l) => l.startsWith('zh-CN:'))!
    .slice(7);
  assert.ok(zh.stdout.includes(recordedZh), 'the zh-CN summary line is the recorded one');
  const de = createSimulation('healthy');
  de.machine.state.locale = { name: 'de-DE', oemCodePage: 850 };
  const out = await run(de, 'icacls.exe', ['C:\\Windows\\Temp'], true);
  assert.match(out.stdout, /VORDEFINIERT\\Administratoren:\(F\)/);
  assert.deepEqual(
    parseIcacls(out.stdout).entries.map((e) => e.sid),
    parseIcacls(zh.stdout).entries.map((e) => e.sid),
  );
});

test(
  'reg query PendingFileRenameOperations: the value line is byte-identical to the recording',
  { skip: CORPUS_SKIP },
  async () => {
    const file = 'reg_query_PendingFileRenameOperations.en_zh-CN.txt';
    const recorded = corpusSection(file, '(a)');
    const sim = createSimulation('healthy');
    const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';
    sim.machine.setValue(key, 'PendingFileRenameOperations', {
      type: 'REG_MULTI_SZ',
      data: ['\\??\\C:\\temp\\file1.txt', '\\??\\C:\\backup\\file1.txt'],
    });
    // '/reg:64' as the probes pass it (the bare 4-argument form is also answered by repair-handlers.ts).
    const out = await run(sim, 'reg.exe', ['query', key, '/v', 'PendingFileRenameOperations', '/reg:64']);
    const recordedLines = recorded.split('\n').filter((l) => l.trim());
    const simLines = out.stdout.split(/\r?\n/).filter((l) => l.trim());
    assert.deepEqual(simLines, recordedLines);
    assert.deepEqual(parseRegQuery(out.stdout, 0), parseRegQuery(recorded, 0));
  },
);

test(
  'reg query of a missing value: exit 1 and the recorded message (en and zh-CN)',
  { skip: CORPUS_SKIP },
  async () => {
    const file = 'reg_query_PendingFileRenameOperations.en_zh-CN.txt';
    const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager';
    for (const [name, section] of [
      ['healthy', '(c) en-US'],
      ['zh-CN-1618-stuck-client-install', '(c) zh-CN'],
    ] as const) {
      const out = await run(createSimulation(name), 'reg.exe', ['query', key, '/v', 'PendingFileRenameOperations']);
      assert.equal(out.exitCode, 1);
      assert.equal(out.stderr.trim(), corpusSection(file, section).trim());
    }
  },
);

test('wevtutil XML: a simulated 1033 parses to the same facts as the recorded one', { skip: CORPUS_SKIP }, async () => {
  const recorded = parseEventXml(corpusFile('wevtutil_MsiInstaller_events.en.xml')).find((e) => e.id === 1033)!;
  const sim = createSimulation('healthy');
  sim.machine.state.events.push({
    provider: 'MsiInstaller',
    id: 1033,
    time: sim.machine.state.now,
    recordId: recorded.recordId!,
    data: recorded.data,
    binaryHex: recorded.binaryHex!,
    userSid: recorded.userSid!,
  });
  const out = await run(sim, 'wevtutil.exe', [
    'qe',
    'Application',
    "/q:*[System[Provider[@Name='MsiInstaller'] and (EventID=1033)]]",
    '/f:xml',
    '/rd:true',
  ]);
  const mine = parseEventXml(out.stdout)[0]!;
  const strip1 = (e: ReturnType<typeof toInstallerEvent>) => ({ ...e, time: '' });
  assert.deepEqual(strip1(toInstallerEvent(mine)), strip1(toInstallerEvent(recorded)));
});
