// Tests of the facade's wiring with fake ports, and of dispatchApi (validation, envelope, no leaked stacks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEventName } from '../../shared/contract/api.ts';
import { API_FUNCTIONS } from '../../shared/contract/api.ts';
import { ReadablePaths } from './readable-paths.ts';
import { createAppServicesWith, createAppServices, looksLikeLog } from './app-services.ts';
import { dispatchApi } from './api-dispatch.ts';
import { fakeDeps } from './app-services-fakes.test-support.ts';

async function setup(options: { platform?: NodeJS.Platform; simulate?: string; withHost?: boolean } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'msi-doctor-facade-'));
  const log: string[] = [];
  const events: Array<{ event: ApiEventName; payload: unknown }> = [];
  const deps = fakeDeps(log);
  const opened: string[] = [];
  // The fakes' paths count as opened by the user: the path guard itself is tested in readable-paths.test.ts.
  const readablePaths = new ReadablePaths();
  readablePaths.grant('/x.log', '/x');
  const services = createAppServicesWith(
    {
      readablePaths,
      platform: options.platform ?? 'linux',
      dataDir,
      ...(options.simulate ? { simulate: options.simulate } : {}),
      emit: (event, payload) => events.push({ event, payload }),
      appVersion: '1.2.3',
      lang: 'zh-CN',
      ...(options.withHost
        ? {
            host: {
              openExternal: async (url: string) => void opened.push(url),
              chooseReportPath: async (name: string) =>
                name.includes('cancel') ? null : join(dataDir, `chosen-${name}`),
            },
          }
        : {}),
    },
    deps,
  );
  return { services, log, events, dataDir, deps, opened };
}

/** A diagnosis request as the wizard sends it (a new session). */
function scanRequest(symptom: string, allowElevation: boolean) {
  return {
    symptom,
    logPaths: [],
    msiPath: null,
    allowElevation,
    sessionId: null,
    purpose: 'diagnose' as const,
    choice: null,
  };
}

test('the facade implements exactly the contract functions', () => {
  const services = createAppServices({ platform: 'linux', dataDir: tmpdir(), emit: () => {} });
  assert.deepEqual(Object.keys(services).sort(), [...API_FUNCTIONS].sort());
});

test('off Windows the machine is simulated (healthy by default) and scenarios can be switched', async () => {
  const { services, log } = await setup();
  const env = await services.getEnvironment({});
  assert.equal(env.kind, 'simulated');
  assert.equal(env.scenario, 'healthy');
  assert.equal(env.appVersion, '1.2.3');
  assert.equal(env.lang, 'zh-CN');
  assert.equal((await services.listScenarios({})).length, 2);
  const selected = await services.selectScenario({ name: '1618-stuck-client-install' });
  assert.equal(selected.scenario, '1618-stuck-client-install');
  assert.equal((await services.getEnvironment({})).scenario, '1618-stuck-client-install');
  await assert.rejects(services.selectScenario({ name: 'nope' }), { code: 'not-found' });
  assert.deepEqual(log, ['open healthy', 'open 1618-stuck-client-install']);
});

test('on Windows without a scenario the real machine is used and scenarios are refused', async () => {
  const { services, log } = await setup({ platform: 'win32' });
  await services.getEnvironment({});
  assert.deepEqual(log, ['open real']);
  assert.deepEqual(await services.listScenarios({}), []);
  await assert.rejects(services.selectScenario({ name: 'healthy' }), { code: 'forbidden' });
});

test('a scan emits progress, starts a session record saved in the history and can be fetched again', async () => {
  const { services, events, dataDir } = await setup();
  const session = await services.startScan(scanRequest('1618', false));
  assert.equal(events[0]!.event, 'scanProgress');
  assert.ok(events.some((e) => e.event === 'sessionChanged'));
  assert.deepEqual(await readdir(join(dataDir, 'scans')), [`${session.initial.scanId}.json`]);
  assert.deepEqual(await readdir(join(dataDir, 'sessions')), [`${session.sessionId}.json`]);
  const sessions = await services.listSessions({});
  assert.equal(sessions[0]!.sessionId, session.sessionId);
  assert.deepEqual(await services.getSession({ sessionId: session.sessionId }), session);
  assert.equal((await services.getActiveSession({}))?.sessionId, session.sessionId);
  await services.endSession({ sessionId: session.sessionId });
  assert.equal(await services.getActiveSession({}), null);
  assert.equal((await services.getSession({ sessionId: session.sessionId })).ended, true);
});

test('cancelScan aborts a running scan, which then fails as cancelled and is not saved', async () => {
  const { services, events } = await setup();
  const running = services.startScan(scanRequest('slow', true));
  await new Promise((r) => setTimeout(r, 10));
  const scanId = (events[0]!.payload as { scanId: string }).scanId;
  assert.deepEqual(await services.cancelScan({ scanId }), { cancelled: true });
  await assert.rejects(running, { code: 'cancelled' });
  assert.deepEqual(await services.listSessions({}), []);
  assert.deepEqual(await services.cancelScan({ scanId }), { cancelled: false });
});

test('plan -> run passes confirmations and progress; a plan runs once', async () => {
  const { services, events, log } = await setup();
  const session = await services.startScan(scanRequest('1618', false));
  const cause = session.initial.findings.find((f) => f.repairs.includes('wait-for-installer'))!.cause;
  await assert.rejects(
    services.planRepair({ scanId: session.initial.scanId, cause, repair: 'restart-computer', options: {} }),
    { code: 'invalid-input' },
  );
  const plan = await services.planRepair({
    scanId: session.initial.scanId,
    cause,
    repair: 'wait-for-installer',
    options: {},
  });
  const outcome = await services.runRepair({ planId: plan.planId, confirmations: ['ok'] });
  assert.equal(outcome.verified, true);
  assert.ok(log.includes(`run ${plan.planId} ok`));
  assert.ok(events.some((e) => e.event === 'repairProgress'));
  // The session record keeps the run with its outcome.
  const after = await services.getSession({ sessionId: session.sessionId });
  assert.equal(after.repairs.length, 1);
  assert.equal(after.repairs[0]!.state, 'finished');
  assert.equal(after.repairs[0]!.outcome?.status, outcome.status);
  await assert.rejects(services.runRepair({ planId: plan.planId, confirmations: [] }), { code: 'not-found' });
});

test('reports: preview writes to dataDir/reports and returns a URL path; Electron uses the chosen path', async () => {
  const preview = await setup();
  const scan = await preview.services.startScan(scanRequest('1618', false));
  const exported = await preview.services.exportReport({
    sessionId: scan.sessionId,
    format: 'zip',
    redact: true,
    lang: 'en',
  });
  assert.match(exported.location, /^\/reports\/msi-doctor-report-\d{8}T\d{6}\.zip$/);
  assert.equal(exported.bytes, 42);
  assert.equal(
    (await preview.services.previewRedaction({ sessionId: scan.sessionId })).items[0]!.placeholder,
    '<user-1>',
  );

  const app = await setup({ withHost: true });
  const scan2 = await app.services.startScan(scanRequest('1618', false));
  const saved = await app.services.exportReport({
    sessionId: scan2.sessionId,
    format: 'html',
    redact: true,
    lang: 'en',
    suggestedName: 'mine',
  });
  assert.equal(saved.location, join(app.dataDir, 'chosen-mine.html'));
  await assert.rejects(
    app.services.exportReport({
      sessionId: scan2.sessionId,
      format: 'html',
      redact: true,
      lang: 'en',
      suggestedName: 'cancel',
    }),
    { code: 'cancelled' },
  );
  await assert.rejects(app.services.exportReport({ sessionId: 'missing', format: 'json', redact: true, lang: 'en' }), {
    code: 'not-found',
  });
});

test('openExternal: allowlist enforced; opened only where the host can open a browser', async () => {
  const preview = await setup();
  assert.deepEqual(await preview.services.openExternal({ url: 'https://learn.microsoft.com/x' }), { opened: false });
  const app = await setup({ withHost: true });
  assert.deepEqual(await app.services.openExternal({ url: 'https://learn.microsoft.com/x' }), { opened: true });
  await assert.rejects(app.services.openExternal({ url: 'https://evil.example/' }), { code: 'forbidden' });
  assert.deepEqual(app.opened, ['https://learn.microsoft.com/x']);
  assert.equal(await preview.services.pickFile({ kind: 'log' }), null);
});

test('dispatchApi validates payloads, wraps values and never leaks an unexpected error', async () => {
  const { services } = await setup();
  const logged: string[] = [];
  const options = { logError: (name: string, error: unknown) => void logged.push(`${name}: ${String(error)}`) };
  const good = await dispatchApi(services, 'parseSymptom', { text: '2503' }, options);
  assert.deepEqual(good, {
    ok: true,
    value: {
      input: '2503',
      exitCodes: [],
      messageNumbers: [],
      sources: [],
      unknown: true,
      notes: [],
      looksLikeLog: false,
    },
  });
  const bad = await dispatchApi(services, 'getLogLines', { path: '/x', from: -1, count: 10 }, options);
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.error.code, 'invalid-input');
  assert.match(!bad.ok ? bad.error.message : '', /from/);
  const extra = await dispatchApi(services, 'listSessions', { sneaky: true }, options);
  assert.equal(!extra.ok && extra.error.code, 'invalid-input');
  const crashed = await dispatchApi(services, 'analyzeLog', { path: '/x.log' }, options);
  assert.equal(!crashed.ok && crashed.error.code, 'internal');
  assert.doesNotMatch(JSON.stringify(crashed), /secret stack|at .*\.ts/);
  assert.equal(logged.length, 1);
  const defaults = await dispatchApi(services, 'startScan', {}, options);
  assert.equal(defaults.ok, true, 'startScan fills defaults from the schema');
});

test('parseSymptom: log lines pasted into the code box are recognized as a log, a message or a code is not', async () => {
  const { services } = await setup();
  const log = [
    '=== Verbose logging started: 11/18/2026  01:06:12  Build type: SHIP UNICODE 5.00.10011.00  Calling process: C:\\Windows\\system32\\msiexec.exe ===',
    'MSI (c) (1C:2C) [01:06:12:100]: Resetting cached policy values',
    'MSI (s) (3C:40) [01:06:14:200]: Product: Contoso Agent -- Error 1603. Info 1603. The file is in use.',
    'Action ended 01:06:15: InstallFinalize. Return value 3.',
  ].join('\r\n');
  assert.equal((await services.parseSymptom({ text: log })).looksLikeLog, true);
  assert.equal(looksLikeLog(log), true);
  for (const text of ['1603', 'Error 1603: A fatal error occurred during installation.\nPlease try again.', ''])
    assert.equal(looksLikeLog(text), false, text);
});
