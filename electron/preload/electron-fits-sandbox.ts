// Type-only check (electron/tsconfig.json, with Electron's real types): Electron's contextBridge and ipcRenderer fit
// the slice the preload is type-checked against without Node (sandboxed-electron.d.ts), so the two cannot drift.
import type { contextBridge, ipcRenderer } from 'electron';
import type { SandboxedContextBridge, SandboxedIpcRenderer } from './sandboxed-electron.d.ts';

type Fits<Slice, Real extends Slice> = Real;
export type ElectronFitsSandbox = [
  Fits<SandboxedContextBridge, typeof contextBridge>,
  Fits<SandboxedIpcRenderer, typeof ipcRenderer>,
];
