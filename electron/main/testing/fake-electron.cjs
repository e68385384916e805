// A stand-in for the 'electron' module so the built main bundle can be smoke-tested under plain Node: records
// what main does (scheme, sandbox, lock, protocol, IPC handlers, window) and lets the test call the registered
// protocol and IPC handlers. Anything not modelled is a harmless no-op proxy (electron-log touches a lot).
/* global require, process, module */
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS stand-in for a CommonJS module
const { join } = require('node:path');

const record = { calls: [], ipc: new Map(), protocol: null, windows: [], exitCode: null, listeners: {} };
globalThis.__fakeElectron = record;

function anything() {
  const fn = function () {
    return anything();
  };
  return new Proxy(fn, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : anything()),
    apply: () => anything(),
    construct: () => anything(),
  });
}
/** Renderer-only modules are absent in the main process (electron-log checks for ipcRenderer to detect a preload). */
const RENDERER_ONLY = new Set(['ipcRenderer', 'contextBridge', 'webFrame', 'then']);
function withFallback(object) {
  return new Proxy(object, { get: (t, key) => (key in t ? t[key] : RENDERER_ONLY.has(key) ? undefined : anything()) });
}

const paths = {
  appData: join(process.env.FAKE_ELECTRON_HOME, 'appData'),
  documents: join(process.env.FAKE_ELECTRON_HOME, 'docs'),
};
const app = withFallback({
  isPackaged: false,
  setPath: (key, value) => {
    paths[key] = value;
    record.calls.push(['setPath', key]);
  },
  getPath: (key) => paths[key] ?? join(process.env.FAKE_ELECTRON_HOME, key),
  getVersion: () => '0.1.0',
  getName: () => 'MSI Doctor',
  getLocale: () => 'zh-CN',
  getPreferredSystemLanguages: () => ['zh-Hans-CN'],
  enableSandbox: () => record.calls.push(['enableSandbox']),
  requestSingleInstanceLock: (data) => {
    record.calls.push(['requestSingleInstanceLock', data]);
    return process.env.FAKE_LOCK !== 'taken';
  },
  quit: () => record.calls.push(['quit']),
  exit: (code) => {
    record.exitCode = code;
    record.calls.push(['exit', code]);
  },
  on: (event, listener) => {
    record.listeners[event] = listener;
    return app;
  },
  whenReady: () => Promise.resolve(),
});

class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = withFallback({ on: () => {}, send: () => {}, isDestroyed: () => false });
    record.windows.push(this);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  once() {}
  on() {}
  maximize() {}
}

module.exports = withFallback({
  app,
  BrowserWindow,
  protocol: withFallback({
    registerSchemesAsPrivileged: (schemes) => record.calls.push(['registerSchemesAsPrivileged', schemes]),
    handle: (scheme, handler) => {
      record.calls.push(['protocol.handle', scheme]);
      record.protocol = handler;
    },
  }),
  ipcMain: withFallback({
    handle: (channel, listener) => record.ipc.set(channel, listener),
    removeHandler: (channel) => record.ipc.delete(channel),
    on: () => {},
  }),
  screen: withFallback({ getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] }),
  session: withFallback({ defaultSession: anything() }),
  Menu: withFallback({
    buildFromTemplate: (t) => t,
    setApplicationMenu: (m) => record.calls.push(['setApplicationMenu', m.length]),
  }),
});
