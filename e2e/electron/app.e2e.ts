// Electron end to end (real Electron via Playwright's _electron): launches the built app on the simulated machine
// (1618-stuck-client-install), checks the security preferences of the window and the page, and walks
// symptom -> scan -> findings. Run through build/scripts/run-electron-e2e.mjs (skips cleanly without a binary).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { API_FUNCTIONS } from '../../shared/contract/api.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SCENARIO = '1618-stuck-client-install';
const executablePath = process.env.MSI_DOCTOR_ELECTRON_BINARY;

let app: ElectronApplication;
let page: Page;

before(async () => {
  assert.ok(executablePath, 'run through build/scripts/run-electron-e2e.mjs, which finds the Electron binary');
  app = await _electron.launch({
    executablePath,
    args: [REPO, '--simulate', SCENARIO],
    cwd: REPO,
    env: {
      ...(process.env as Record<string, string>),
      MSI_DOCTOR_SIMULATE: SCENARIO,
      // A throw-away profile: no window state, sessions or journals from earlier runs.
      MSI_DOCTOR_USER_DATA_DIR: mkdtempSync(join(tmpdir(), 'msi-doctor-e2e-')),
      LANG: 'en_US.UTF-8',
    },
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

after(async () => {
  await app?.close();
});

test('the window is served from app:// with sandbox, context isolation and no Node integration', async () => {
  assert.match(page.url(), /^app:\/\/msi-doctor\//);
  const prefs = await app.evaluate(() => {
    const p = (globalThis as { msiDoctorWindowPreferences?: Record<string, unknown> }).msiDoctorWindowPreferences;
    return {
      sandbox: p?.sandbox,
      contextIsolation: p?.contextIsolation,
      nodeIntegration: p?.nodeIntegration,
      webviewTag: p?.webviewTag,
    };
  });
  assert.deepEqual(prefs, { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
});

test('the renderer process runs sandboxed (no Node in the preload either)', async () => {
  // In a sandboxed renderer even the preload has no Node: the exposed API is plain functions, and the page sees no
  // Buffer/global/setImmediate that a Node-enabled renderer would leak.
  const leaks = await page.evaluate(() =>
    ['Buffer', 'global', 'setImmediate', '__dirname'].filter((k) => k in globalThis),
  );
  assert.deepEqual(leaks, []);
});

test('the page has no require, no process, and window.msiDoctor is exactly the contract', async () => {
  const page_ = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    module: typeof (globalThis as { module?: unknown }).module,
    api: Object.keys((globalThis as unknown as { msiDoctor: object }).msiDoctor).sort(),
  }));
  assert.equal(page_.require, 'undefined');
  assert.equal(page_.process, 'undefined');
  assert.equal(page_.module, 'undefined');
  assert.deepEqual(page_.api, [...API_FUNCTIONS, 'on'].sort());
});

test('navigation away and new windows are refused; remote requests are blocked', async () => {
  const before = page.url();
  await page.evaluate(() => {
    window.open('https://example.com/');
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  assert.equal(page.url(), before);
  assert.equal(app.windows().length, 1);
  const fetched = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'loaded',
      () => 'blocked',
    ),
  );
  assert.equal(fetched, 'blocked');
});

test('the environment says simulated, with the scenario from the command line', async () => {
  const env = await page.evaluate(() =>
    (globalThis as unknown as { msiDoctor: { getEnvironment(r: object): Promise<unknown> } }).msiDoctor.getEnvironment(
      {},
    ),
  );
  assert.deepEqual((env as { ok: boolean; value: { kind: string; scenario: string } }).ok, true);
  assert.equal((env as { value: { kind: string } }).value.kind, 'simulated');
  assert.equal((env as { value: { scenario: string } }).value.scenario, SCENARIO);
  await page.getByTestId('simulated-label').waitFor({ state: 'visible' });
});

test('symptom -> scan -> findings: 1618 leads to the stuck client install', async () => {
  await page.getByTestId('choice-code-1618').click();
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-allow').click();
  const top = page.locator('[data-testid^="finding-"]').first();
  await top.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await top.getAttribute('data-testid'), 'finding-another-install-in-progress');
  mkdirSync(join(REPO, 'artifacts', 'e2e-electron'), { recursive: true });
  await page.screenshot({ path: join(REPO, 'artifacts', 'e2e-electron', 'findings.png') });
});
