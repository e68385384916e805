// The IPC router, the ONLY user of ipcMain (ESLint enforces it): binds the routes of ipc-routes.ts, one handler per
// API function with its sender check and validation, to Electron's ipcMain.
import { ipcMain } from 'electron';
import { createIpcRouter, registerIpcRoutes, type IpcRouterOptions } from './ipc-routes.ts';

/** Starts answering the renderer's API calls; returns a function that removes every handler. */
export function installIpcRouter(options: IpcRouterOptions): () => void {
  return registerIpcRoutes(ipcMain, createIpcRouter(options));
}
