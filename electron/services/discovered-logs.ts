// Analyzes the newest MSI logs the recent-logs probe found, so a scan without --log still reads the failed install's log.
import { findEvidence, type Evidence } from '../../shared/contract/evidence.ts';
import type { ProbeId } from '../../shared/contract/ids.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import { analyzeRecentLogs } from '../system/probes/recent-log-analysis.ts';
import type { CommandRunner } from '../system/run/command-runner.ts';
import { analyzeLogOffThread } from './log-analysis-thread.ts';

/** Logs older than this are history, not the install the user is asking about. */
const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_LOGS = 3;

export interface DiscoveredLogs {
  /** Analyses of discovered logs whose install failed: diagnosis weighs them like logs the user gave. */
  logs: LogAnalysis[];
  errors: Array<{ file: string; message: string }>;
}

/**
 * Reads up to three logs modified in the last 24 hours through the unelevated runner (the user's own %TEMP%;
 * C:\Windows\Temp is usually unreadable unelevated and then only reported), writes each short verdict back into the
 * recent-logs evidence and returns the failed ones. Never throws: a log that cannot be read becomes an error entry.
 */
export async function analyzeDiscoveredLogs(
  evidence: Map<ProbeId, Evidence>,
  runner: CommandRunner,
  now: Date,
  userLogPaths: readonly string[],
): Promise<DiscoveredLogs> {
  const item = findEvidence([...evidence.values()], 'recent-logs');
  if (!item || item.data === null) return { logs: [], errors: [] };
  const data = item.data;
  const given = new Set(userLogPaths.map((p) => p.toLowerCase()));
  const fresh = data.logs.filter(
    (log) =>
      log.analysis === null &&
      !given.has(log.path.toLowerCase()) &&
      now.getTime() - Date.parse(log.modified) <= RECENT_WINDOW_MS,
  );
  if (fresh.length === 0) return { logs: [], errors: [] };
  try {
    const result = await analyzeRecentLogs({ ...data, logs: fresh }, (spec) => runner.run(spec), {
      limit: MAX_LOGS,
      // In a worker thread: the window stays responsive whatever the log holds.
      analyze: (bytes, path) => analyzeLogOffThread({ path, bytes }),
    });
    const byPath = new Map(result.data.logs.map((log) => [log.path, log]));
    evidence.set('recent-logs', {
      ...item,
      data: { ...data, logs: data.logs.map((log) => byPath.get(log.path) ?? log) },
    });
    return {
      logs: result.analyses.filter((a) => a.outcome === 'failure'),
      errors: result.errors.map((e) => ({ file: e.path, message: e.message })),
    };
  } catch (error) {
    return {
      logs: [],
      errors: [{ file: 'recent-logs', message: error instanceof Error ? error.message : String(error) }],
    };
  }
}
