// The shape of the app services facade: one async function per API function, taking the already-validated request.
import type { z } from 'zod';
import type {
  apiRequestSchemas,
  ApiEventName,
  ApiEvents,
  ApiFunctionName,
  ApiResponses,
  PickedFile,
} from '../../shared/contract/api.ts';
import type { Lang } from '../../shared/contract/ids.ts';
import type { ReadablePaths } from './readable-paths.ts';

/** A request after zod parsing (defaults filled in), which is what services receive. */
export type ApiParsedRequest<N extends ApiFunctionName> = z.output<(typeof apiRequestSchemas)[N]>;

export type AppServices = {
  [N in ApiFunctionName]: (request: ApiParsedRequest<N>) => Promise<ApiResponses[N]>;
};

export type EmitEvent = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

/** What only the host can do: Electron shows dialogs and opens the browser; the preview server cannot. */
export interface HostHooks {
  /** Native open dialog; absent in the preview (the renderer uploads through importFile instead). */
  pickFile?: (kind: 'log' | 'msi') => Promise<PickedFile | null>;
  /** Opens an allowlisted documentation URL; absent in the preview (the page opens links itself). */
  openExternal?: (url: string) => Promise<void>;
  /** Native save dialog for reports; returns null when the user cancels. Absent: reports go to dataDir/reports/. */
  chooseReportPath?: (suggestedName: string) => Promise<string | null>;
}

export interface AppServicesOptions {
  platform: NodeJS.Platform;
  /** The app's data folder: sessions/, imports/, journals and backups, reports/ (preview). */
  dataDir: string;
  /** Built-in scenario name: forces the simulated machine (also on Windows). */
  simulate?: string;
  /** Scenario JSON file: forces the simulated machine. */
  scenarioFile?: string;
  emit: EmitEvent;
  appVersion?: string;
  /** The app's own executable on Windows (packaged): a restart repair registers a one-time resume of it. */
  appPath?: string;
  lang?: Lang;
  /** The app's own log file, attached (redacted) to ZIP reports. */
  appLogPath?: string;
  host?: HostHooks;
  /**
   * Files the renderer may read. The host keeps a reference to grant what the user hands to the app outside the
   * renderer (double-click, command line); the facade adds picked, imported and scan-found files itself.
   */
  readablePaths?: ReadablePaths;
}
