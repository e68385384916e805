// The Electron transport without Electron: the built renderer in Debian Chromium, served through the app://
// protocol handler (CSP header, traversal guard), with window.msiDoctor built by the REAL preload code over a fake
// ipcRenderer whose invoke goes to the REAL IPC router (sender check, zod, envelope) and app services facade.
// Walks symptom -> scan -> findings -> fix (verified) on the simulated machine. Run by build/scripts/run-electron-e2e.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { channelOf, type ApiFunctionName } from '../../shared/contract/api.ts';
import { createAppServices } from '../../electron/services/app-services.ts';
import { createAppProtocolHandler } from '../../electron/main/app-protocol.ts';
import { isAppUrl } from '../../electron/main/app-origin.ts';
import { createIpcRouter } from '../../electron/main/ipc-routes.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCENARIO = '1618-stuck-client-install';
const rendererBuilt = existsSync(join(REPO, 'dist', 'renderer', 'index.html'));
const skip = !existsSync(CHROMIUM)
  ? `no Chromium at ${CHROMIUM}`
  : !rendererBuilt
    ? 'dist/renderer not built (npm run build)'
    : false;

let server: Server;
let browser: Browser;
let page: Page;
const rejected: string[] = [];
const emitted: string[] = [];

before(async () => {
  if (skip) return;
  // The preload's builder, bundled for the page (in Electron the same code runs in the isolated preload world).
  const bundled = await build({
    stdin: {
      contents: `import { buildMsiDoctorApi } from './electron/preload/msi-doctor-api.ts';
        const listeners = new Map();
        const ipc = {
          invoke: (channel, payload) => window.__ipcInvoke(channel, payload),
          on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); },
          removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
        };
        window.__ipcEmit = (channel, payload) => listeners.get(channel)?.forEach((l) => l({ sender: 'ipc-event' }, payload));
        Object.defineProperty(window, 'msiDoctor', { value: buildMsiDoctorApi(ipc) });`,
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const preload = bundled.outputFiles[0]!.text;

  const handler = createAppProtocolHandler({ root: join(REPO, 'dist', 'renderer'), readFile: (p) => readFile(p) });
  server = createServer((req, res) => {
    // Every request goes through the app:// handler, as Electron's protocol.handle would route it.
    void handler({ url: `app://msi-doctor${req.url ?? '/'}`, method: req.method ?? 'GET' }).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  page = await browser.newPage();
  const services = createAppServices({
    platform: 'linux',
    dataDir: mkdtempSync(join(tmpdir(), 'msi-doctor-transport-')),
    simulate: SCENARIO,
    emit: (event, payload) => {
      emitted.push(event);
      void page.evaluate(
        ([c, p]) => (window as unknown as { __ipcEmit(c: string, p: unknown): void }).__ipcEmit(c, p),
        [channelOf(event), payload] as const,
      );
    },
  });
  const router = createIpcRouter({ services, isAppUrl, log: (m) => void rejected.push(m) });
  await page.exposeBinding('__ipcInvoke', async (source, channel: string, payload: unknown) => {
    // What Electron reports as event.senderFrame: the page's URL on our origin, and whether it is a sub-frame.
    const url = new URL(source.frame.url());
    const senderUrl = url.origin === origin ? `app://msi-doctor${url.pathname}` : url.href;
    const event = { senderFrame: { url: senderUrl, parent: source.frame.parentFrame() ? {} : null } };
    return router.handle(channel.replace(/^msi-doctor:/, '') as ApiFunctionName, event, payload);
  });
  await page.addInitScript({ content: preload });
  await page.goto(`${origin}/index.html`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test(
  'the renderer uses window.msiDoctor (Electron bridge) under the app CSP, and sees the simulated machine',
  { skip },
  async () => {
    await page.getByTestId('simulated-label').waitFor({ state: 'visible', timeout: 15_000 });
    const surface = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { msiDoctor: object }).msiDoctor).length,
      require: typeof (window as unknown as { require?: unknown }).require,
    }));
    assert.ok(surface.keys > 20);
    assert.equal(surface.require, 'undefined');
  },
);

test('symptom -> scan -> findings through the router: 1618 leads to the stuck client install', { skip }, async () => {
  await page.getByTestId('choice-code-1618').click();
  await page.getByTestId('symptom-continue').click();
  await page.getByTestId('scan-allow').click();
  const top = page.locator('[data-testid^="finding-"]').first();
  await top.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await top.getAttribute('data-testid'), 'finding-another-install-in-progress');
  assert.deepEqual(rejected, [], 'no call was refused by the sender check');
});

test(
  'fix through the router: the stuck install is ended, verified, with progress events on the way',
  { skip },
  async () => {
    await page.getByTestId('fix-end-stuck-client-install').first().click();
    await page.getByTestId('command-preview').waitFor({ state: 'visible' });
    for (const box of await page.locator('.confirmations input[type=checkbox]').all()) await box.check();
    await page.getByTestId('run-fix').click();
    const result = page.getByTestId('repair-result');
    await result.waitFor({ state: 'visible', timeout: 45_000 });
    assert.equal(await result.getAttribute('data-status'), 'succeeded');
    assert.equal(await result.getAttribute('data-verified'), 'true');
    assert.equal(
      emitted.filter((e) => e === 'repairProgress').length > 0,
      true,
      'repairProgress events reached the page',
    );
  },
);

test('a sub-frame calling the API is refused by the router', { skip }, async () => {
  const result = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>x</p>';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r));
    const invoke = (
      frame.contentWindow as unknown as {
        __ipcInvoke(c: string, p: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
      }
    ).__ipcInvoke;
    return invoke('msi-doctor:getEnvironment', {});
  });
  assert.equal(result.ok, false);
  assert.equal(result.error?.code, 'forbidden');
  assert.ok(rejected.some((m) => /rejected: (sub-frame|foreign-origin)/.test(m)));
});
