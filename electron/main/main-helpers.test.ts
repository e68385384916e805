// Tests of the main process's pure helpers: launch arguments, window state, menu template, texts, web preferences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { parseLaunchArgs, userArgs } from './launch-options.ts';
import { DEFAULT_STATE, loadWindowState, restoreWindowState, saveWindowState } from './window-state.ts';
import { buildMenuTemplate, documentationUrl } from './app-menu.ts';
import { MAIN_TEXTS, langFromLocale, mainText } from './main-texts.ts';
import { secureWebPreferences } from './web-preferences.ts';
import { isAllowedExternalUrl } from '../services/external-links.ts';
import { isAppUrl } from './app-origin.ts';

const cwd = resolve('/work/somewhere');

test('launch: files by extension, flags ignored, --simulate/--scenario, env fallback', () => {
  const options = parseLaunchArgs(
    userArgs([
      '/opt/MSI-Doctor/msi-doctor',
      '--inspect=0',
      '.',
      'install.LOG',
      'C:\\Users\\x\\setup.msi',
      'notes.docx',
      '--simulate',
      '1618-stuck-client-install',
      '--scenario=my.json',
    ]),
    cwd,
    {},
  );
  // (A Windows drive path is absolute only on Windows; elsewhere it resolves like any relative name.)
  assert.deepEqual(options.files, [join(cwd, 'install.LOG'), resolve(cwd, 'C:\\Users\\x\\setup.msi')]);
  assert.equal(options.simulate, '1618-stuck-client-install');
  assert.equal(options.scenarioFile, join(cwd, 'my.json'));
  assert.equal(options.headless, null);
  assert.equal(parseLaunchArgs([], cwd, { MSI_DOCTOR_SIMULATE: 'healthy' }).simulate, 'healthy');
  assert.deepEqual(parseLaunchArgs(['/abs/x.log'], cwd, {}).files, ['/abs/x.log']);
});

test('launch: --headless takes the rest verbatim for the CLI', () => {
  const options = parseLaunchArgs(
    userArgs(['MSI-Doctor.exe', '--headless', 'report', '--simulate', 'healthy', '--out', 'r.zip', 'x.log']),
    cwd,
    {},
  );
  assert.deepEqual(options.headless, { command: 'report', args: ['--simulate', 'healthy', '--out', 'r.zip', 'x.log'] });
  assert.deepEqual(options.files, [], 'headless never opens files in a window');
  assert.deepEqual(parseLaunchArgs(['--headless'], cwd, {}).headless, { command: '', args: [] });
});

test('window state: defaults, clamping, off-screen positions dropped, round trip', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  assert.deepEqual(restoreWindowState(null, screens), DEFAULT_STATE);
  assert.deepEqual(restoreWindowState({ bounds: { width: 'x' } }, screens), DEFAULT_STATE);
  assert.deepEqual(
    restoreWindowState({ bounds: { x: 100, y: 50, width: 300, height: 5000 }, maximized: true }, screens),
    {
      bounds: { x: 100, y: 50, width: 800, height: 1040 },
      maximized: true,
    },
  );
  // Saved on a second monitor that is gone: keep the size, let the window centre itself.
  assert.deepEqual(
    restoreWindowState({ bounds: { x: 2500, y: 100, width: 1000, height: 700 }, maximized: false }, screens),
    {
      bounds: { width: 1000, height: 700 },
      maximized: false,
    },
  );
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-window-'));
  const file = join(dir, 'sub', 'window-state.json');
  saveWindowState(file, { bounds: { x: 10, y: 20, width: 1100, height: 800 }, maximized: false });
  assert.deepEqual(loadWindowState(file, screens), {
    bounds: { x: 10, y: 20, width: 1100, height: 800 },
    maximized: false,
  });
  writeFileSync(file, '{ broken');
  assert.deepEqual(loadWindowState(file, screens), DEFAULT_STATE);
});

test('menu: File and Help items fire their actions; documentation link is allowlisted; both languages', () => {
  const fired: string[] = [];
  const actions = {
    command: (c: string) => void fired.push(`command:${c}`),
    openDocumentation: (url: string) => void fired.push(`docs:${url}`),
    about: () => void fired.push('about'),
    quit: () => void fired.push('quit'),
  };
  for (const lang of ['en', 'zh-CN'] as const) {
    fired.length = 0;
    const template = buildMenuTemplate(lang, actions, { devTools: false });
    const items = template.flatMap((m) =>
      Array.isArray(m.submenu) ? (m.submenu as MenuItemConstructorOptions[]) : [],
    );
    for (const item of items) (item.click as (() => void) | undefined)?.();
    assert.deepEqual(fired, [
      'command:open-log',
      'command:open-msi',
      'command:export-report',
      'command:start-over',
      'quit',
      `docs:${documentationUrl(lang)}`,
      'about',
    ]);
    assert.ok(isAllowedExternalUrl(documentationUrl(lang)));
    assert.ok(!items.some((i) => i.role === 'toggleDevTools'));
  }
  assert.equal(buildMenuTemplate('zh-CN', actions, { devTools: true })[0]!.label, '文件(&F)');
});

test('main texts exist in both languages with the same placeholders', () => {
  for (const [key, text] of Object.entries(MAIN_TEXTS)) {
    assert.ok(text.en && text['zh-CN'], key);
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    assert.deepEqual(holes(text['zh-CN']), holes(text.en), key);
  }
  assert.equal(mainText('about.detail', 'en', { version: '1.0', machine: 'x' }).split('\n')[0], 'Version 1.0');
  assert.equal(langFromLocale('zh-Hans-CN'), 'zh-CN');
  assert.equal(langFromLocale('de-DE'), 'en');
  assert.equal(langFromLocale(undefined), 'en');
});

test('web preferences: the checklist settings', () => {
  const prefs = secureWebPreferences('/app/preload.cjs', { devTools: false });
  assert.equal(prefs.devTools, false, 'no DevTools in a packaged app');
  assert.equal(secureWebPreferences('/app/preload.cjs', { devTools: true }).devTools, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.experimentalFeatures, false);
  assert.ok(!('enableBlinkFeatures' in prefs));
  assert.equal(prefs.disableBlinkFeatures, 'Auxclick');
  assert.equal(prefs.preload, '/app/preload.cjs');
});

test('app origin: only app://msi-doctor', () => {
  assert.ok(isAppUrl('app://msi-doctor/index.html'));
  assert.ok(isAppUrl('APP://MSI-DOCTOR/'));
  for (const url of [
    'app://msi-doctor.evil/',
    'app://x@msi-doctor/',
    'app://msi-doctor:99/',
    'https://msi-doctor/',
    'file:///',
    '',
  ])
    assert.ok(!isAppUrl(url), url);
});

test('device choosers (Bluetooth, serial, HID, USB) are cancelled and logged', async () => {
  const { denyBluetooth, denySessionDevices } = await import('./device-requests.ts');
  const listeners = new Map<string, (event: { preventDefault(): void }, ...rest: unknown[]) => void>();
  const emitter = {
    on: (name: string, l: (event: { preventDefault(): void }, ...rest: unknown[]) => void) => listeners.set(name, l),
  };
  const log: string[] = [];
  denySessionDevices(emitter, (m) => log.push(m));
  denyBluetooth(emitter, (m) => log.push(m));
  assert.deepEqual([...listeners.keys()].sort(), [
    'select-bluetooth-device',
    'select-hid-device',
    'select-serial-port',
    'select-usb-device',
  ]);
  for (const [name, listener] of listeners) {
    let prevented = false;
    const answers: unknown[][] = [];
    const callback = (...args: unknown[]) => answers.push(args);
    const event = { preventDefault: () => (prevented = true) };
    if (name === 'select-serial-port') listener(event, [{ portId: 'COM3' }], {}, callback);
    else if (name === 'select-bluetooth-device') listener(event, [{ deviceId: 'aa:bb' }], callback);
    else listener(event, { deviceList: [{ deviceId: 'x' }] }, callback);
    assert.equal(prevented, true, name);
    assert.equal(answers.length, 1, name);
    assert.ok(
      answers[0]!.every((a) => a === '' || a === undefined),
      `${name}: no device chosen`,
    );
  }
  assert.equal(log.length, 4);
});
