// What the IPC router does with each call: one handler per API function; checks the sender frame, validates the
// payload with the contract's zod schema (dispatchApi), calls the facade and returns the Result envelope.
// Pure (no Electron import), so it is unit-tested with fake events; ipc-router.ts binds it to Electron's ipcMain.
import {
  API_FUNCTIONS,
  channelOf,
  type ApiEventName,
  type ApiEvents,
  type ApiFunctionName,
  type ApiResponses,
} from '../../shared/contract/api.ts';
import { fail, type Result } from '../../shared/contract/result.ts';
import { dispatchApi } from '../services/api-dispatch.ts';
import type { AppServices } from '../services/app-services-types.ts';
import { checkSender, type IpcEventLike } from './sender-check.ts';

export interface IpcRouterOptions {
  services: AppServices;
  isAppUrl: (url: string) => boolean;
  /** Rejected senders and unexpected errors go to the app log, never to the renderer. */
  log: (message: string, detail?: unknown) => void;
}

export interface IpcRouter {
  handle<N extends ApiFunctionName>(name: N, event: IpcEventLike, payload: unknown): Promise<Result<ApiResponses[N]>>;
}

export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  return {
    async handle(name, event, payload) {
      const verdict = checkSender(event, options.isAppUrl);
      if (!verdict.trusted) {
        options.log(`IPC ${name} rejected: ${verdict.reason} (${event.senderFrame?.url ?? 'no frame'})`);
        return fail('forbidden', 'This request did not come from the MSI Doctor window.');
      }
      return dispatchApi(options.services, name, payload, {
        logError: (fn, error) => options.log(`IPC ${fn} failed`, error),
      });
    },
  };
}

/** The slice of ipcMain the router uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Registers one handler per API function on `ipc` (Electron's ipcMain, or a fake); returns their remover. */
export function registerIpcRoutes(ipc: IpcMainLike, router: IpcRouter): () => void {
  for (const name of API_FUNCTIONS) {
    // Only the first argument is the request; extra arguments from a tampered renderer are ignored.
    ipc.handle(channelOf(name), (event, payload) => router.handle(name, event, payload));
  }
  return () => {
    for (const name of API_FUNCTIONS) ipc.removeHandler(channelOf(name));
  };
}

/** The slice of WebContents used to push events. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** main -> renderer events on typed channels; dropped when no window is there to receive them. */
export function createEventSender(target: () => EventTarget | null) {
  return <E extends ApiEventName>(event: E, payload: ApiEvents[E]): void => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(channelOf(event), payload);
  };
}
