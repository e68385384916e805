// Tests of the wizard store in Node (no React, no DOM): the whole flow against the fake API, and the API calls it makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWizardStore, PASTE_SETTLE_MS } from './store.ts';
import { createFakeApi } from '../api/fake-api.ts';
import { sampleFinding, samplePlan, sampleScan, sampleSymptom } from '../../../shared/wizard/sample-data.ts';
import { newRecord, withRepairStarted } from '../../../shared/session/session-record.ts';
import { sessionStory } from '../../../shared/session/session-story.ts';
import { MAX_IMPORT_BYTES } from '../../../shared/contract/import-limit.ts';
test('init loads the environment and the scenarios of a simulated machine', async () => {
  const api = createFakeApi();
  const store = createWizardStore({ api, lang: 'en' });
  await store.getState().actions.init();
  assert.equal(store.getState().env?.kind, 'simulated');
  assert.equal(store.getState().scenarios.length, 1);
  await store.getState().actions.selectScenario('other');
  assert.equal(store.getState().env?.scenario, 'other');
  store.getState().actions.dispose();
});

test('full flow: symptom -> scan with live rows -> findings -> fix -> verify (rescan) -> report', async () => {
  const api = createFakeApi();
  const store = createWizardStore({ api, lang: 'zh-CN', writeClipboard: async () => {} });
  const { actions } = store.getState();
  await actions.init();
  actions.choose('code-2503');
  actions.submitSymptom();
  assert.equal(store.getState().wizard.step, 'consent');
  await actions.startScan(false);
  let w = store.getState().wizard;
  assert.equal(w.step, 'findings');
  assert.ok(
    w.scan.rows.every((r) => r.status === 'done'),
    'progress events updated every row',
  );
  const startScan = api.calls.find((c) => c.name === 'startScan');
  assert.deepEqual(startScan?.request, {
    symptom: '2503 2502',
    logPaths: [],
    msiPath: null,
    allowElevation: false,
    sessionId: null,
    purpose: 'diagnose',
    choice: 'code-2503',
  });
  const sessionId = w.session!.sessionId;

  await actions.chooseRepair('installer-folders-access', 'restore-windows-temp-acl');
  assert.equal(store.getState().wizard.fix?.phase, 'preview');
  assert.deepEqual(
    api.calls.find((c) => c.name === 'planRepair')?.request,
    {
      scanId: w.session!.latest.scanId,
      cause: 'installer-folders-access',
      repair: 'restore-windows-temp-acl',
      options: {},
    },
    'the renderer names the cause and the repair, never Windows parameters',
  );
  await actions.confirmRepair([]);
  w = store.getState().wizard;
  assert.equal(w.fix?.phase, 'done');
  assert.equal(w.fix?.progress[0]?.phase, 'finished');
  assert.equal(sessionStory(w.session!).state, 'fixed', 'the record (sent by the main process) tells how it ended');
  await actions.undo();
  w = store.getState().wizard;
  assert.equal(w.fix?.phase, 'done');
  assert.equal(sessionStory(w.session!).state, 'undone');

  actions.openVerify();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(store.getState().wizard.verify?.mode, 'rescan');
  await actions.startVerify();
  w = store.getState().wizard;
  assert.equal(w.verify?.phase, 'done', 'the second fake scan finds nothing');
  assert.equal(sessionStory(w.session!).state, 'fixed');
  assert.equal(w.session!.sessionId, sessionId, 'the check belongs to the same session');
  assert.equal(sessionStory(w.session!).found?.cause, 'installer-folders-access', 'what was found stays frozen');

  actions.openReport();
  actions.setReportOptions({ format: 'json' });
  await actions.exportReport();
  assert.equal(store.getState().wizard.report.exported?.location, `/reports/${sessionId}.json`);
  const exportCall = api.calls.find((c) => c.name === 'exportReport');
  assert.equal((exportCall?.request as { lang: string }).lang, 'zh-CN');
  await actions.copySummary('summary');
  assert.equal(store.getState().wizard.report.copied, true);

  await actions.openHistory();
  const overlay = store.getState().wizard.overlay;
  assert.equal(overlay?.kind === 'history' ? overlay.sessions?.length : -1, 1);
  await actions.loadSession(sessionId);
  assert.equal(store.getState().wizard.session?.sessionId, sessionId);
  actions.startOver();
  assert.equal(store.getState().wizard.overlay?.kind, 'confirm-start-over', 'a fix ran: start over asks first');
  await actions.confirmStartOver();
  assert.equal(store.getState().wizard.step, 'symptom');
  assert.ok(api.calls.some((c) => c.name === 'endSession'));
});

test('verify with an .msi: the failed retry log is rescanned and the wizard returns to findings', async () => {
  const api = createFakeApi({
    scans: [
      [sampleFinding('pending-reboot', 0.8, ['restart-computer'])],
      [sampleFinding('custom-action-failed', 0.9, [])],
    ],
    retrySucceeds: false,
  });
  const store = createWizardStore({ api, lang: 'en' });
  const { actions } = store.getState();
  await actions.init();
  actions.choose('code-1603');
  await actions.pickFile('msi');
  actions.submitSymptom();
  await actions.startScan(true);
  actions.openVerify();
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(store.getState().wizard.verify?.phase, 'preview');
  const sessionId = store.getState().wizard.session!.sessionId;
  assert.deepEqual(api.calls.find((c) => c.name === 'planVerification')?.request, { sessionId });
  await actions.confirmVerify();
  const w = store.getState().wizard;
  assert.equal(w.step, 'findings');
  assert.equal(sessionStory(w.session!).state, 'install-failed');
  assert.equal(w.session?.latest.findings[0]?.cause, 'custom-action-failed');
  assert.equal(w.session?.initial.findings[0]?.cause, 'pending-reboot', 'the first diagnosis stays as it was');
  const scans = api.calls.filter((c) => c.name === 'startScan');
  assert.deepEqual((scans[1]?.request as { logPaths: string[] }).logPaths, [
    'C:\\ProgramData\\MSI Doctor\\logs\\retry.log',
  ]);
});

test('free text is parsed, dropped files are uploaded as base64, failures surface as errors', async () => {
  const api = createFakeApi({ failingRepairs: [] });
  const store = createWizardStore({ api, lang: 'en' });
  const { actions } = store.getState();
  await actions.editText('error 0x80070643 and 1603');
  assert.deepEqual(store.getState().wizard.draft.parsed?.exitCodes, [1603]);
  await actions.importFiles([{ name: 'a.log', read: async () => new TextEncoder().encode('hello') }], 'log');
  const w = store.getState().wizard;
  assert.deepEqual(w.draft.logs, [{ path: '/uploads/a.log', name: 'a.log', status: 'usable', reason: null }]);
  const importCall = api.calls.find((c) => c.name === 'importFile');
  assert.equal((importCall?.request as { base64: string }).base64, Buffer.from('hello').toString('base64'));
  actions.submitSymptom();
  await actions.startScan(true);
  await actions.openHistory();
  await actions.loadSession('missing');
  assert.equal(store.getState().wizard.error?.code, 'not-found');
  actions.dismissError();
  assert.equal(store.getState().wizard.error, null);
});

test('with an uploader (the preview), a dropped file is streamed as its Blob; over the limit it is refused before sending', async () => {
  const api = createFakeApi();
  const uploads: Array<{ name: string; body: Blob }> = [];
  const store = createWizardStore({
    api,
    lang: 'zh-CN',
    bridge: 'preview',
    upload: async (name, body) => {
      uploads.push({ name, body });
      return { ok: true, value: { path: `/imports/1/${name}`, name } };
    },
  });
  const { actions } = store.getState();
  const unread = async (): Promise<Uint8Array> => assert.fail('an uploaded file is never read into memory');
  const blob = new Blob(['MSI (s) (A4:B8) [10:00:00:000]: hello']);
  await actions.importFiles([{ name: 'a.log', read: unread, blob }], 'log');
  assert.deepEqual(uploads, [{ name: 'a.log', body: blob }]);
  assert.deepEqual(store.getState().wizard.draft.logs, [
    { path: '/imports/1/a.log', name: 'a.log', status: 'usable', reason: null },
  ]);
  assert.equal(api.calls.filter((c) => c.name === 'importFile').length, 0, 'no base64 import');

  const huge = { size: MAX_IMPORT_BYTES + 1 } as Blob;
  await actions.importFiles([{ name: 'huge.log', read: unread, blob: huge }], 'log');
  assert.equal(uploads.length, 1, 'nothing sent');
  const error = store.getState().wizard.error;
  assert.equal(error?.code, 'invalid-input');
  assert.match(error?.message ?? '', /huge\.log.*2 GB/);
  assert.match(error?.message ?? '', /预览版/, "in the user's language");
});

test('cancel before the scan id is known cancels once the first progress names the scan', async () => {
  const api = createFakeApi();
  const store = createWizardStore({ api, lang: 'en' });
  const { actions } = store.getState();
  await actions.init();
  actions.choose('unsure');
  actions.submitSymptom();
  const scanning = actions.startScan(true);
  await actions.cancelScan();
  await scanning;
  assert.ok(api.calls.some((c) => c.name === 'cancelScan'));
});

test("a picked file that is not a log is refused with the analyzer's reason and never sent to the scan", async () => {
  const api = createFakeApi({ notLogs: { 'photo.png': 'this is a picture, not a log' } });
  const store = createWizardStore({ api, lang: 'en' });
  const { actions } = store.getState();
  await actions.importFiles([{ name: 'photo.png', read: async () => new Uint8Array([0x89, 0x50]) }], 'log');
  const log = store.getState().wizard.draft.logs[0]!;
  assert.equal(log.status, 'refused');
  assert.equal(log.reason?.en, 'this is a picture, not a log');
  actions.submitSymptom();
  assert.equal(store.getState().wizard.step, 'symptom', 'no scan with only a refused file');
});

test('on start, a repair of this session still running is shown with its state', async () => {
  const plan = samplePlan('restore-windows-temp-acl');
  const scan = sampleScan([sampleFinding('installer-folders-access', 0.9, ['restore-windows-temp-acl'])], {
    scanId: 'scan-1',
  });
  const record = newRecord(
    'session-1',
    { ...scan, sessionId: 'session-1' },
    { choice: 'code-2503', input: '2503', logFiles: [], msiPath: null },
    '2026-01-01T10:00:00.000Z',
  );
  const running = withRepairStarted(
    record,
    { sessionId: 'session-1', cause: 'installer-folders-access', purpose: 'fix', plan },
    '2026-01-01T10:01:00.000Z',
  );
  const api = createFakeApi({ activeSession: running });
  const store = createWizardStore({ api, lang: 'en' });
  await store.getState().actions.init();
  const w = store.getState().wizard;
  assert.equal(w.step, 'fix');
  assert.equal(w.fix?.phase, 'running');
  assert.equal(w.fix?.repair, 'restore-windows-temp-acl');
  assert.equal(sessionStory(w.session!).state, 'running');
});

test('an unfinished repair journal found at start is offered for undo, and undoing it calls undoRepair', async () => {
  const journal = {
    journalId: '20261118T013000Z-restore-windows-temp-acl-abc123',
    repair: 'restore-windows-temp-acl' as const,
    startedAt: '2026-11-18T01:30:00.000Z',
    state: 'unfinished' as const,
    undoAvailable: true,
  };
  const finished = { ...journal, journalId: 'done-1', state: 'finished' as const };
  const api = createFakeApi({ journals: [journal, finished] });
  const store = createWizardStore({ api, lang: 'en' });
  await store.getState().actions.init();
  assert.deepEqual(
    store.getState().interrupted.map((i) => [i.journal.journalId, i.status]),
    [[journal.journalId, 'pending']],
    'only the unfinished journal is offered',
  );
  await store.getState().actions.undoInterrupted(journal.journalId);
  assert.equal(store.getState().interrupted[0]!.status, 'undone');
  assert.deepEqual(
    api.calls.filter((c) => c.name === 'undoRepair').map((c) => c.request),
    [{ journalId: journal.journalId }],
  );
  store.getState().actions.dismissInterrupted(journal.journalId);
  assert.equal(store.getState().interrupted.length, 0);
  store.getState().actions.dispose();
});

test('pasted log text is imported once it stops changing, not once per keystroke', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const api = createFakeApi();
  api.parseSymptom = async ({ text }) => ({ ok: true, value: { ...sampleSymptom(text), looksLikeLog: true } });
  const store = createWizardStore({ api, lang: 'en' });
  const { actions } = store.getState();
  actions.choose('other-code');
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const lines = ['MSI (c) (1C:2C) [01:06:12:100]: a', 'MSI (c) (1C:2C) [01:06:12:101]: b'];
  const edits: Array<Promise<void>> = [];
  let text = lines.join('\n');
  for (const key of ['x', 'y', 'z']) {
    text += key;
    edits.push(actions.editText(text));
    await flush();
    t.mock.timers.tick(PASTE_SETTLE_MS / 4);
  }
  await flush();
  assert.equal(api.calls.filter((c) => c.name === 'importFile').length, 0, 'nothing imported while typing');
  t.mock.timers.tick(PASTE_SETTLE_MS);
  await Promise.all(edits);
  await flush();
  const imports = api.calls.filter((c) => c.name === 'importFile');
  assert.equal(imports.length, 1, 'one import, of the last text');
  assert.equal(store.getState().wizard.draft.text, text);
});
