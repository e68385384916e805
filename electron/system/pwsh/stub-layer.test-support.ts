// Test support: turns the app's scripts into stub runs (the prelude swapped for stub-prelude.ps1) and back into
// CommandOutputs, and runs the same commands through the emulator, so the two can be compared.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { scriptOfSpec } from '../run/powershell.ts';
import { PRELUDE_FUNCTIONS, swapPrelude } from '../run/powershell-prelude.ts';
import { decodeOutput } from '../simulated/output-encoding.ts';
import type { Simulation } from '../simulated/index.ts';
import type { TokenSource } from '../simulated/token-view.ts';
import type { ProbeId } from '../../../shared/contract/ids.ts';
import { elevationOutputSchema } from '../probes/elevation.ts';
import { installerServiceOutputSchema } from '../probes/installer-service.ts';
import { installInProgressOutputSchema } from '../probes/install-in-progress.ts';
import { configMgrRebootOutputSchema, pendingRebootOutputSchema } from '../probes/pending-reboot.ts';
import { policiesOutputSchema } from '../probes/policies.ts';
import { tempFoldersOutputSchema } from '../probes/temp-folders.ts';
import { installerEventsOutputSchema } from '../probes/installer-events.ts';
import { recentLogsOutputSchema } from '../probes/recent-logs.ts';
import { installedProductsOutputSchema } from '../probes/installed-products.ts';
import { deploymentLogsOutputSchema } from '../probes/deployment-logs.ts';
import { pathEnvironmentOutputSchema, shellEnvironmentOutputSchema } from '../probes/path-environment.ts';
import { otherUserPathOutputSchema } from '../probes/other-user-path.ts';
import type { RunResult } from './powershell-host.test-support.ts';

const STUB_FILE = new URL('./stub-prelude.ps1', import.meta.url);

/** stub-prelude.ps1 cut into its functions: name -> text (helpers are the Md-Stub* ones). */
export function stubFunctions(): Map<string, string> {
  const text = readFileSync(STUB_FILE, 'utf8').replace(/\r\n/g, '\n');
  const map = new Map<string, string>();
  for (const chunk of text.split(/^(?=function )/m)) {
    const name = /^function ([\w-]+)/.exec(chunk)?.[1];
    if (!name) continue;
    // Drop the comment lines that introduce the NEXT function (they belong to it, not to this one).
    map.set(name, chunk.replace(/(\n#[^\n]*)+\n*$/, '\n').trimEnd());
  }
  return map;
}

const STUBS = stubFunctions();
const HELPERS = [...STUBS.keys()].filter((n) => n.startsWith('Md-Stub'));

/** The names the real prelude defines and the stub layer does not (or the other way round): must be empty. */
export function preludeStubMismatch(): { missingStubs: string[]; unknownStubs: string[] } {
  const real = Object.keys(PRELUDE_FUNCTIONS);
  const stubbed = [...STUBS.keys()].filter((n) => !n.startsWith('Md-Stub'));
  return {
    missingStubs: real.filter((n) => !stubbed.includes(n)),
    unknownStubs: stubbed.filter((n) => !real.includes(n)),
  };
}

/** A script with every prelude block replaced by the stub functions of the same names (plus the stub helpers). */
export function withStubs(script: string): string {
  return swapPrelude(script, (names) =>
    [
      '# msi-doctor:stub-prelude',
      ...HELPERS.map((n) => STUBS.get(n)!),
      ...names.map((n) => {
        const stub = STUBS.get(n);
        if (!stub) throw new Error(`no stub for prelude function ${n}`);
        return stub;
      }),
    ].join('\n'),
  );
}

/** The stub run of a PowerShell spec, or null for a native tool (whoami, sc: the emulator's output stands). */
export function stubScriptOf(spec: CommandSpec): string | null {
  const script = scriptOfSpec(spec);
  return script === null ? null : withStubs(script);
}

/** A driver run as the CommandOutput the real runner would have produced (stdout lines as PowerShell prints them). */
export function outputOfRun(spec: CommandSpec, run: RunResult, elevated: boolean): CommandOutput {
  return {
    spec,
    exitCode: run.failure ? 1 : (run.exitCode ?? 0),
    stdout: run.stdout.map((l) => `${l}\r\n`).join(''),
    stderr: [...run.errors, ...(run.failure ? [run.failure] : [])].join('\n'),
    durationMs: 1,
    timedOut: false,
    error: null,
    elevated,
  };
}

/** The emulator's answer to one command for a token (decoded like the real runner decodes). */
export function emulatedOutput(sim: Simulation, spec: CommandSpec, token: TokenSource): CommandOutput {
  const r = sim.emulator.run(spec, {
    machine: sim.machine,
    elevated: token.elevated,
    ...(token.account ? { account: token.account } : {}),
  });
  const cp = sim.machine.state.locale.oemCodePage;
  return {
    spec,
    exitCode: r.exitCode,
    stdout: decodeOutput(r.stdout, spec.encoding, cp),
    stderr: decodeOutput(r.stderr, spec.encoding, cp),
    durationMs: 1,
    timedOut: false,
    error: null,
    elevated: token.elevated,
  };
}

/** The tokens a probe script runs with: the app's own process, and the elevated batch (as the account that approves). */
export function tokensOf(sim: Simulation): Array<{ name: 'unelevated' | 'elevated'; source: TokenSource }> {
  const s = sim.machine.state;
  return [
    { name: 'unelevated', source: { elevated: false } },
    { name: 'elevated', source: { elevated: true, account: s.elevation.adminSid ?? s.identity.userSid } },
  ];
}

/**
 * Scripts that still call Windows directly instead of through the prelude, by the marker of their script
 * (`# msi-doctor:probe=<id>`, `# msi-doctor:repair=<name>`): they would be parsed and held to Windows PowerShell 5.1
 * but neither checked for primitives nor run against the stub layer. Empty, and the checks keep it so: every script
 * the app can emit goes through the prelude.
 */
export const AWAITING_PRELUDE: readonly string[] = [];

/** The script holds one of the AWAITING_PRELUDE scripts (alone or inside a batch wrapper). */
export function awaitsPrelude(script: string): boolean {
  return AWAITING_PRELUDE.some((name) => new RegExp(`^# msi-doctor:(probe|repair)=${name}$`, 'm').test(script));
}

/**
 * Each probe's PowerShell commands, in order, with the schema their JSON must satisfy (null = a native tool).
 * A probe missing here fails the conformance test: a new probe needs its schema listed.
 */
export const PROBE_OUTPUT_SCHEMAS: Record<string, Array<z.ZodType | null>> = {
  elevation: [null, elevationOutputSchema],
  'installer-service': [installerServiceOutputSchema, null],
  'install-in-progress': [installInProgressOutputSchema],
  'pending-reboot': [pendingRebootOutputSchema, configMgrRebootOutputSchema],
  policies: [policiesOutputSchema, null, null],
  'temp-folders': [tempFoldersOutputSchema],
  'installer-events': [installerEventsOutputSchema],
  'recent-logs': [recentLogsOutputSchema],
  'installed-products': [installedProductsOutputSchema],
  'deployment-logs': [deploymentLogsOutputSchema],
  'path-environment': [pathEnvironmentOutputSchema, shellEnvironmentOutputSchema],
  'other-user-path': [otherUserPathOutputSchema],
} satisfies Partial<Record<ProbeId, Array<z.ZodType | null>>>;
