// A program the user asked to run (any product's key file with --version or /?): the one check of the request and
// the one way to run it, for the wizard's "run this program" and `msi-doctor verify --run-key-file` alike.
import { existsSync, statSync } from 'node:fs';
import type { AskedRun } from '../../shared/contract/evidence-data.ts';
import { probeData } from '../../shared/contract/evidence.ts';
import { askedProgram, pathEnvironmentProbeAsking, type AskedArgument } from '../system/probes/path-environment.ts';
import { runScan, type ScanServiceOptions } from './scan-service.ts';
import type { SystemHandle } from './system-factory.ts';

/** A file (not a folder) on the machine worked on: a simulated machine's own disk only, else the real one's. */
export function fileOnMachine(path: string, system: SystemHandle): boolean {
  const machine = system.simulation?.machine;
  if (machine) return machine.exists(path) && !machine.isDirectory(path);
  return existsSync(path) && statSync(path).isFile();
}

export type AskedProgramCheck = { ok: true; program: string } | { ok: false; problem: 'not-absolute-exe' | 'missing' };

/** The request checked before anything runs: an absolute path to an .exe (no quotes or wildcards) that exists. */
export function checkAskedProgram(path: string, exists: (path: string) => boolean): AskedProgramCheck {
  const program = askedProgram(path);
  if (program === null) return { ok: false, problem: 'not-absolute-exe' };
  if (!exists(program)) return { ok: false, problem: 'missing' };
  return { ok: true, program };
}

/**
 * Runs the checked program through the path-environment probe that carries it (the CLI's probe): the registry's
 * current variables, 5 s timeout, never elevated (the probe's own rule; an elevated app gets 'elevated', not a run).
 */
export async function runAskedProgram(
  program: string,
  argument: AskedArgument,
  options: ScanServiceOptions,
): Promise<AskedRun | null> {
  const request = { symptom: '', logPaths: [], msiPath: null, allowElevation: false };
  const result = await runScan(request, { ...options, probes: [pathEnvironmentProbeAsking(program, argument)] });
  return probeData(result.evidence, 'path-environment')?.asked ?? null;
}
