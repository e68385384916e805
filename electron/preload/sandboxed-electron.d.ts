// What a sandboxed preload gets from 'electron', typed without Node. Electron's own electron.d.ts references Node's
// types, so electron/preload/tsconfig.json maps 'electron' to this file; electron-fits-sandbox.ts, checked against
// Electron's real types, proves its contextBridge and ipcRenderer fit these declarations.
export interface SandboxedContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}
export interface SandboxedIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}
export declare const contextBridge: SandboxedContextBridge;
export declare const ipcRenderer: SandboxedIpcRenderer;
