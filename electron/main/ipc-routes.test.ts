// Tests of the IPC routes with fake events: sender check (foreign origin, sub-frame, no frame), validation,
// Result envelope, no leaked stack traces, one handler per API function, typed event channels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_FUNCTIONS, channelOf } from '../../shared/contract/api.ts';
import type { AppServices } from '../services/app-services-types.ts';
import { isAppUrl } from './app-origin.ts';
import { createEventSender, createIpcRouter, registerIpcRoutes, type IpcMainLike } from './ipc-routes.ts';
import type { IpcEventLike } from './sender-check.ts';

const mainFrame = (url: string): IpcEventLike => ({ senderFrame: { url, parent: null } });

function fakeServices(calls: string[]): AppServices {
  const services = {} as Record<string, (request: unknown) => Promise<unknown>>;
  for (const name of API_FUNCTIONS) {
    services[name] = async (request) => {
      calls.push(`${name} ${JSON.stringify(request)}`);
      if (name === 'analyzeLog') throw new Error('ENOENT at C:\\secret\\stack.ts:12');
      return { echoed: request };
    };
  }
  return services as unknown as AppServices;
}

function setup() {
  const calls: string[] = [];
  const logs: string[] = [];
  const router = createIpcRouter({ services: fakeServices(calls), isAppUrl, log: (m) => void logs.push(m) });
  return { router, calls, logs };
}

test('a call from the app main frame is validated, dispatched and wrapped in ok()', async () => {
  const { router, calls } = setup();
  const result = await router.handle('parseSymptom', mainFrame('app://msi-doctor/index.html'), { text: '2503' });
  assert.deepEqual(result, { ok: true, value: { echoed: { text: '2503' } } });
  assert.deepEqual(calls, ['parseSymptom {"text":"2503"}']);
});

test('another origin, a sub-frame and a vanished frame are rejected before the service runs', async () => {
  const { router, calls, logs } = setup();
  const rejected: IpcEventLike[] = [
    mainFrame('https://evil.example/'),
    mainFrame('file:///C:/Users/x/Downloads/page.html'),
    mainFrame('app://other-host/index.html'),
    mainFrame('app://msi-doctor.evil.example/index.html'),
    mainFrame('http://127.0.0.1:5173/'),
    mainFrame('devtools://devtools/bundled/inspector.html'),
    { senderFrame: { url: 'app://msi-doctor/index.html', parent: { url: 'app://msi-doctor/index.html' } } },
    { senderFrame: null },
    { senderFrame: undefined },
  ];
  for (const event of rejected) {
    const result = await router.handle('getEnvironment', event, {});
    assert.deepEqual(result, {
      ok: false,
      error: { code: 'forbidden', message: 'This request did not come from the MSI Doctor window.' },
    });
  }
  assert.deepEqual(calls, []);
  assert.equal(logs.length, rejected.length);
  assert.match(logs[6]!, /sub-frame/);
  assert.match(logs[0]!, /foreign-origin/);
});

test('invalid payloads get invalid-input and never reach the service', async () => {
  const { router, calls } = setup();
  const app = mainFrame('app://msi-doctor/index.html');
  const cases: Array<[Parameters<typeof router.handle>[0], unknown]> = [
    ['parseSymptom', { text: 42 }],
    ['parseSymptom', 'raw string'],
    ['getLogLines', { path: '', from: 0, count: 10 }],
    ['getLogLines', { path: 'a.log', from: 0, count: 1_000_000 }],
    ['planRepair', { repair: 'format-c-drive', params: {} }],
    ['planRepair', { repair: 'wait-for-installer', params: { shell: 'rm -rf /' } }],
    ['cancelScan', { scanId: '../../etc' }],
    ['getEnvironment', { extra: true }],
  ];
  for (const [name, payload] of cases) {
    const result = await router.handle(name, app, payload);
    assert.equal(result.ok, false, `${name} ${JSON.stringify(payload)}`);
    assert.equal(!result.ok && result.error.code, 'invalid-input');
  }
  assert.deepEqual(calls, []);
});

test('an unexpected service error becomes a generic internal error without stack or paths', async () => {
  const { router, logs } = setup();
  const result = await router.handle('analyzeLog', mainFrame('app://msi-doctor/'), { path: 'x.log' });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.error.code, 'internal');
  assert.doesNotMatch(JSON.stringify(result), /secret|stack|ENOENT/);
  assert.ok(logs.some((l) => l.includes('analyzeLog failed')));
});

test('registerIpcRoutes adds exactly one handler per API function and removes them all', async () => {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      assert.ok(!handlers.has(channel), `duplicate handler ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const { router } = setup();
  const unregister = registerIpcRoutes(ipcMain, router);
  assert.deepEqual([...handlers.keys()].sort(), API_FUNCTIONS.map((n) => channelOf(n)).sort());
  const result = await handlers.get(channelOf('listSessions'))!(
    mainFrame('app://msi-doctor/index.html'),
    {},
    'ignored extra',
  );
  assert.deepEqual(result, { ok: true, value: { echoed: {} } });
  unregister();
  assert.equal(handlers.size, 0);
});

test('events go to the window on their typed channel, and are dropped when it is gone', () => {
  const sent: Array<[string, unknown]> = [];
  let destroyed = false;
  const emit = createEventSender(() => ({ isDestroyed: () => destroyed, send: (c, p) => void sent.push([c, p]) }));
  emit('filesOpened', { paths: ['C:\\x.log'] });
  destroyed = true;
  emit('menuCommand', { command: 'open-log' });
  assert.deepEqual(sent, [['msi-doctor:filesOpened', { paths: ['C:\\x.log'] }]]);
  createEventSender(() => null)('menuCommand', { command: 'start-over' });
});
