// What the rules read: the diagnosis input plus typed access to each probe's data and the symptom's codes.
import type { ProbeId } from '../contract/ids.ts';
import { probeData, type Evidence } from '../contract/evidence.ts';
import type { ParsedSymptom } from '../contract/symptom.ts';
import type { LogAnalysis } from '../contract/log-analysis.ts';
import type { EnvironmentInfo } from '../contract/scan.ts';
import type { EvidenceDataMap } from '../contract/evidence-data.ts';
import { lookupErrorCode } from '../knowledge/error-codes.ts';

export interface DiagnosisInput {
  symptom: ParsedSymptom;
  evidence: Evidence[];
  logs: LogAnalysis[];
  environment?: EnvironmentInfo | null;
  /** The .msi the user tried, when known (lets the diagnosis offer the elevated, logged retry of exactly it). */
  msiPath?: string | null;
}

export interface DiagnosisContext {
  input: DiagnosisInput;
  /** Typed data of a probe's evidence; null when the probe did not run, failed, or was not checked. */
  data<P extends ProbeId>(probe: P): EvidenceDataMap[P] | null;
  /** Failure codes the user reported (exit codes and message numbers), noise and success codes removed. */
  symptomCodes: number[];
  /** symptomCodes plus the exit codes and primary errors of failed logs. */
  failureCodes: number[];
  has(code: number): boolean;
  /** The user said anything at all, or named an .msi (then a logged retry has something to retry). */
  userGaveSomething: boolean;
}

function isFailureCode(code: number): boolean {
  const info = lookupErrorCode(code);
  if (!info) return true;
  return !info.success && !info.noise;
}

export function createContext(input: DiagnosisInput): DiagnosisContext {
  const byProbe = new Map<ProbeId, Evidence>();
  for (const e of input.evidence) {
    // Keep the most informative evidence per probe (an elevated re-run replaces the unelevated one).
    const prev = byProbe.get(e.probe);
    if (!prev || (e.elevated && !prev.elevated) || (prev.status === 'error' && e.status !== 'error'))
      byProbe.set(e.probe, e);
  }
  const symptomCodes = [...input.symptom.exitCodes, ...input.symptom.messageNumbers].filter(
    (code, i, all) => all.indexOf(code) === i,
  );
  const realSymptom = symptomCodes.filter(isFailureCode);
  const logCodes: number[] = [];
  for (const log of input.logs) {
    if (log.outcome !== 'failure') continue;
    if (log.exitCode !== null && isFailureCode(log.exitCode)) logCodes.push(log.exitCode);
    if (log.primaryError !== null) logCodes.push(log.primaryError);
  }
  const failureCodes = [...new Set([...realSymptom, ...logCodes])];
  return {
    input,
    data(probe) {
      // Null for a probe that failed or was not checked: its data are null (typed, validated when it was read).
      const e = byProbe.get(probe);
      return e ? probeData([e], probe) : null;
    },
    symptomCodes: realSymptom,
    failureCodes,
    has: (code) => realSymptom.includes(code) || failureCodes.includes(code),
    userGaveSomething: input.symptom.input.trim() !== '' || Boolean(input.msiPath),
  };
}
