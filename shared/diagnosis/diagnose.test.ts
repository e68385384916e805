// The examples, end to end through diagnose(): top cause, repairs in order, reasons, myths, calibration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from './diagnose.ts';
import { parseSymptom } from './symptom.ts';
import { evidenceOf, machine, unansweredEvidence } from './testing/evidence-builders.ts';
import { asEvidence, evidenceSchema } from '../contract/evidence.ts';
import { findingSchema, type Finding } from '../contract/finding.ts';
import type { LogAnalysis } from '../contract/log-analysis.ts';
import { translate } from '../knowledge/texts.ts';

function check(findings: Finding[]): Finding[] {
  assert.ok(findings.length > 0, 'at least one finding');
  for (const f of findings) assert.ok(findingSchema.safeParse(f).success, `finding ${f.cause} matches the contract`);
  return findings;
}

const reasonsText = (f: Finding, lang: 'en' | 'zh-CN' = 'en') => f.reasons.map((r) => translate(r, lang)).join('\n');

function failedLog(overrides: Partial<LogAnalysis> = {}): LogAnalysis {
  return {
    schema: 'msi-doctor/log-analysis@1',
    file: 'C:\\Users\\ana\\AppData\\Local\\Temp\\install.log',
    format: 'msi-verbose',
    encoding: 'utf-16le',
    operation: 'install',
    product: { name: 'Contoso Agent', version: '7.1.0', productCode: '{11111111-2222-3333-4444-555555555555}' },
    outcome: 'failure',
    exitCode: 1603,
    failedAction: { name: 'InstallServiceCA', sequenceAction: 'InstallFinalize', line: 4120, customAction: true },
    errors: [
      {
        code: 1722,
        line: 4100,
        text: 'Error 1722. There is a problem with this Windows Installer package. A program run as part of the setup did not finish as expected. Action InstallServiceCA, location: C:\\Program Files\\Contoso\\svc.exe, command: --install',
      },
    ],
    primaryError: 1722,
    causes: [{ id: 'custom-action-failed', confidence: 0.85, lines: [4100, 4120] }],
    evidence: [{ line: 4100, text: 'Error 1722. There is a problem with this Windows Installer package.' }],
    installerVersion: '5.0.22621.1',
    processes: [],
    sessions: 1,
    lineCount: 5000,
    byteCount: 400000,
    burn: null,
    ...overrides,
  };
}

test('2503 + C:\\Windows\\Temp denies Users create -> installer-folders-access, repair ACL restore (never Everyone Full Control)', () => {
  const findings = check(
    diagnose({
      symptom: parseSymptom('2503'),
      evidence: machine({
        'temp-folders': { windowsTemp: { usersCanCreate: false, missingDefaults: ['S-1-5-32-545'] } },
      }),
      logs: [],
    }),
  );
  const top = findings[0]!;
  assert.equal(top.cause, 'installer-folders-access');
  assert.equal(top.repairs[0], 'restore-windows-temp-acl');
  assert.ok(top.confidence >= 0.7, `confidence ${top.confidence}`);
  assert.ok(top.myths.includes('everyone-full-control-temp'));
  assert.ok(top.supporting.some((r) => r.kind === 'probe' && r.fact === 'windows-temp-users-cannot-create'));
  assert.ok(top.supporting.some((r) => r.kind === 'symptom' && r.code === 2503));
  assert.match(reasonsText(top), /Users create/);
});

test('2503 + not elevated + per-machine package (folders fine) -> retry elevated with logging', () => {
  const findings = check(
    diagnose({
      symptom: parseSymptom('Error 2503'),
      evidence: machine({
        'installed-products': {
          msiPath: 'C:\\Downloads\\tool.msi',
          package: {
            readable: true,
            error: null,
            productCode: null,
            upgradeCode: null,
            productVersion: '1.0',
            productName: 'Tool',
            manufacturer: 'X',
            allUsers: '1',
          },
        },
      }),
      logs: [],
      msiPath: 'C:\\Downloads\\tool.msi',
    }),
  );
  const top = findings[0]!;
  assert.equal(top.cause, 'not-elevated');
  assert.deepEqual(top.repairs, ['retry-install-elevated-logged']);
  const folders = findings.find((f) => f.cause === 'installer-folders-access');
  // Healthy folders contradict the folder cause: it is either dropped as faint or shown contradicted.
  assert.ok(!folders || (folders.confidence < 0.3 && folders.contradicting.length > 0), JSON.stringify(folders));
  assert.ok(top.myths.includes('msiexec-a-as-admin'));
});

test('1618 + client msiexec /i X.msi for 3 hours -> names X.msi and its age; wait then end that client; never the /V service', () => {
  const findings = check(
    diagnose({
      symptom: parseSymptom('1618'),
      evidence: machine({
        'install-in-progress': {
          mutex: 'busy',
          mutexDefinitive: true,
          serviceBusy: true,
          servicePid: 1200,
          clients: [
            {
              pid: 4242,
              parentPid: 900,
              sessionId: 1,
              packagePath: 'C:\\Users\\ana\\Downloads\\X.msi',
              commandLine: 'msiexec.exe /i "C:\\Users\\ana\\Downloads\\X.msi"',
              startedAt: '2026-11-21T10:00:00Z',
              ageMinutes: 180,
              kind: 'install',
            },
          ],
        },
      }),
      logs: [],
    }),
  );
  const top = findings[0]!;
  assert.equal(top.cause, 'another-install-in-progress');
  // Hanging for 3 hours: end that install first (or restart); waiting stays as the alternative.
  assert.deepEqual(top.repairs, ['end-stuck-client-install', 'restart-computer', 'wait-for-installer']);
  assert.deepEqual(top.repairParams?.['end-stuck-client-install'], { pid: 4242 });
  for (const f of findings) {
    assert.ok(
      !f.repairs.includes('enable-msiserver') && !f.repairs.includes('repair-msiserver-registration'),
      'nothing touches the service',
    );
  }
  const en = reasonsText(top);
  assert.match(en, /X\.msi/);
  assert.match(en, /3 hours/);
  assert.match(en, /4242/);
  assert.doesNotMatch(en, /1200/, 'the service PID is never named as the culprit');
  assert.match(reasonsText(top, 'zh-CN'), /X\.msi.*3 小时/);
  assert.ok(top.myths.includes('kill-msiexec'));
  assert.ok(top.myths.includes('delete-installer-cache'));
  assert.ok(top.confidence > 0.9, `agreeing signals -> high confidence (${top.confidence})`);
});

test('1618 + Windows Update installing -> wait only, nothing ended', () => {
  const findings = check(
    diagnose({
      symptom: parseSymptom('Another installation is already in progress'),
      evidence: machine({
        'install-in-progress': {
          mutex: 'busy',
          mutexDefinitive: true,
          serviceBusy: true,
          servicePid: 1200,
          backgroundInstallers: [
            { name: 'wuauserv', kind: 'service', present: true, active: true },
            { name: 'TrustedInstaller', kind: 'service', present: true, active: true },
            { name: 'TiWorker', kind: 'process', present: true, active: true },
          ],
        },
      }),
      logs: [],
    }),
  );
  assert.equal(findings[0]!.cause, 'windows-update-busy');
  assert.deepEqual(findings[0]!.repairs, ['wait-for-installer']);
  for (const f of findings)
    assert.ok(!f.repairs.includes('end-stuck-client-install'), `${f.cause} must not end anything`);
});

test('1618 but the lock is definitively free -> the 1618 cause is contradicted and stays low', () => {
  const findings = check(diagnose({ symptom: parseSymptom('1618'), evidence: machine(), logs: [] }));
  const busy = findings.find((f) => f.cause === 'another-install-in-progress');
  assert.ok(busy && busy.confidence < 0.3 && busy.contradicting.length > 0, JSON.stringify(busy));
});

test('1603 + verbose log with a failed custom action -> the custom action, its message, product-specific advice', () => {
  const findings = check(diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [failedLog()] }));
  const top = findings[0]!;
  assert.equal(top.cause, 'custom-action-failed');
  const en = reasonsText(top);
  assert.match(en, /InstallServiceCA/);
  assert.match(en, /did not finish as expected/);
  assert.ok(top.supporting.some((r) => r.kind === 'log' && r.line === 4100));
  assert.ok(
    top.manualSteps.some((s) => s.key === 'error.1722.check.0' || s.key.startsWith('cause.custom-action-failed.next')),
  );
});

test('1603 + log whose cause is a service failing to start -> service advice', () => {
  const log = failedLog({
    errors: [{ code: 1920, line: 3000, text: "Error 1920. Service 'Contoso' (contoso) failed to start." }],
    primaryError: 1920,
    failedAction: { name: 'StartServices', sequenceAction: 'InstallFinalize', line: 3010, customAction: false },
    causes: [{ id: 'service-start-failed', confidence: 0.8, lines: [3000] }],
  });
  const top = check(diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [log] }))[0]!;
  assert.equal(top.cause, 'service-start-failed');
  assert.ok(top.manualSteps.some((s) => s.key === 'error.1920.check.0'));
});

test('1603 + pending reboot indicators -> reboot first', () => {
  const findings = check(
    diagnose({
      symptom: parseSymptom('0x80070643'),
      evidence: machine({
        'pending-reboot': {
          pending: true,
          indicators: [
            { id: 'cbs-reboot-pending', present: true, detail: null },
            { id: 'pending-file-rename', present: true, detail: null },
          ],
          fileRenames: [
            { source: '\\??\\C:\\Config.Msi\\3f2a.rbf', target: null, action: 'delete', msi: true, list: 1 },
          ],
          msiFileRenames: 1,
        },
      }),
      logs: [],
    }),
  );
  assert.equal(findings[0]!.cause, 'pending-reboot');
  assert.equal(findings[0]!.repairs[0], 'restart-computer');
  assert.ok(findings[0]!.myths.includes('delete-pending-file-rename'));
});

test('healthy machine + no log: say so, and offer the elevated logged retry when the user had an error', () => {
  const msiPath = 'C:\\Users\\alex\\Downloads\\app.msi';
  const withError = check(diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [], msiPath }));
  assert.equal(withError[0]!.cause, 'no-problem-found');
  assert.deepEqual(withError[0]!.repairs, ['retry-install-elevated-logged']);
  assert.deepEqual(withError[0]!.repairParams?.['retry-install-elevated-logged'], { msiPath }, 'the plan installs it');
  assert.equal(withError[0]!.kind, 'info');
  const withoutMsi = check(diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [] }));
  assert.deepEqual(withoutMsi[0]!.repairs, [], 'no retry offered without the .msi it would install');
  const justChecking = check(diagnose({ symptom: parseSymptom(''), evidence: machine(), logs: [] }));
  assert.equal(justChecking[0]!.cause, 'no-problem-found');
  assert.equal(justChecking[0]!.kind, 'info', 'the all-clear says it is no cause in its kind: views never compare ids');
  assert.deepEqual(justChecking[0]!.repairs, [], 'nothing to retry when nothing was tried');
});

test('AlwaysInstallElevated -> a security finding whatever the symptom', () => {
  for (const symptom of ['', '1618', '2503']) {
    const findings = check(
      diagnose({
        symptom: parseSymptom(symptom),
        evidence: machine({
          policies: { alwaysInstallElevated: { hklm: 1, hkcu: 1 }, alwaysInstallElevatedActive: true },
        }),
        logs: [],
      }),
    );
    const sec = findings.find((f) => f.cause === 'always-install-elevated');
    assert.ok(sec, `security finding for symptom "${symptom}"`);
    assert.equal(sec.kind, 'security');
    assert.deepEqual(sec.repairs, ['remove-always-install-elevated']);
  }
});

test('calibration: one weak signal stays low, agreeing independent signals raise confidence, noise codes say nothing', () => {
  const symptomOnly = check(diagnose({ symptom: parseSymptom('2503'), evidence: [], logs: [] }));
  assert.ok(
    symptomOnly.every((f) => f.confidence <= 0.5),
    JSON.stringify(symptomOnly.map((f) => [f.cause, f.confidence])),
  );
  const oneProbe = check(
    diagnose({
      symptom: parseSymptom(''),
      evidence: [evidenceOf('temp-folders', { userTemp: { exists: false, writable: null } })],
      logs: [],
    }),
  );
  const both = check(
    diagnose({
      symptom: parseSymptom('2503'),
      evidence: [
        evidenceOf('temp-folders', {
          userTemp: { exists: false, writable: null },
          userTmp: { exists: false, writable: null, value: 'D:\\gone' },
        }),
      ],
      logs: [],
    }),
  );
  const a = oneProbe.find((f) => f.cause === 'user-temp-broken')!.confidence;
  const b = both.find((f) => f.cause === 'user-temp-broken')!.confidence;
  assert.ok(b > a, `${b} > ${a}`);
  const noise = check(diagnose({ symptom: parseSymptom('2205'), evidence: [], logs: [] }));
  assert.equal(noise[0]!.cause, 'unknown');
});

test('side findings that do not explain the reported error are discounted', () => {
  const findings = check(
    diagnose({
      symptom: parseSymptom('1618'),
      evidence: machine({
        'install-in-progress': {
          mutex: 'busy',
          mutexDefinitive: true,
          serviceBusy: true,
          clients: [
            {
              pid: 7,
              parentPid: null,
              sessionId: 1,
              packagePath: 'C:\\a.msi',
              commandLine: null,
              startedAt: null,
              ageMinutes: 5,
              kind: 'install',
            },
          ],
        },
        'temp-folders': { windowsTemp: { missingDefaults: ['S-1-3-0'] } },
      }),
      logs: [],
    }),
  );
  assert.equal(findings[0]!.cause, 'another-install-in-progress');
  const side = findings.find((f) => f.cause === 'installer-folders-access');
  assert.ok(side && side.confidence < 0.4, JSON.stringify(side?.confidence));
});

test('probe errors never throw; wrong shapes are refused where evidence is read, before diagnosis', () => {
  const broken = machine();
  broken[0] = asEvidence({ ...unansweredEvidence(broken[0]!.probe, 'error'), error: 'timeout' });
  // Data of the wrong shape never reach diagnose(): the one evidence schema refuses them at the boundary.
  const wrong = machine().find((e) => e.probe === 'install-in-progress')!;
  assert.equal(evidenceSchema.safeParse({ ...wrong, data: { mutex: 42 } }).success, false);
  const findings = check(diagnose({ symptom: parseSymptom('1618'), evidence: broken, logs: [] }));
  assert.ok(findings.length > 0);
  assert.ok(check(diagnose({ symptom: parseSymptom('garbage'), evidence: [], logs: [] }))[0]!.cause === 'unknown');
});

test('analyze of a successful log (no scan): no problem found, with the log as evidence', () => {
  const ok = failedLog({
    outcome: 'success',
    exitCode: 0,
    failedAction: null,
    errors: [],
    primaryError: null,
    causes: [],
  });
  const findings = check(diagnose({ symptom: parseSymptom(''), evidence: [], logs: [ok] }));
  assert.equal(findings[0]!.cause, 'no-problem-found');
  assert.deepEqual(findings[0]!.repairs, []);
  assert.equal(findings[0]!.kind, 'info');
  assert.match(reasonsText(findings[0]!), /install\.log shows a successful installation/);
  assert.ok(findings[0]!.supporting.some((r) => r.kind === 'log'));
});

test('what could not be checked is said on the findings it concerns, without adding confidence', () => {
  const evidence = machine().map((e) =>
    e.probe === 'temp-folders' ? unansweredEvidence('temp-folders', 'not-checked', true) : e,
  );
  const findings = check(diagnose({ symptom: parseSymptom('2503'), evidence, logs: [] }));
  const folders = findings.find((f) => f.cause === 'installer-folders-access')!;
  assert.match(reasonsText(folders), /Could not be checked: Temporary folders/);
  const symptomOnly = check(diagnose({ symptom: parseSymptom('2503'), evidence: [], logs: [] })).find(
    (f) => f.cause === 'installer-folders-access',
  )!;
  assert.equal(folders.confidence, symptomOnly.confidence);
});

test('1603 from a custom action: the answer names it and says in plain words what went wrong, with the next step', () => {
  const log = failedLog({
    causes: [
      {
        id: 'custom-action-failed',
        confidence: 0.9,
        lines: [4100, 4120],
        reason: { line: 4098, text: 'InstallServiceCA: CreateService ContosoSvc failed: 0x80070431' },
      },
    ],
  });
  const top = check(diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [log] }))[0]!;
  assert.equal(top.cause, 'custom-action-failed');
  assert.equal(top.headline?.key, 'failure.service-exists.headline');
  assert.match(translate(top.headline!, 'en'), /InstallServiceCA.*already exists/);
  assert.match(translate(top.headline!, 'zh-CN'), /InstallServiceCA.*同名服务/);
  assert.equal(top.manualSteps[0]?.key, 'failure.service-exists.step');
  assert.equal(top.nextStep?.key, 'failure.service-exists.step', 'removing the leftover is the fix: it comes first');
  // The next step is "install again" once the leftover is gone, not a dead end.
  const withMsi = check(
    diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [log], msiPath: 'C:\\Users\\ana\\a.msi' }),
  )[0]!;
  assert.deepEqual(withMsi.repairs, ['retry-install-elevated-logged']);
  // The culprit's own words still come first among the reasons.
  assert.equal(top.reasons[0]?.key, 'fact.log-reason');
});

test('1603 from a custom action whose line is not a known pattern: it is still named, no invented explanation', () => {
  const top = check(diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [failedLog()] }))[0]!;
  assert.equal(top.headline?.key, 'failure.custom-action.headline');
  assert.equal(top.headline?.params['action'], 'InstallServiceCA');
});

test('1603 from a custom action blocked by a file in use: restart first, then install again', () => {
  const log = failedLog({
    causes: [
      {
        id: 'custom-action-failed',
        confidence: 0.9,
        lines: [4120],
        reason: { line: 4110, text: 'CopyConfig: MoveFileEx failed, GetLastError=32' },
      },
    ],
  });
  const top = check(
    diagnose({ symptom: parseSymptom('1603'), evidence: machine(), logs: [log], msiPath: 'C:\\Users\\ana\\a.msi' }),
  )[0]!;
  assert.equal(top.headline?.key, 'failure.file-in-use.headline');
  assert.deepEqual(top.repairs, ['restart-computer', 'retry-install-elevated-logged']);
  assert.equal(top.nextStep, undefined, 'the restart is the fix itself');
});
