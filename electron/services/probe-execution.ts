// The scan's view of probe execution: the cancel error, and the one evidence conversion (electron/system/probes/run-probe.ts).
export {
  combineElevated,
  commandsOf,
  errorEvidence,
  evidenceFrom,
  notCheckedEvidence,
  rawOf,
  runProbe,
} from '../system/probes/run-probe.ts';

/** The scan stopped because its AbortSignal fired (the user cancelled it). */
export class ScanCancelledError extends Error {
  override name = 'ScanCancelledError';
  constructor() {
    super('scan cancelled');
  }
}
