// Log files named in a scan: read from the simulated machine's disk when it has them, else streamed from the host disk;
// analyzed in a worker thread (log-analysis-thread.ts) so the window and the preview server never wait on a log.
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import { analyzeLogOffThread } from './log-analysis-thread.ts';

/** The simulated machine's disk (C:\Users\...\MSI1234.LOG lives there, not on the host). */
export interface LogSource {
  readFile(path: string): Uint8Array | null;
}

export async function analyzeLogPath(path: string, source?: LogSource): Promise<LogAnalysis> {
  const simulated = source?.readFile(path);
  if (simulated) return analyzeLogOffThread({ path, bytes: simulated });
  return analyzeLogOffThread({ path });
}
