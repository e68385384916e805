// The renderer's only door to the back end: window.msiDoctor in Electron, or the preview server over HTTP + WebSocket.
import {
  apiFunctionsFrom,
  isApiEventName,
  type ApiEventName,
  type ApiFunctionName,
} from '../../../shared/contract/api-names.ts';
import type { ApiEvents, ApiFunction, ApiResponses, MsiDoctorApi, PickedFile } from '../../../shared/contract/api.ts';
import type { Result } from '../../../shared/contract/result.ts';

declare global {
  interface Window {
    msiDoctor?: MsiDoctorApi;
  }
}

export type BridgeKind = 'electron' | 'preview';
/** Sends a file's bytes as they are read (the preview's POST /upload): no base64, no copy of the file in memory. */
export type FileUploader = (name: string, body: Blob) => Promise<Result<PickedFile>>;
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

  const call = (name: ApiFunctionName, request: unknown) =>
    post(`${origin}/api/${name}`, 'application/json', JSON.stringify(request ?? {}));

  const on = <E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    connect();
    return () => void set.delete(listener as Listener);
  };
  return { ...apiFunctionsFrom(caller), on };
}

/** One POST to the preview server, answered with a Result envelope (also for 4xx/5xx answers). */
async function post(url: string, type: string, body: string | Blob): Promise<Result<unknown>> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
    const answer = (await response.json()) as Result<unknown>;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return {
      ok: false,
      error: { code: 'internal', message: `Unexpected answer from the preview server (${response.status}).` },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'unavailable', message: `The preview server cannot be reached: ${message}` } };
  }
}

/** The preview server's upload: the browser streams the Blob from disk as the request body. */
export function createHttpUploader(origin: string): FileUploader {
  return (name, body) =>
    post(`${origin}/upload?name=${encodeURIComponent(name)}`, 'application/octet-stream', body) as Promise<
      Result<PickedFile>
    >;
}

/** Electron's preload API when present, otherwise the preview server this page was served from (and its upload). */
export function getBridge(): { api: MsiDoctorApi; kind: BridgeKind; upload?: FileUploader } {
  if (typeof window !== 'undefined' && window.msiDoctor) return { api: window.msiDoctor, kind: 'electron' };
  const origin = window.location.origin;
  return { api: createHttpBridge(origin), kind: 'preview', upload: createHttpUploader(origin) };
}
