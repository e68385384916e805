// Builds window.msiDoctor from the contract: one named function per API function, plus on(event, listener).
// No channel names and no ipcRenderer reach the page; the Electron event object is dropped before listeners run.
import type { ApiEventName, ApiFunctionName, MsiDoctorApi } from '../../shared/contract/api.ts';
import type { Result } from '../../shared/contract/result.ts';

/** The slice of ipcRenderer used here (structural, so the surface is unit-tested with a fake). */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * The contract's names and channels. Passed in rather than imported so the sandboxed preload bundle does not
 * carry zod: the build computes this object from shared/contract/api.ts (build/scripts/build-electron.mjs).
 */
export interface ApiSurface {
  functions: readonly ApiFunctionName[];
  events: readonly ApiEventName[];
  channels: Readonly<Record<string, string>>;
}

const TRANSPORT_FAILURE: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'MSI Doctor could not reach its main process. Restart the app.' },
};

export function buildMsiDoctorApi(ipc: IpcRendererLike, surface: ApiSurface): MsiDoctorApi {
  const api: Record<string, unknown> = {};
  for (const name of surface.functions) {
    const channel = surface.channels[name]!;
    api[name] = (request: unknown) => ipc.invoke(channel, request).catch(() => TRANSPORT_FAILURE);
  }
  api.on = (event: ApiEventName, listener: (payload: unknown) => void): (() => void) => {
    if (!surface.events.includes(event) || typeof listener !== 'function') return () => {};
    const channel = surface.channels[event]!;
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(channel, wrapped);
    return () => void ipc.removeListener(channel, wrapped);
  };
  return Object.freeze(api) as MsiDoctorApi;
}
