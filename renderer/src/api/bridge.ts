// The renderer's only door to the back end: window.msiDoctor in Electron, or the preview server over HTTP + WebSocket.
import {
  apiFunctionsFrom,
  isApiEventName,
  type ApiEventName,
  type ApiFunctionName,
} from '../../../shared/contract/api-names.ts';
import type { ApiEvents, ApiFunction, ApiResponses, MsiDoctorApi } from '../../../shared/contract/api.ts';
import type { Result } from '../../../shared/contract/result.ts';

declare global {
  interface Window {
    msiDoctor?: MsiDoctorApi;
  }
}

export type BridgeKind = 'electron' | 'preview';
type Listener = (payload: unknown) => void;

/** An MsiDoctorApi over the preview server: POST /api/<fn> with JSON, events on the /events WebSocket. */
export function createHttpBridge(origin: string): MsiDoctorApi {
  const listeners = new Map<ApiEventName, Set<Listener>>();
  let socket: WebSocket | null = null;

  function connect(): void {
    if (socket) return;
    const url = origin.replace(/^http/, 'ws') + '/events';
    socket = new WebSocket(url);
    socket.addEventListener('message', (message) => {
      let parsed: { event?: string; payload?: unknown };
      try {
        parsed = JSON.parse(String(message.data)) as { event?: string; payload?: unknown };
      } catch {
        return; // not ours; the server only sends JSON
      }
      const name = parsed.event;
      if (typeof name !== 'string' || !isApiEventName(name)) return;
      for (const listener of listeners.get(name) ?? []) listener(parsed.payload);
    });
    // The preview server may restart while a page is open: reconnect quietly.
    socket.addEventListener('close', () => {
      socket = null;
      setTimeout(() => {
        if ([...listeners.values()].some((set) => set.size > 0)) connect();
      }, 1000);
    });
  }

  /** The server answers with the function's Result envelope (validated and typed by the contract there). */
  const caller =
    <N extends ApiFunctionName>(name: N): ApiFunction<N> =>
    (request) =>
      call(name, request) as Promise<Result<ApiResponses[N]>>;

  async function call(name: ApiFunctionName, request: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
      });
      const body = (await response.json()) as Result<unknown>;
      if (body && typeof body === 'object' && 'ok' in body) return body;
      return {
        ok: false,
        error: { code: 'internal', message: `Unexpected answer from the preview server (${response.status}).` },
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'unavailable', message: `The preview server cannot be reached: ${message}` } };
    }
  }

  const on = <E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    connect();
    return () => void set.delete(listener as Listener);
  };
  return { ...apiFunctionsFrom(caller), on };
}

/** Electron's preload API when present, otherwise the preview server this page was served from. */
export function getBridge(): { api: MsiDoctorApi; kind: BridgeKind } {
  if (typeof window !== 'undefined' && window.msiDoctor) return { api: window.msiDoctor, kind: 'electron' };
  return { api: createHttpBridge(window.location.origin), kind: 'preview' };
}
