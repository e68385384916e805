// The preload (sandboxed, context-isolated): exposes window.msiDoctor and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildMsiDoctorApi, type ApiSurface } from './msi-doctor-api.ts';

/** Injected by build/scripts/build-electron.mjs from shared/contract/api.ts (see api-surface.ts). */
declare const __MSI_DOCTOR_API_SURFACE__: ApiSurface;

contextBridge.exposeInMainWorld('msiDoctor', buildMsiDoctorApi(ipcRenderer, __MSI_DOCTOR_API_SURFACE__));
