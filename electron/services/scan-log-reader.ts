// Log files named in a scan: read from the simulated machine's disk when it has them, else streamed from the host disk.
import { Readable } from 'node:stream';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import { analyzeLogFile, analyzeLogStream } from './log-file-analyzer.ts';

/** The simulated machine's disk (C:\Users\...\MSI1234.LOG lives there, not on the host). */
export interface LogSource {
  readFile(path: string): Uint8Array | null;
}

export async function analyzeLogPath(path: string, source?: LogSource): Promise<LogAnalysis> {
  const simulated = source?.readFile(path);
  if (simulated) return analyzeLogStream(Readable.from([Buffer.from(simulated)]), path);
  return analyzeLogFile(path);
}
