// Builds window.msiDoctor from the API's name list: one named function per API function, plus on(event, listener).
// No channel names and no ipcRenderer reach the page; the Electron event object is dropped before listeners run.
// Only the zod-free name list is imported as values (types are erased), so the sandboxed preload bundle stays small.
import {
  apiFunctionsFrom,
  channelOf,
  isApiEventName,
  type ApiEventName,
  type ApiFunctionName,
} from '../../shared/contract/api-names.ts';
import type { ApiEvents, ApiFunction, ApiResponses, MsiDoctorApi } from '../../shared/contract/api.ts';
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

/** The function for one API name: invokes its channel; main's IPC router answers with that function's Result. */
function invoker<N extends ApiFunctionName>(ipc: IpcRendererLike, name: N): ApiFunction<N> {
  const channel = channelOf(name);
  return (request) =>
    ipc.invoke(channel, request).then(
      (answer) => answer as Result<ApiResponses[N]>, // the router's envelope: validated there, typed by the contract
      () => TRANSPORT_FAILURE,
    );
}

export function buildMsiDoctorApi(ipc: IpcRendererLike): MsiDoctorApi {
  const on = <E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): (() => void) => {
    if (!isApiEventName(event) || typeof listener !== 'function') return () => {};
    const channel = channelOf(event);
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload as ApiEvents[E]);
    ipc.on(channel, wrapped);
    return () => void ipc.removeListener(channel, wrapped);
  };
  return Object.freeze({ ...apiFunctionsFrom((name) => invoker(ipc, name)), on });
}
