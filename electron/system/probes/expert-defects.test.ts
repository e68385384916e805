// Issue 15, the Windows expert's defects in the probes that need no PowerShell to show: #3 (logs found whatever the
// Windows language), #9 (a "denied" mutex is definitive only for a really elevated token), #11 (HRESULTs of the base
// exception, never PowerShell's MethodInvocationException 0x80131501).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CommandOutput } from '../run/command-runner.ts';
import { scriptOfSpec } from '../run/powershell.ts';
import { ALL_PROBES, logReadCommand } from './index.ts';
import { looksLikeMsiLog } from './msi-log-head.ts';
import { parseInstallInProgress } from './install-in-progress.ts';
import type { ProbeContext } from './probe.ts';

const utf16 = (text: string): Uint8Array => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

test('issue 15 #3: MSI and Burn logs are recognised by structure in every language, other logs are not', () => {
  const heads = [
    // German, Chinese, English verbose headers: the framed line, then engine lines.
    '=== Ausführliche Protokollierung gestartet: 18.11.2026  01:12:53  Buildtyp: SHIP UNICODE 5.00.10011.00  Aufrufender Prozess: C:\\Windows\\system32\\msiexec.exe ===\r\nMSI (c) (C0:94) [01:12:53:767]: Ressourcen werden gesucht\r\n',
    '=== 详细日志记录已开始: 2026/11/18  1:12:53  生成类型: SHIP UNICODE 5.00.10011.00  调用进程: C:\\Windows\\system32\\msiexec.exe ===\r\nMSI (c) (C0:94) [01:12:53:767]: 正在解析\r\n',
    '=== Verbose logging started: 11/18/2026  1:12:53  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===\r\n',
    // A log whose header was cut: engine lines alone.
    'MSI (s) (D4!F8) [01:12:54:001]: Doing action: InstallInitialize\r\n',
    // Burn (a bootstrapper's log).
    '[0A2C:1B34][2026-11-18T01:12:53]i001: Burn v3.14.1.8722, Windows v10.0 (Build 22631: Service Pack 0), path: C:\\x.exe\r\n',
  ];
  for (const head of heads) {
    assert.ok(looksLikeMsiLog(utf16(head)), `UTF-16: ${head.slice(0, 40)}`);
    assert.ok(looksLikeMsiLog(utf8(head)), `UTF-8: ${head.slice(0, 40)}`);
  }
  for (const other of [
    '<![LOG[Installation job started]LOG]!><time="01:12:53.767-60" date="11-18-2026" component="AppEnforce">\r\n',
    '2026-11-18 01:12:53, Info                  CBS    Loaded Servicing Stack\r\n',
    'MSI (x) is not a prefix\r\n',
    '',
  ])
    assert.equal(looksLikeMsiLog(utf16(other)), false, other);
});

const context = {
  symptom: { input: '1618', exitCodes: [1618], messageNumbers: [], sources: [], unknown: false, notes: [] },
  msiPath: null,
  logPaths: [],
  user: { sid: 'S-1-5-21-1-2-3-1001', profile: 'C:\\Users\\a', temp: 'C:\\Users\\a\\AppData\\Local\\Temp' },
  now: new Date('2026-11-18T01:30:00Z'),
} satisfies ProbeContext;

function inProgress(elevated: boolean): CommandOutput {
  const stdout = JSON.stringify({
    elevated,
    mutex: 'denied',
    serviceFound: true,
    canShutdown: false,
    servicePid: null,
    inProgressKey: false,
    processes: [],
    background: [],
    events: [],
    eventsError: null,
  });
  return {
    spec: { file: 'x', args: [], encoding: 'utf8' },
    exitCode: 0,
    stdout,
    stderr: '',
    durationMs: 1,
    timedOut: false,
    error: null,
    elevated: true,
  };
}

test('issue 15 #9: a "denied" mutex in a batch that went through the prompt but has no admin token is not a definitive 1618', () => {
  // EnableLUA=0 and a standard user: the batch "elevates" without elevation; only the script's IsInRole tells.
  const notReally = parseInstallInProgress([inProgress(false)], context, true);
  const data = notReally.data!;
  assert.equal(data.mutexDefinitive, false);
  assert.notEqual(notReally.summary.key, 'probe.install-in-progress.busy');
  assert.deepEqual(
    notReally,
    parseInstallInProgress([inProgress(false)], context, false),
    "the runner's word changes nothing",
  );
  const really = parseInstallInProgress([inProgress(true)], context, true).data!;
  assert.deepEqual([really.mutex, really.mutexDefinitive], ['busy', true]);
});

test("issue 15 #11: every emitted script reports the base exception's HRESULT, never the wrapper's", () => {
  const scripts = [
    ...ALL_PROBES.flatMap((p) => p.commands({ ...context, msiPath: 'C:\\a.msi', logPaths: ['C:\\a.log'] })),
    logReadCommand('C:\\a.log'),
  ]
    .map((spec) => scriptOfSpec(spec))
    .filter((s): s is string => s !== null);
  assert.ok(scripts.length >= 9);
  const hresults = scripts.flatMap((s) => [...s.matchAll(/\$_\.Exception[.\w()]*\.HResult/g)].map((m) => m[0]));
  assert.ok(hresults.length >= 4, hresults.join(', '));
  for (const h of hresults) assert.equal(h, '$_.Exception.GetBaseException().HResult');
  assert.equal(
    readFileSync(new URL('./temp-folders.ts', import.meta.url), 'utf8').includes('.Exception.HResult'),
    false,
  );
});
