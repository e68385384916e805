// The files a scan itself read or found (analyzed logs, logs in %TEMP%, deployment-tool logs, the .msi): the wizard may open them afterwards.
import { readEvidenceData } from '../../shared/contract/evidence-data.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';

export function pathsOfScan(scan: ScanResult): string[] {
  const paths = scan.logs.map((log) => log.file);
  const recent = scan.evidence.find((e) => e.probe === 'recent-logs');
  const data = recent ? readEvidenceData('recent-logs', recent.data) : null;
  for (const log of data?.logs ?? []) paths.push(log.path);
  const deploy = scan.evidence.find((e) => e.probe === 'deployment-logs');
  const deployData = deploy ? readEvidenceData('deployment-logs', deploy.data) : null;
  for (const log of deployData?.logs ?? []) paths.push(log.path);
  return paths;
}
