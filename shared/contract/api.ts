// The renderer<->main API (window.msiDoctor): every function's name, request schema and response type, and the events.
// Both transports implement exactly this: Electron IPC (electron/main router + preload) and the browser preview server.
import { z } from 'zod';
import type { Result } from './result.ts';
import { CAUSE_IDS, LANGS, REPAIR_IDS } from './ids.ts';
import { scanRequestSchema, type EnvironmentInfo, type ScanProgress } from './scan.ts';
import type { JournalSummary, RepairOutcome, RepairPlan } from './repair.ts';
import type { SessionRecord, SessionSummary } from './session.ts';
import type { ParsedSymptom } from './symptom.ts';
import type { LogAnalysis } from './log-analysis.ts';
import type { AskedRun } from './evidence-data.ts';
import type { ApiEventName, ApiFunctionName } from './api-names.ts';

export type { SessionRecord, SessionSummary } from './session.ts';
export { API_EVENTS, API_FUNCTIONS, channelOf, type ApiEventName, type ApiFunctionName } from './api-names.ts';

const pathSchema = z.string().min(1).max(32_767);
const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/);

/** Request schemas, one per API function. The router validates every payload against these. */
export const apiRequestSchemas = {
  getEnvironment: z.object({}).strict(),
  listScenarios: z.object({}).strict(),
  selectScenario: z.object({ name: idSchema }).strict(),
  parseSymptom: z.object({ text: z.string().max(20_000) }).strict(),
  /** Browser preview only: upload a dropped file; Electron passes real paths instead. */
  importFile: z.object({ name: z.string().min(1).max(260), base64: z.string().max(700_000_000) }).strict(),
  analyzeLog: z.object({ path: pathSchema }).strict(),
  getLogLines: z
    .object({ path: pathSchema, from: z.number().int().min(0), count: z.number().int().min(1).max(5000) })
    .strict(),
  searchLog: z
    .object({ path: pathSchema, query: z.string().min(1).max(500), limit: z.number().int().min(1).max(10_000) })
    .strict(),
  startScan: scanRequestSchema.strict(),
  cancelScan: z.object({ scanId: idSchema }).strict(),
  /** The main process plans from the scan's findings: the renderer names the cause and the repair, never parameters. */
  planRepair: z
    .object({
      scanId: idSchema,
      cause: z.enum(CAUSE_IDS),
      repair: z.enum(REPAIR_IDS),
      /** What the user chose in the plan itself: when to restart. */
      options: z
        .object({ restartInMinutes: z.number().int().min(0).max(1440).optional() })
        .strict()
        .default({}),
    })
    .strict(),
  /** How step 5 checks the session: a logged, elevated retry of the .msi when there is one, else a rescan. */
  planVerification: z.object({ sessionId: idSchema }).strict(),
  /**
   * Step 5, only when the user asks: run one program (an absolute path to an .exe) with --version or /?, unelevated,
   * from the registry's current environment. The main process validates the path (electron/services/asked-run.ts).
   */
  runKeyFile: z.object({ program: z.string().min(1).max(300), argument: z.enum(['version', 'help']) }).strict(),
  runRepair: z.object({ planId: idSchema, confirmations: z.array(z.string().max(100)).max(20) }).strict(),
  cancelRepair: z.object({ planId: idSchema }).strict(),
  undoRepair: z.object({ journalId: idSchema }).strict(),
  listJournals: z.object({}).strict(),
  previewRedaction: z.object({ sessionId: idSchema }).strict(),
  exportReport: z
    .object({
      sessionId: idSchema,
      format: z.enum(['html', 'json', 'zip']),
      redact: z.boolean(),
      lang: z.enum(LANGS),
      /** Electron: chosen in a save dialog by main; preview: ignored (the server returns a download URL). */
      suggestedName: z.string().max(260).optional(),
    })
    .strict(),
  listSessions: z.object({}).strict(),
  getSession: z.object({ sessionId: idSchema }).strict(),
  /** The session of this app run, with a repair still running; after a restart, the session it resumed. */
  getActiveSession: z.object({}).strict(),
  /** Start over: the session is kept in the history and never resumed. */
  endSession: z.object({ sessionId: idSchema }).strict(),
  openExternal: z.object({ url: z.string().url().max(2000) }).strict(),
  pickFile: z.object({ kind: z.enum(['log', 'msi']) }).strict(),
} as const satisfies Record<ApiFunctionName, z.ZodType>;
export type ApiRequest<N extends ApiFunctionName> = z.input<(typeof apiRequestSchemas)[N]>;

export interface ScenarioInfo {
  name: string;
  /** In both languages; an empty zh-CN (a user's own English-only scenario file) falls back to English. */
  title: { en: string; 'zh-CN': string };
  description: { en: string; 'zh-CN': string };
  /** What the scenario's user typed, and the .msi / logs on its simulated disk (for demos and e2e walks). */
  symptom?: string;
  msiPath?: string | null;
  logPaths?: string[];
}
export interface LogLines {
  /** 0-based index of lines[0]: the analyzer's 1-based line N is index N - 1. */
  from: number;
  lines: string[];
  total: number | null;
}
export interface RedactionPreview {
  items: Array<{ kind: string; placeholder: string; sample: string; count: number }>;
}
export interface ExportedReport {
  /** Electron: the saved file path; preview: a URL path on the preview server. */
  location: string;
  bytes: number;
}
/** Step 5: what checks the fix. */
export type VerificationPlan = { mode: 'rescan' } | { mode: 'retry-install'; plan: RepairPlan };
export interface PickedFile {
  path: string;
  name: string;
}

/** Response type of each API function. */
export interface ApiResponses {
  getEnvironment: EnvironmentInfo & { appVersion: string; platform: string; lang: (typeof LANGS)[number] };
  listScenarios: ScenarioInfo[];
  selectScenario: EnvironmentInfo;
  parseSymptom: ParsedSymptom;
  importFile: PickedFile;
  analyzeLog: LogAnalysis;
  getLogLines: LogLines;
  /** matches: 0-based line indexes (as getLogLines' from), at most `limit`. */
  searchLog: { matches: number[]; truncated: boolean };
  /** The session record after the scan: a new session, a refined diagnosis, or a check added to it. */
  startScan: SessionRecord;
  cancelScan: { cancelled: boolean };
  planRepair: RepairPlan;
  planVerification: VerificationPlan;
  runKeyFile: AskedRun;
  runRepair: RepairOutcome;
  cancelRepair: { cancelled: boolean };
  undoRepair: RepairOutcome;
  listJournals: JournalSummary[];
  previewRedaction: RedactionPreview;
  exportReport: ExportedReport;
  listSessions: SessionSummary[];
  getSession: SessionRecord;
  getActiveSession: SessionRecord | null;
  endSession: { ended: boolean };
  openExternal: { opened: boolean };
  pickFile: PickedFile | null;
}

/** Events main -> renderer. */
export interface ApiEvents {
  scanProgress: ScanProgress;
  repairProgress: {
    planId: string;
    stepId: string;
    phase: 'started' | 'finished';
    status?: string;
    countdownSeconds?: number;
  };
  /** Files handed to the app by double-click, drag onto the icon, command line or the File menu. */
  filesOpened: { paths: string[] };
  /** The session record changed (a scan, a repair started or ended, an undo, a resume): the wizard shows it. */
  sessionChanged: SessionRecord;
  /** App menu commands the wizard handles ('export-report', 'open-log', 'open-msi'). */
  menuCommand: { command: 'export-report' | 'open-log' | 'open-msi' | 'start-over' };
}

/** tsc fails here when ApiResponses or ApiEvents lack a name of api-names.ts or have one it does not list. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type MustBeTrue<T extends true> = T;
export type ApiTypesMatchNames = MustBeTrue<
  SameKeys<keyof ApiResponses, ApiFunctionName> & SameKeys<keyof ApiEvents, ApiEventName>
>;

/** One API function: its request in, its Result out. */
export type ApiFunction<N extends ApiFunctionName> = (request: ApiRequest<N>) => Promise<Result<ApiResponses[N]>>;

/** One async function per API function. */
export type ApiFunctions = { [N in ApiFunctionName]: ApiFunction<N> };

/** What window.msiDoctor looks like: the API functions, and one subscribe function for the events. */
export type MsiDoctorApi = ApiFunctions & {
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};
