// Fills recent-logs evidence with the log analyzer's verdict: reads each log through a CommandRunner (so it works on
// real and simulated machines, elevated for C:\Windows\Temp) and runs shared/msilog on the bytes.
import type { RecentLogsData } from '../../../shared/contract/evidence-data.ts';
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import { analyzeBytes } from '../../../shared/msilog/index.ts';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { logReadCommand, MAX_LOG_READ_BYTES, parseLogRead } from './recent-logs.ts';

export interface RecentLogAnalysisOptions {
  /** Analyze at most this many of the newest logs (default 3). */
  limit?: number;
  maxBytes?: number;
  /** The analyzer to use (the app's runs in a worker thread); in-process by default. */
  analyze?: (bytes: Uint8Array, path: string) => Promise<LogAnalysis>;
}

const inProcess = (bytes: Uint8Array, path: string): Promise<LogAnalysis> =>
  Promise.resolve(analyzeBytes(bytes, path).analysis);

export interface RecentLogAnalysisResult {
  data: RecentLogsData;
  analyses: LogAnalysis[];
  errors: Array<{ path: string; message: string }>;
}

export function summarizeAnalysis(a: LogAnalysis): NonNullable<RecentLogsData['logs'][number]['analysis']> {
  return {
    outcome: a.outcome,
    exitCode: a.exitCode,
    primaryError: a.primaryError,
    product: a.product.name,
    causes: a.causes.map((c) => c.id),
  };
}

/** `run` is the runner that may read the log (the elevated batch's for C:\Windows\Temp). Never throws. */
export async function analyzeRecentLogs(
  data: RecentLogsData,
  run: (spec: CommandSpec) => Promise<CommandOutput>,
  options: RecentLogAnalysisOptions = {},
): Promise<RecentLogAnalysisResult> {
  const limit = options.limit ?? 3;
  const analyses: LogAnalysis[] = [];
  const errors: RecentLogAnalysisResult['errors'] = [];
  const logs = [...data.logs];
  for (let i = 0; i < Math.min(limit, logs.length); i++) {
    const log = logs[i]!;
    try {
      const read = parseLogRead(await run(logReadCommand(log.path, options.maxBytes ?? MAX_LOG_READ_BYTES)));
      if (!read.ok) {
        errors.push({ path: log.path, message: read.error });
        continue;
      }
      const analysis = await (options.analyze ?? inProcess)(read.value.bytes, log.path);
      analyses.push(analysis);
      logs[i] = { ...log, analysis: summarizeAnalysis(analysis) };
    } catch (error) {
      errors.push({ path: log.path, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { data: { ...data, logs }, analyses, errors };
}
