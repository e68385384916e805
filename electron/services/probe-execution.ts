// The scan's view of probe execution: the cancel error, and the one evidence conversion (electron/system/probes/run-probe.ts).
export {
  commandsOf,
  errorEvidence,
  evidenceFrom,
  notCheckedEvidence,
  rawOf,
  runProbe,
} from '../system/probes/run-probe.ts';

export class ScanCancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('scan cancelled');
  }
}
