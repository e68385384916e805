// Each probe's parse() on realistic PowerShell JSON fixtures (incl. a Chinese machine) and on recorded console outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evidenceDataSchemas, type EvidenceDataMap } from '../../../shared/contract/evidence-data.ts';
import type { ProbeId } from '../../../shared/contract/ids.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import { ALL_PROBES, probeById } from './index.ts';
import { clientKind, packageOf } from './install-in-progress.ts';
import { installerEventsCommand } from './installer-events.ts';
import { eventXPath, INSTALLER_EVENTS, matchesEventId, xpathExpressionCount } from './event-queries.ts';
import { isBatchable } from './script-batch.ts';
import { scriptOfSpec } from '../run/powershell.ts';
import { compareMsiVersions } from './installed-products.ts';
import { classifyFileRenames } from './pending-reboot.ts';
import type { ProbeContext, ProbeVerdict } from './probe.ts';
import { CORPUS_SKIP, corpusFile } from './test-support/corpus.ts';
import { PROBE_TEXTS } from '../../../shared/knowledge/texts/probes.ts';
import { WORD_TEXTS } from '../../../shared/knowledge/texts/words.ts';
import { hasText } from '../../../shared/knowledge/texts.ts';
import { PROBE_IDS } from '../../../shared/contract/ids.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function out(stdout: string, exitCode: number | null = 0, stderr = ''): CommandOutput {
  return {
    spec: { file: 'x', args: [], encoding: 'utf8' },
    exitCode,
    stdout,
    stderr,
    durationMs: 1,
    timedOut: false,
    error: null,
    elevated: false,
  };
}

const context: ProbeContext = {
  symptom: { input: '', exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: [] },
  msiPath: null,
  logPaths: [],
  user: {
    sid: 'S-1-5-21-2937402911-1840323577-3106470219-1001',
    profile: 'C:\\Users\\张伟',
    temp: 'C:\\Users\\张伟\\AppData\\Local\\Temp',
  },
  now: new Date('2026-03-12T02:11:57Z'),
};

/** Parses and checks the data against the probe's published zod schema (what diagnosis relies on). */
function run<P extends ProbeId>(
  id: P,
  outputs: CommandOutput[],
  elevated = false,
  ctx = context,
): { v: ProbeVerdict; data: EvidenceDataMap[P] } {
  const v = probeById(id).parse(outputs, ctx, elevated);
  const parsed = evidenceDataSchemas[id].safeParse(v.data);
  if (v.status !== 'error') assert.ok(parsed.success, `${id} data does not match its schema: ${parsed.error?.message}`);
  assert.ok(hasText(v.summary.key), `missing text for ${v.summary.key}`);
  return { v, data: parsed.data! };
}

test('ALL_PROBES: exactly the nine probes, each with elevation need, timeout and texts', () => {
  assert.deepEqual([...ALL_PROBES.map((p) => p.id)].sort(), [...PROBE_IDS].sort());
  for (const p of ALL_PROBES) {
    assert.ok(p.timeoutMs > 0 && p.timeoutMs <= 30_000, p.id);
    assert.ok(['never', 'better', 'required'].includes(p.elevation), p.id);
    assert.ok(`probe.${p.id}.name` in WORD_TEXTS, p.id);
    for (const spec of p.commands({ ...context, msiPath: 'C:\\a.msi' }))
      assert.ok(spec.timeoutMs !== undefined, `${p.id}: ${spec.label}`);
  }
});

test('every probe text exists in English and Chinese', () => {
  for (const [key, text] of Object.entries(PROBE_TEXTS)) {
    assert.ok(text.en.trim() && text['zh-CN'].trim(), key);
    // Same placeholders in both languages.
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    assert.deepEqual(names(text['zh-CN']), names(text.en), key);
  }
});

test(
  'installer-service: stopped + manual + exit 1077 is healthy (PS JSON + recorded sc queryex)',
  { skip: CORPUS_SKIP },
  () => {
    const sc = corpusFile('sc_query_msiserver.en.stopped_exitcode1077.txt')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    const { v, data } = run('installer-service', [out(fixture('installer-service.en-idle.json')), out(sc)]);
    assert.equal(v.status, 'ok');
    assert.equal(v.summary.key, 'probe.installer-service.idle');
    assert.equal(data.state, 'stopped');
    assert.equal(data.startType, 'manual');
    assert.equal(data.exitCode, 1077);
    assert.equal(data.imagePathOk, true);
    assert.equal(data.busy, false);
  },
);

test('installer-service: busy (CanShutdown) is a warning, not a fault; hijacked ImagePath and missing service are problems', () => {
  const busy = run('installer-service', [out(fixture('installer-service.busy.json'))]);
  assert.equal(busy.v.status, 'warning');
  assert.equal(busy.data.pid, 11324);
  const hijack = run('installer-service', [out(fixture('installer-service.hijacked-image-path.json'))]);
  assert.equal(hijack.v.summary.key, 'probe.installer-service.bad-image-path');
  const missing = run('installer-service', [
    out(fixture('installer-service.missing.json')),
    out('[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\r\n', 1060),
  ]);
  assert.equal(missing.v.status, 'problem');
  assert.equal(missing.data.registrationMissing, true);
});

test(
  'installer-service: PowerShell broken -> sc.exe alone (es-ES translated output) still answers',
  { skip: CORPUS_SKIP },
  () => {
    const es = corpusFile('sc_query.es-ES.localized_labels.txt')
      .split('---- stopped')[0]!
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    const { v, data } = run('installer-service', [out('', 1, 'powershell.exe : blocked by policy'), out(es)]);
    assert.equal(data.state, 'running');
    assert.equal(data.busy, true);
    assert.equal(v.status, 'warning');
    const none = run('installer-service', [out('', 1), { ...out(''), timedOut: true }]);
    assert.equal(none.v.status, 'error');
  },
);

test('install-in-progress (zh-CN, unelevated): own client visible with its Chinese package path; SYSTEM processes hidden', () => {
  const { v, data } = run('install-in-progress', [out(fixture('install-in-progress.zh-CN-unelevated.json'))]);
  assert.equal(v.status, 'problem');
  assert.equal(v.summary.key, 'probe.install-in-progress.client-running');
  assert.equal(data.clients.length, 1);
  assert.equal(data.clients[0]!.packagePath, 'C:\\Users\\张伟\\桌面\\安装包\\用友U8客户端.msi');
  assert.equal(data.clients[0]!.ageMinutes, 30);
  assert.equal(data.hiddenProcesses, 1, 'the -Embedding server is hidden; the /V service is known by its PID');
  assert.equal(data.mutex, 'busy');
  assert.equal(data.mutexDefinitive, false);
  assert.deepEqual(
    data.unmatchedBegin.map((u) => u.clientPid),
    [10324],
  );
});

test('install-in-progress (elevated, recorded Sysmon process tree): service, 2 CA servers, 1 client', () => {
  const { data } = run('install-in-progress', [out(fixture('install-in-progress.elevated-tree.json'))], true, {
    ...context,
    now: new Date('2024-02-14T04:41:58Z'),
  });
  assert.equal(data.customActionServers.length, 2);
  assert.equal(data.clients.length, 1);
  assert.equal(data.clients[0]!.kind, 'install');
  assert.match(data.clients[0]!.packagePath ?? '', /main1\.msi$/);
  assert.equal(data.clients[0]!.ageMinutes, 60);
  assert.equal(data.mutexDefinitive, true);
  assert.equal(data.inProgressKey, true);
});

test('msiexec command lines: kind and package from switches', () => {
  assert.equal(clientKind('msiexec.exe /x {11111111-2222-3333-4444-555555555555} /qn'), 'uninstall');
  assert.equal(
    packageOf('msiexec.exe /x {11111111-2222-3333-4444-555555555555} /qn'),
    '{11111111-2222-3333-4444-555555555555}',
  );
  assert.equal(clientKind('msiexec /fvomus "C:\\a b\\x.msi"'), 'repair');
  assert.equal(clientKind('msiexec.exe /p C:\\p.msp REINSTALLMODE=omus'), 'patch');
  assert.equal(clientKind('"C:\\Windows\\system32\\msiexec.exe" /package "C:\\x y\\z.msi"'), 'install');
  assert.equal(
    packageOf('"C:\\Windows\\system32\\msiexec.exe" /package "C:\\x y\\z.msi" /l*v log.txt'),
    'C:\\x y\\z.msi',
  );
});

test('pending-reboot: servicing keys + renames as the string array .GetValue() returns', () => {
  const { v, data } = run('pending-reboot', [
    out(fixture('pending-reboot.servicing.json')),
    out(fixture('pending-reboot.servicing.configmgr.json')),
  ]);
  assert.equal(v.status, 'problem');
  assert.equal(data.pending, true);
  assert.deepEqual(data.fileRenames, [
    {
      source: '\\??\\C:\\temp\\file1.txt',
      target: '\\??\\C:\\backup\\file1.txt',
      action: 'rename',
      msi: false,
      list: 1,
    },
  ]);
  assert.deepEqual(
    data.indicators.filter((i) => i.present).map((i) => i.id),
    ['cbs-reboot-pending', 'wu-reboot-required', 'pending-file-rename'],
  );
});

test('pending-reboot: computer rename counts; PFRO absent is "no renames"; ConfigMgr unknown stays null', () => {
  const { v, data } = run('pending-reboot', [
    out(fixture('pending-reboot.clean-renamed.json')),
    out(fixture('pending-reboot.clean-renamed.configmgr.json')),
  ]);
  assert.equal(v.status, 'problem');
  assert.equal(data.indicators.find((i) => i.id === 'computer-rename')?.present, true);
  assert.equal(data.indicators.find((i) => i.id === 'configmgr')?.present, null);
  assert.equal(data.fileRenames.length, 0);
});

test('pending-reboot (issue 15 #8): ConfigMgr runs in its own process; when it times out the other indicators stand', () => {
  const [main, configMgr] = probeById('pending-reboot').commands(context);
  assert.ok(main && isBatchable(main), 'the registry checks share the batch');
  assert.ok(configMgr && !isBatchable(configMgr), 'the ConfigMgr query never shares a process');
  assert.match(scriptOfSpec(configMgr)!, /Invoke-MdCimMethod/);
  assert.ok((configMgr.timeoutMs ?? 0) <= 30_000, 'its own short limit');
  const { v, data } = run('pending-reboot', [
    out(fixture('pending-reboot.servicing.json')),
    { ...out(''), exitCode: null, timedOut: true, error: 'timed out after 25000 ms' },
  ]);
  assert.equal(v.status, 'problem');
  const ccm = data.indicators.find((i) => i.id === 'configmgr')!;
  assert.equal(ccm.present, null);
  assert.match(ccm.detail ?? '', /timed out/);
  assert.equal(data.indicators.find((i) => i.id === 'cbs-reboot-pending')?.present, true);
});

test('pending-reboot (issue 15 #7): REG_MULTI_SZ items with "\\0" inside a path keep their pairs (a Config.Msi rename is kept)', () => {
  const renames = ['\\??\\C:\\Windows\\Temp\\0a1b.tmp', '', '\\??\\C:\\Config.Msi\\3ec7bbbf.rbf', ''];
  const o = {
    ...JSON.parse(fixture('pending-reboot.clean-renamed.json')),
    activeComputerName: 'A',
    pendingComputerName: 'A',
    fileRenames: renames,
  };
  const { v, data } = run('pending-reboot', [
    out(JSON.stringify(o)),
    out(fixture('pending-reboot.clean-renamed.configmgr.json')),
  ]);
  assert.deepEqual(
    data.fileRenames.map((r) => [r.source, r.action, r.msi]),
    [
      ['\\??\\C:\\Windows\\Temp\\0a1b.tmp', 'delete', false],
      ['\\??\\C:\\Config.Msi\\3ec7bbbf.rbf', 'delete', true],
    ],
  );
  assert.equal(data.msiFileRenames, 1);
  assert.equal(v.status, 'problem', 'the MSI rollback rename makes a restart pending');
});

test('pending-reboot (issue 15 #12): PostRebootReporting alone is a warning, never "restart"', () => {
  const o = {
    ...JSON.parse(fixture('pending-reboot.clean-renamed.json')),
    activeComputerName: 'A',
    pendingComputerName: 'A',
    wuPostRebootReporting: true,
  };
  const { v, data } = run('pending-reboot', [
    out(JSON.stringify(o)),
    out(fixture('pending-reboot.clean-renamed.configmgr.json')),
  ]);
  assert.equal(data.pending, false);
  assert.equal(v.status, 'warning');
  assert.equal(v.summary.key, 'probe.pending-reboot.post-reboot-reporting');
  assert.equal(data.indicators.find((i) => i.id === 'wu-post-reboot-reporting')?.present, true);
});

test('PendingFileRenameOperations pairs: delete, replace (!), MSI rollback entries', () => {
  const r = classifyFileRenames(['\\??\\C:\\Config.Msi\\3ec7bbbf.rbf', '', '\\??\\C:\\a.new', '!\\??\\C:\\a.dll'], 1);
  assert.deepEqual(
    r.map((x) => [x.action, x.msi, x.target]),
    [
      ['delete', true, null],
      ['replace', false, '\\??\\C:\\a.dll'],
    ],
  );
});

test('temp-folders (zh-CN, unelevated): Chinese user TEMP is fine but flagged non-ASCII; ACL unchecked; low space only on relevant drives', () => {
  const { v, data } = run('temp-folders', [out(fixture('temp-folders.zh-CN-unelevated.json'))]);
  assert.equal(v.status, 'warning');
  assert.equal(v.summary.key, 'probe.temp-folders.user-temp-non-ascii');
  assert.equal(data.userTemp.nonAscii, true);
  assert.equal(data.userTemp.writable, true);
  assert.equal(data.windowsTemp.aclChecked, false);
  assert.deepEqual(data.lowSpaceDrives, [], 'D: is low but holds neither Windows nor TEMP');
  assert.equal(data.testedAsUser, true);
});

test('temp-folders (elevated): Everyone full control on C:\\Windows\\Temp is a security finding, defaults intact', () => {
  const ctx = { ...context, user: { sid: 'S-1-5-21-1004336348-1177238915-682003330-1107', profile: null, temp: null } };
  const { v, data } = run('temp-folders', [out(fixture('temp-folders.elevated-everyone-full.json'))], true, ctx);
  assert.equal(v.status, 'security');
  assert.deepEqual(
    data.windowsTemp.overPermissive.map((a) => [a.sid, a.rights, a.flags]),
    [['S-1-1-0', 'FA', 'OICI']],
  );
  assert.deepEqual(data.windowsTemp.missingDefaults, []);
  assert.equal(data.installerFolder.ownerOk, true);
  assert.equal(data.installerFolder.systemFullControl, true);
});

test('temp-folders: TEMP on a removed drive is a problem', () => {
  const { v, data } = run('temp-folders', [out(fixture('temp-folders.temp-on-removed-drive.json'))]);
  assert.equal(v.summary.key, 'probe.temp-folders.user-temp-missing');
  assert.equal(data.userTemp.exists, false);
});

test(
  'elevation: recorded zh-CN whoami (medium, deny-only admin) + PS JSON with a Chinese user name',
  { skip: CORPUS_SKIP },
  () => {
    const text = corpusFile('whoami_groups.zh-CN.medium_and_high.txt');
    const medium = text.split('---- 管理员权限')[0]!;
    const { v, data } = run('elevation', [out(medium), out(fixture('elevation.zh-CN-admin-medium.json'))]);
    assert.equal(v.summary.key, 'probe.elevation.admin-not-elevated');
    assert.equal(data.elevated, false);
    assert.equal(data.isAdmin, true);
    assert.equal(data.filteredToken, true);
    assert.equal(data.integrityLevel, 'medium');
    assert.equal(data.userName, '张伟');
    const high = run('elevation', [
      out(text.split('---- 管理员权限')[1]!),
      out(fixture('elevation.zh-CN-admin-medium.json')),
    ]);
    assert.equal(high.data.elevated, true);
    assert.equal(high.data.integrityLevel, 'high');
  },
);

test('elevation: built-in Administrator with UAC off is a security finding', { skip: CORPUS_SKIP }, () => {
  const { v, data } = run('elevation', [
    out(corpusFile('whoami_groups.en.high.txt')),
    out(fixture('elevation.builtin-admin-uac-off.json')),
  ]);
  assert.equal(v.status, 'security');
  assert.equal(data.builtinAdministrator, true);
  assert.equal(data.uacEnabled, false);
});

test('policies: AlwaysInstallElevated in both hives is security; one hive alone plus AppLocker is a warning', () => {
  const aie = run('policies', [out(fixture('policies.aie-and-logging.json'))]);
  assert.equal(aie.v.status, 'security');
  assert.equal(aie.data.logging, 'voicewarmupx!');
  const applocker = run('policies', [out(fixture('policies.applocker-enforced.json'))]);
  assert.equal(applocker.v.status, 'warning');
  assert.equal(applocker.data.alwaysInstallElevatedActive, false);
  assert.equal(applocker.data.applockerMsiEnforcement, 'enabled');
});

/** The installer-events script's output: each event's XML in one UTF-8 JSON object. */
const eventsOut = (xml: string[], error: string | null = null): CommandOutput =>
  out(JSON.stringify({ events: xml, error }));

test('installer-events: recorded event XML (en) by ids and EventData only', { skip: CORPUS_SKIP }, () => {
  const xml = corpusFile('wevtutil_MsiInstaller_events.en.xml').match(/<Event[\s>][\s\S]*?<\/Event>/g)!;
  const { v, data } = run('installer-events', [eventsOut(xml)]);
  assert.equal(v.status, 'warning');
  const byId = (id: number) => data.events.find((e) => e.id === id)!;
  assert.equal(byId(1040).packagePath, 'C:\\Users\\user\\Desktop\\Totally_Legit_Software.msi');
  assert.equal(byId(1040).pid, 9004);
  assert.equal(byId(1033).status, 1603);
  assert.equal(byId(1033).productCode, '{0D5F1588-D337-456B-9C35-9EDFADDF5627}');
  assert.equal(byId(1033).outcome, 'failure');
  assert.equal(byId(11708).product, 'Lithnet Password Protection for Active Directory');
  assert.equal(byId(10005).messageNumber, 2762);
  assert.equal(byId(1024).kind, 'other', '1024 (update failed) is not in the query; kept as other');
  assert.deepEqual(data.failureCodes, [2762, 1603]);
  assert.equal(data.latestFailure?.id, 10005);
});

test('installer-events: no events is ok; an unreadable event log is an error evidence', () => {
  assert.equal(run('installer-events', [eventsOut([])]).v.summary.key, 'probe.installer-events.none');
  assert.equal(run('installer-events', [eventsOut([], '0x80070005')]).v.status, 'error');
  assert.equal(run('installer-events', [out('', 1, 'Get-WinEvent failed')]).v.status, 'error');
});

test("installer-events (issue 15 #13): the query uses ID ranges, far under the event log's expression limit", () => {
  const xpath = eventXPath(INSTALLER_EVENTS);
  assert.match(xpath, /\(EventID>=11000 and EventID<=11999\)/);
  assert.match(xpath, /timediff\(@SystemTime\) <= 604800000/);
  assert.ok(xpathExpressionCount(INSTALLER_EVENTS) <= 12, `${xpathExpressionCount(INSTALLER_EVENTS)} expressions`);
  // Every id the old query named is still asked for, and the custom action error events (11722) too.
  for (const id of [
    1005, 1007, 1008, 1015, 1025, 1029, 1031, 1033, 1034, 1035, 1036, 1037, 1038, 1040, 1042, 10005, 11707, 11708,
    11722, 11724, 11725, 11728, 11729,
  ])
    assert.ok(matchesEventId(INSTALLER_EVENTS, id), String(id));
  assert.ok(
    !matchesEventId(INSTALLER_EVENTS, 1001) && !matchesEventId(INSTALLER_EVENTS, 1004),
    'the noisy detection events stay out',
  );
  const script = scriptOfSpec(installerEventsCommand())!;
  assert.match(script, /Get-MdEvent/);
  assert.doesNotMatch(script, /wevtutil/i);
});

test('installer-events: a "Product: X -- Error 1722" event (11722, level Error) is a failure with its message number', () => {
  const xml =
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='MsiInstaller'/><EventID Qualifiers='0'>11722</EventID><Level>2</Level><TimeCreated SystemTime='2026-03-12T01:00:00.0000000Z'/><EventRecordID>7</EventRecordID><Security UserID='S-1-5-18'/></System><EventData><Data>Product: 测试产品 Ünïcödé -- Error 1722. There is a problem with this Windows Installer package.</Data></EventData></Event>";
  const { v, data } = run('installer-events', [eventsOut([xml])]);
  assert.equal(v.status, 'warning');
  assert.equal(data.events[0]!.outcome, 'failure');
  assert.equal(data.events[0]!.messageNumber, 1722);
  assert.equal(data.events[0]!.product, '测试产品 Ünïcödé');
});

test('recent-logs (zh-CN paths): newest first, kept verbatim', () => {
  const { v, data } = run('recent-logs', [out(fixture('recent-logs.zh-CN.json'))]);
  assert.equal(v.status, 'ok');
  assert.deepEqual(
    data.logs.map((l) => l.path),
    [
      'C:\\Users\\张伟\\AppData\\Local\\Temp\\用友U8安装日志.log',
      'C:\\Users\\张伟\\AppData\\Local\\Temp\\MSI1a2b3.LOG',
    ],
  );
  assert.equal(data.searched.find((s) => s.folder === 'windows-temp')?.readable, false);
});

test('installed-products: newer version installed (zh-CN product), same product per-user, unreadable package', () => {
  const newer = run('installed-products', [out(fixture('installed-products.zh-CN-newer.json'))]);
  assert.equal(newer.v.status, 'problem');
  assert.equal(newer.data.installed[0]!.relation, 'newer-version');
  assert.equal(newer.data.newerInstalled, true);
  // Only the first three fields count: 2.1.0.9 and 2.1.0.17 are the same version to Windows Installer.
  const same = run('installed-products', [out(fixture('installed-products.same-per-user.json'))]);
  assert.equal(same.data.installed[0]!.relation, 'same-version');
  assert.equal(same.data.installed[0]!.scope, 'user');
  assert.equal(same.data.package?.productName, "Tool's Helper");
  assert.equal(same.v.summary.params.scope, '@probe.scope.user');
  const bad = run('installed-products', [out(fixture('installed-products.not-an-msi.json'))]);
  assert.equal(bad.v.summary.key, 'probe.installed-products.package-unreadable');
  assert.equal(compareMsiVersions('10.0.1', '9.9.9'), 1);
});

test('every probe turns garbage, empty output and timeouts into an error evidence (never throws)', () => {
  for (const probe of ALL_PROBES) {
    for (const bad of [
      out('garbage {not json'),
      out('', null),
      { ...out(''), timedOut: true, exitCode: null },
      out('{"unexpected":true}'),
    ]) {
      const v = probe.parse([bad, bad], context, false);
      assert.ok(['error', 'ok', 'problem', 'warning'].includes(v.status), probe.id);
      if (probe.id !== 'installer-events') assert.equal(v.status, 'error', `${probe.id}: ${bad.stdout}`);
    }
  }
});
