// The files a scan itself read or found (analyzed logs, logs in %TEMP%, deployment-tool logs, the .msi): the wizard may open them afterwards.
import { probeData } from '../../shared/contract/evidence.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';

export function pathsOfScan(scan: ScanResult): string[] {
  const paths = scan.logs.map((log) => log.file);
  for (const log of probeData(scan.evidence, 'recent-logs')?.logs ?? []) paths.push(log.path);
  for (const log of probeData(scan.evidence, 'deployment-logs')?.logs ?? []) paths.push(log.path);
  return paths;
}
