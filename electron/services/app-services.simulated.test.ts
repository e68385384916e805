// The facade end to end on the simulated machine, through dispatchApi like both transports: scenario -> scan ->
// findings -> plan -> run -> verified -> rescan without the evidence; history, report export, log lines of a multi-chunk log.
import { test } from 'node:test';
import { sessionStory } from '../../shared/session/session-story.ts';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { ApiEventName } from '../../shared/contract/api.ts';
import type { Result } from '../../shared/contract/result.ts';
import { loadScenario } from '../system/simulated/index.ts';
import { dispatchApi } from './api-dispatch.ts';
import { createAppServices } from './app-services.ts';
import { ReadablePaths } from './readable-paths.ts';

function value<T>(result: Result<T>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function setup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'msi-doctor-sim-'));
  const events: ApiEventName[] = [];
  const readablePaths = new ReadablePaths();
  const services = createAppServices({
    platform: 'linux',
    dataDir,
    emit: (event) => void events.push(event),
    appVersion: '0.1.0',
    readablePaths,
  });
  return { services, events, dataDir, readablePaths };
}

/** Scenario -> the repair to run: the recommended one, except where it waits on a lock that never frees. */
const WALKS: Array<[string, string | null]> = [
  ['1618-stuck-client-install', 'end-stuck-client-install'],
  ['1618-windows-update-busy', 'wait-for-installer'], // the simulated clock lets the wait finish at once
  ['2503-windows-temp-acl', null],
  ['msiserver-disabled', null],
  ['always-install-elevated', null],
];

for (const [name, chosen] of WALKS) {
  test(`${name}: scan finds the expected cause, ${chosen ?? 'the first repair'} runs, verifies, and a rescan no longer supports it`, async () => {
    const { services, events } = await setup();
    const { scenario } = loadScenario(name);
    const env = value(await dispatchApi(services, 'selectScenario', { name }));
    assert.equal(env.kind, 'simulated');
    assert.equal(env.scenario, name);
    const request = { symptom: scenario.expect.symptom, msiPath: scenario.msiPath, logPaths: scenario.logPaths };
    const session = value(await dispatchApi(services, 'startScan', request));
    const scan = session.initial;
    assert.ok(events.includes('scanProgress'));
    const top = scan.findings[0];
    assert.equal(top?.cause, scenario.expect.topCause);
    const repair = chosen ?? top.repairs[0];
    assert.ok(repair && top.repairs.includes(repair as (typeof top.repairs)[number]), `${repair} is offered`);
    // The main process plans from the diagnosis: the cause and the repair, never parameters from the renderer.
    const plan = value(
      await dispatchApi(services, 'planRepair', {
        scanId: scan.scanId,
        cause: top.cause,
        repair: repair as (typeof top.repairs)[number],
      }),
    );
    const outcome = value(
      await dispatchApi(services, 'runRepair', { planId: plan.planId, confirmations: plan.confirmations }),
    );
    assert.equal(outcome.status, 'succeeded');
    assert.equal(outcome.verified, true);
    assert.ok(events.includes('repairProgress'));
    assert.ok(value(await dispatchApi(services, 'listJournals', {})).some((j) => j.journalId === outcome.journalId));
    const checked = value(
      await dispatchApi(services, 'startScan', { ...request, sessionId: session.sessionId, purpose: 'verify' }),
    );
    // The symptom alone still hints at the cause; what the fix removes is the machine evidence behind it.
    const after = checked.latest.findings.find((f) => f.cause === scenario.expect.topCause);
    assert.ok(!after || after.confidence < top.confidence / 2, `confidence ${top.confidence} -> ${after?.confidence}`);
    // The record keeps what happened: the first diagnosis frozen, the run with its outcome, the check passed.
    const story = sessionStory(checked);
    assert.equal(checked.initial.scanId, scan.scanId);
    assert.equal(story.found?.cause, scenario.expect.topCause);
    assert.deepEqual(
      checked.repairs.map((r) => [r.repair, r.journalId, r.outcome?.status]),
      [[repair, outcome.journalId, 'succeeded']],
    );
    assert.equal(story.state, 'fixed');
    const history = value(await dispatchApi(services, 'listSessions', {}));
    assert.deepEqual(
      history.map((s) => s.sessionId),
      [session.sessionId],
    );
  });
}

test('report export (zip) of a saved session, and the redaction preview', async () => {
  const { services, dataDir } = await setup();
  value(await dispatchApi(services, 'selectScenario', { name: '2503-windows-temp-acl' }));
  const session = value(await dispatchApi(services, 'startScan', { symptom: '2503' }));
  const preview = value(await dispatchApi(services, 'previewRedaction', { sessionId: session.sessionId }));
  assert.ok(preview.items.length > 0);
  const exported = value(
    await dispatchApi(services, 'exportReport', {
      sessionId: session.sessionId,
      format: 'zip',
      redact: true,
      lang: 'zh-CN',
    }),
  );
  const file = join(dataDir, 'reports', decodeURIComponent(exported.location.replace('/reports/', '')));
  assert.equal((await stat(file)).size, exported.bytes);
});

test('getLogLines/searchLog through the facade on a log larger than one read chunk (timings: npm run bench:log-lines)', async () => {
  const { services, dataDir, readablePaths } = await setup();
  const path = join(dataDir, 'big.log');
  const lines = Array.from({ length: 40_000 }, (_, i) =>
    i === 34_567
      ? 'Action ended 12:00:00: InstallFinalize. Return value 3.'
      : `MSI (s) (1C:2C) [12:00:00:000]: line ${i} doing things`,
  );
  await writeFile(path, lines.join('\r\n') + '\r\n');
  assert.ok((await stat(path)).size > 2 * 1024 * 1024, 'spans several 1 MiB read chunks');
  // The user opened it (on the desktop through the open dialog, a drop or a double-click).
  readablePaths.grant(path);
  const first = value(await dispatchApi(services, 'getLogLines', { path, from: 0, count: 200 }));
  const window = value(await dispatchApi(services, 'getLogLines', { path, from: 34_500, count: 100 }));
  const found = value(await dispatchApi(services, 'searchLog', { path, query: 'return value 3', limit: 10 }));
  assert.equal(first.total, 40_000);
  assert.equal(first.lines[199], 'MSI (s) (1C:2C) [12:00:00:000]: line 199 doing things');
  assert.equal(window.lines[67], 'Action ended 12:00:00: InstallFinalize. Return value 3.');
  assert.deepEqual(found, { matches: [34_567], truncated: false });
});

test('the ZIP includes the log the scan found on the machine itself (not uploaded), redacted, and says it is complete', async () => {
  const { services, dataDir } = await setup();
  value(await dispatchApi(services, 'selectScenario', { name: '1603-custom-action' }));
  const session = value(await dispatchApi(services, 'startScan', { symptom: '1603' }));
  assert.ok(session.initial.logs.length > 0, 'the scan analysed the failed log it found in %TEMP%');
  const exported = value(
    await dispatchApi(services, 'exportReport', {
      sessionId: session.sessionId,
      format: 'zip',
      redact: true,
      lang: 'en',
    }),
  );
  const file = join(dataDir, 'reports', decodeURIComponent(exported.location.replace('/reports/', '')));
  const files = unzipSync(new Uint8Array(await readFile(file)));
  const logs = Object.keys(files).filter((n) => n.startsWith('logs/'));
  assert.ok(logs.length >= 1, Object.keys(files).join(', '));
  const report = JSON.parse(Buffer.from(files['report.json']!).toString('utf8')) as {
    logs: Array<{ attachedAs: string | null; copy: { droppedBytes: number } | null }>;
  };
  assert.ok(report.logs.every((l) => l.attachedAs && logs.includes(l.attachedAs) && l.copy?.droppedBytes === 0));
  assert.match(Buffer.from(files['report.html']!).toString('utf8'), /Full log in the ZIP: logs\/1-/);
});

test('1603-pending-reboot: the restart registers a one-time resume (HKCU RunOnce, absolute paths); after it the session comes back, checked again', async () => {
  const { services } = await setup();
  value(await dispatchApi(services, 'selectScenario', { name: '1603-pending-reboot' }));
  const session = value(await dispatchApi(services, 'startScan', { symptom: '1603', msiPath: null, logPaths: [] }));
  const top = session.initial.findings[0]!;
  assert.ok(top.repairs.includes('restart-computer'), top.repairs.join(','));
  // A countdown is offered: planned in 5 minutes, then cancelled through the same catalog and journal (undo).
  const later = value(
    await dispatchApi(services, 'planRepair', {
      scanId: session.initial.scanId,
      cause: top.cause,
      repair: 'restart-computer',
      options: { restartInMinutes: 5 },
    }),
  );
  const lines = later.steps.map((s) => s.commandLine);
  assert.match(
    lines[0]!,
    /^"?C:\\Windows\\System32\\reg\.exe"? add "?HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce/i,
  );
  assert.match(lines[0]!, /C:\\Program Files\\MSI Doctor\\MSI Doctor\.exe/);
  assert.match(lines[1]!, /C:\\Windows\\System32\\shutdown\.exe"? \/r \/t 300/i);
  const scheduled = value(
    await dispatchApi(services, 'runRepair', { planId: later.planId, confirmations: later.confirmations }),
  );
  assert.equal(scheduled.status, 'succeeded');
  assert.equal(sessionStory(value(await dispatchApi(services, 'getActiveSession', {}))!).state, 'awaiting-restart');
  const cancelled = value(await dispatchApi(services, 'undoRepair', { journalId: scheduled.journalId }));
  assert.equal(cancelled.status, 'succeeded', JSON.stringify(cancelled.steps));
  assert.equal(sessionStory(value(await dispatchApi(services, 'getActiveSession', {}))!).state, 'undone');

  // Restart now: the simulated Windows restarts; the next start of the app resumes the session and checks it.
  const now = value(
    await dispatchApi(services, 'planRepair', {
      scanId: session.initial.scanId,
      cause: top.cause,
      repair: 'restart-computer',
      options: { restartInMinutes: 0 },
    }),
  );
  const ran = value(await dispatchApi(services, 'runRepair', { planId: now.planId, confirmations: now.confirmations }));
  assert.equal(ran.status, 'succeeded');
  const resumed = value(await dispatchApi(services, 'getActiveSession', {}))!;
  const repair = resumed.repairs.find((r) => r.journalId === ran.journalId)!;
  assert.ok(repair.restart?.resumedAt, 'the session was resumed after the restart');
  assert.equal(repair.verifiedAfter?.verified, true);
  const story = sessionStory(resumed);
  assert.equal(story.state, 'fixed');
  assert.equal(story.found?.cause, top.cause, 'what was found stays the first diagnosis');
  // Once resumed, a second start does not check again.
  const again = value(await dispatchApi(services, 'getActiveSession', {}))!;
  assert.equal(again.checks.length, resumed.checks.length);
});

test('1603-pending-reboot: the restart plan main returns checks again ONCE (one step per probe, all its commands)', async () => {
  const { services } = await setup();
  value(await dispatchApi(services, 'selectScenario', { name: '1603-pending-reboot' }));
  const session = value(await dispatchApi(services, 'startScan', { symptom: '1603', msiPath: null, logPaths: [] }));
  const plan = value(
    await dispatchApi(services, 'planRepair', {
      scanId: session.initial.scanId,
      cause: session.initial.findings[0]!.cause,
      repair: 'restart-computer',
      options: { restartInMinutes: 5 },
    }),
  );
  const described = plan.steps.map((s) => JSON.stringify(s.description));
  assert.deepEqual(described, [...new Set(described)], 'no step is listed twice');
  const verify = plan.steps.filter((s) => s.kind === 'verify');
  assert.equal(verify.length, 1, 'one verification step');
  // Both of the probe's commands are shown in that one step: the registry markers and ConfigMgr's own process.
  assert.match(verify[0]!.commandLine, /msi-doctor:probe=pending-reboot/);
  assert.match(verify[0]!.commandLine, /msi-doctor:probe-alone=configmgr-reboot/);
  // Run: the step runs both commands, so the check is parsed into evidence again.
  const ran = value(
    await dispatchApi(services, 'runRepair', { planId: plan.planId, confirmations: plan.confirmations }),
  );
  assert.equal(ran.status, 'succeeded');
  assert.deepEqual(
    ran.steps.filter((s) => s.id.startsWith('verify')).map((s) => s.status),
    ['succeeded'],
  );
  assert.ok(ran.verification.some((e) => e.probe === 'pending-reboot' && e.status !== 'error'));
});
