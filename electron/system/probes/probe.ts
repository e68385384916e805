// The probe contract: what a probe runs (commands) and a pure parser from their outputs to typed evidence.
import type { ProbeId } from '../../../shared/contract/ids.ts';
import type { CheckedStatus, TextRef, UncheckedStatus } from '../../../shared/contract/evidence.ts';
import type { EvidenceDataMap } from '../../../shared/contract/evidence-data.ts';
import type { ParsedSymptom } from '../../../shared/contract/symptom.ts';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import type { MsiPackage } from '../../../shared/contract/msi-package.ts';
import type { MsiReadErrorCode } from '../../../shared/msi-package/msi-read-error.ts';

/** The .msi as the pure reader read it before the probes ran (the package half of installed-products). */
export type MsiPackageRead =
  { ok: true; package: MsiPackage } | { ok: false; code: MsiReadErrorCode; detail: string; message: string };

/** What every probe may know about the session. */
export interface ProbeContext {
  symptom: ParsedSymptom;
  msiPath: string | null;
  /**
   * The package read by the .msi reader (scan service). Absent when the caller did not read it (e.g. a repair's
   * verification): installed-products then falls back to reading the package's identity through COM.
   */
  msiPackage?: MsiPackageRead;
  logPaths: string[];
  /** The real (unelevated) user: the elevated batch may run as another admin account, so pass these explicitly. */
  user: { sid: string | null; profile: string | null; temp: string | null };
  now: Date;
}

/**
 * 'never': runs unelevated. 'required': only trustworthy elevated (ACL reads of C:\Windows\Temp...).
 * 'better': runs unelevated, and again in the elevated batch for a fuller answer (msiexec command lines).
 */
export type ElevationNeed = 'never' | 'better' | 'required';

/** A parser's answer: the probe's typed data, or none when it could not answer. */
export type ProbeVerdict<P extends ProbeId = ProbeId> =
  | { status: CheckedStatus; summary: TextRef; data: EvidenceDataMap[P] }
  | { status: UncheckedStatus; summary: TextRef; data: null };

export interface ProbeDefinition<P extends ProbeId = ProbeId> {
  id: P;
  elevation: ElevationNeed;
  timeoutMs: number;
  /** Whether this probe is worth running for the given session (e.g. installed-products needs an .msi). */
  appliesTo(context: ProbeContext): boolean;
  /** The commands to run, in order. Probes batch their PowerShell work into one script where they can. */
  commands(context: ProbeContext): CommandSpec[];
  /** Pure: outputs (same order as commands) -> verdict. Never throws for odd output; returns status 'error'. */
  parse(outputs: CommandOutput[], context: ProbeContext, elevated: boolean): ProbeVerdict<P>;
  /**
   * A 'better' probe whose elevated answer must not replace every unelevated fact (temp-folders: the user's TEMP is
   * tested with the user's own token): both answers' data (schema-valid, not errors) -> the verdict. Absent = the
   * elevated answer replaces the unelevated one.
   */
  mergeElevated?(unelevated: EvidenceDataMap[P], elevated: EvidenceDataMap[P], context: ProbeContext): ProbeVerdict<P>;
}
