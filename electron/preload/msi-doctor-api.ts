// Builds window.msiDoctor from the contract: one named function per API function, plus on(event, listener).
// No channel names and no ipcRenderer reach the page; the Electron event object is dropped before listeners run.
import { API_EVENTS, API_FUNCTIONS, channelOf, type ApiEventName, type MsiDoctorApi } from '../../shared/contract/api.ts';
import type { Result } from '../../shared/contract/result.ts';

/** The slice of ipcRenderer used here (structural, so the surface is unit-tested with a fake). */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

const TRANSPORT_FAILURE: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'MSI Doctor could not reach its main process. Restart the app.' },
};

export function buildMsiDoctorApi(ipc: IpcRendererLike): MsiDoctorApi {
  const api: Record<string, unknown> = {};
  for (const name of API_FUNCTIONS) {
    api[name] = (request: unknown) => ipc.invoke(channelOf(name), request).catch(() => TRANSPORT_FAILURE);
  }
  api.on = (event: ApiEventName, listener: (payload: unknown) => void): (() => void) => {
    if (!(API_EVENTS as string[]).includes(event) || typeof listener !== 'function') return () => {};
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(channelOf(event), wrapped);
    return () => void ipc.removeListener(channelOf(event), wrapped);
  };
  return Object.freeze(api) as MsiDoctorApi;
}
