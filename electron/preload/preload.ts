// The preload (sandboxed, context-isolated): exposes window.msiDoctor and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { buildMsiDoctorApi } from './msi-doctor-api.ts';

contextBridge.exposeInMainWorld('msiDoctor', buildMsiDoctorApi(ipcRenderer));
