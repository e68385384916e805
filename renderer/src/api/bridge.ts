// The renderer's only door to the back end: window.msiDoctor in Electron, or the preview server over HTTP + WebSocket.
import type { ApiEventName, ApiEvents, ApiFunctionName, MsiDoctorApi } from '../../../shared/contract/api.ts';
import type { Result } from '../../../shared/contract/result.ts';

declare global {
  interface Window {
    msiDoctor?: MsiDoctorApi;
  }
}

/** The API function names, kept here as values so the renderer bundle never pulls in zod for the schemas. */
export const API_FUNCTION_NAMES = [
  'getEnvironment',
  'listScenarios',
  'selectScenario',
  'parseSymptom',
  'importFile',
  'analyzeLog',
  'getLogLines',
  'searchLog',
  'startScan',
  'cancelScan',
  'planRepair',
  'runRepair',
  'cancelRepair',
  'undoRepair',
  'listJournals',
  'previewRedaction',
  'exportReport',
  'listSessions',
  'getSession',
  'openExternal',
  'pickFile',
] as const satisfies readonly ApiFunctionName[];

/** The event names, as values for the same reason. */
export const API_EVENT_NAMES = [
  'scanProgress',
  'repairProgress',
  'filesOpened',
  'menuCommand',
] as const satisfies readonly ApiEventName[];

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
      const name = parsed.event as ApiEventName;
      if (!(API_EVENT_NAMES as readonly string[]).includes(name)) return;
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

  const api: Record<string, unknown> = {};
  for (const name of API_FUNCTION_NAMES) api[name] = (request: unknown) => call(name, request);
  api.on = <E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    connect();
    return () => set.delete(listener as Listener);
  };
  return api as unknown as MsiDoctorApi;
}

/** Electron's preload API when present, otherwise the preview server this page was served from. */
export function getBridge(): { api: MsiDoctorApi; kind: BridgeKind } {
  if (typeof window !== 'undefined' && window.msiDoctor) return { api: window.msiDoctor, kind: 'electron' };
  return { api: createHttpBridge(window.location.origin), kind: 'preview' };
}
