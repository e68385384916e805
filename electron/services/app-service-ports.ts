// The ports the app services facade composes: what it needs from the system layer, analyzer, diagnosis, repairs
// and reports. app-service-deps.ts binds them to the real modules; tests bind them to fakes.
import type { ScenarioInfo, RedactionPreview } from '../../shared/contract/api.ts';
import type { Lang } from '../../shared/contract/ids.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { JournalSummary, RepairOutcome, RepairParams, RepairPlan } from '../../shared/contract/repair.ts';
import type { RepairId } from '../../shared/contract/ids.ts';
import type { EnvironmentInfo, ScanProgress, ScanRequest, ScanResult } from '../../shared/contract/scan.ts';
import type { Evidence } from '../../shared/contract/evidence.ts';
import type { SessionRecord } from '../../shared/contract/session.ts';
import type { ParsedSymptom } from '../../shared/contract/symptom.ts';
import type { ApiEvents } from '../../shared/contract/api.ts';
import type { AskedRun } from '../../shared/contract/evidence-data.ts';
import type { AskedArgument } from '../system/probes/path-environment.ts';

/** One machine to work on: real Windows or a simulated scenario. */
export interface MachinePort {
  environment: EnvironmentInfo;
  scan(
    request: ScanRequest,
    options: { scanId: string; signal: AbortSignal; onProgress: (progress: ScanProgress) => void },
  ): Promise<ScanResult>;
  /** Analyzes a log: on the simulated machine its logs live on the simulated disk, else on the host. */
  analyzeLog(path: string): Promise<LogAnalysis>;
  /** A host path the line viewer can read for this log (simulated-disk logs are copied out once). */
  localCopy(path: string): Promise<string>;
  /** A file of the machine's own disk that is not on the host (the simulated machine's logs), else null. */
  readFile?(path: string): Uint8Array | null;
  repairs: RepairPort;
  /**
   * Runs one program the user asked for (wizard step 5), checked first (absolute path to an .exe that exists on this
   * machine; else an 'invalid-input' ServiceError), through the CLI's asked-run probe.
   */
  runKeyFile(program: string, argument: AskedArgument): Promise<AskedRun>;
}

/** The machine's repairs. The repair service is the one owner of plans and running repairs: the facade keeps none. */
export interface RepairPort {
  /** Plans from a scan's evidence, for a session (recorded in the journal). */
  plan(
    repair: RepairId,
    params: RepairParams,
    from: { evidence: Evidence[]; sessionId: string | null },
  ): Promise<RepairPlan>;
  /** Runs a plan shown before, once (unknown or already run: a 'not-found' error). */
  run(
    planId: string,
    options: { confirmations: string[]; onProgress: (progress: ApiEvents['repairProgress']) => void },
  ): Promise<RepairOutcome>;
  cancel(planId: string): { cancelled: boolean };
  /** A repair is running (the machine must not be switched). */
  isRunning(): boolean;
  undo(journalId: string): Promise<RepairOutcome>;
  listJournals(): Promise<JournalSummary[]>;
}

export interface ReportPort {
  /** What will be redacted, including in the app log attached to ZIPs. */
  previewRedaction(
    session: SessionRecord,
    options: {
      appLogPath: string | null;
      logPaths?: string[];
      readExternal?: (path: string) => Uint8Array | null;
    },
  ): Promise<RedactionPreview>;
  /** The report of a session, built from its record (only its own repairs and journals). */
  export(
    session: SessionRecord,
    options: {
      format: 'html' | 'json' | 'zip';
      redact: boolean;
      lang: Lang;
      outPath: string;
      appLogPath: string | null;
      /** Logs beyond the first scan's: later scans' and the repairs' install logs. */
      logPaths?: string[];
      /** Reads the logs the scan found on the machine's own disk (simulated machines), so the ZIP includes them. */
      readExternal?: (path: string) => Uint8Array | null;
    },
  ): Promise<{ bytes: number }>;
}

export interface AppServiceDeps {
  openMachine(options: {
    platform: NodeJS.Platform;
    simulate?: string;
    scenarioFile?: string;
    dataDir: string;
  }): Promise<MachinePort>;
  listScenarios(): Promise<ScenarioInfo[]>;
  parseSymptom(text: string): ParsedSymptom;
  reports: ReportPort;
}
