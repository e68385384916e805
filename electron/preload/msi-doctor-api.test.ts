// Tests of the preload surface with a fake contextBridge/ipcRenderer: exactly the API's functions + on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_EVENTS, API_FUNCTIONS } from '../../shared/contract/api-names.ts';
import { buildMsiDoctorApi, type IpcRendererLike } from './msi-doctor-api.ts';

type Listener = (event: unknown, payload: unknown) => void;

function fakeIpc() {
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      if (channel.endsWith('analyzeLog')) throw new Error('Error invoking remote method: boom');
      return { ok: true, value: channel };
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
  };
  const fire = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-event-object', ports: [] }, payload);
  };
  return { ipc, invoked, listeners, fire };
}

test('exposes exactly the contract functions plus on, through a fake contextBridge', () => {
  const exposed: Record<string, unknown> = {};
  const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) };
  contextBridge.exposeInMainWorld('msiDoctor', buildMsiDoctorApi(fakeIpc().ipc));
  assert.deepEqual(Object.keys(exposed), ['msiDoctor']);
  const api = exposed.msiDoctor as Record<string, unknown>;
  assert.deepEqual(Object.keys(api).sort(), [...API_FUNCTIONS, 'on'].sort());
  for (const key of Object.keys(api)) assert.equal(typeof api[key], 'function', key);
  assert.ok(Object.isFrozen(api));
  assert.ok(!('invoke' in api) && !('send' in api) && !('ipcRenderer' in api));
  // Nothing exposes a channel name.
  assert.doesNotMatch(JSON.stringify(Object.keys(api)), /msi-doctor:/);
});

test('each function invokes its own channel with the request and returns the Result', async () => {
  const { ipc, invoked } = fakeIpc();
  const api = buildMsiDoctorApi(ipc);
  assert.deepEqual(await api.parseSymptom({ text: '1618' }), { ok: true, value: 'msi-doctor:parseSymptom' });
  assert.deepEqual(invoked, [['msi-doctor:parseSymptom', { text: '1618' }]]);
  const failed = await api.analyzeLog({ path: 'x.log' });
  assert.equal(failed.ok, false);
  assert.doesNotMatch(JSON.stringify(failed), /boom|remote method/);
});

test('on() delivers only the payload and returns a working unsubscribe', () => {
  const { ipc, listeners, fire } = fakeIpc();
  const api = buildMsiDoctorApi(ipc);
  const received: unknown[][] = [];
  const off = api.on('scanProgress', (...args: unknown[]) => void received.push(args));
  fire('msi-doctor:scanProgress', { scanId: 's1' });
  assert.deepEqual(received, [[{ scanId: 's1' }]], 'the Electron event object never reaches the listener');
  off();
  fire('msi-doctor:scanProgress', { scanId: 's2' });
  assert.equal(received.length, 1);
  assert.equal(listeners.get('msi-doctor:scanProgress')?.size, 0);
  for (const event of API_EVENTS) assert.equal(typeof api.on(event, () => {}), 'function');
  // Unknown events subscribe to nothing.
  const none = (api.on as (e: string, l: () => void) => () => void)('msi-doctor:anything', () => {});
  none();
  assert.ok(![...listeners.keys()].some((k) => k.includes('anything')));
});
