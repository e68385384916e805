// CommandRunner and ElevatedRunner over the simulated machine: same decoding path as the real runner, no processes spawned.
import type {
  CommandOutput,
  CommandRunner,
  CommandSpec,
  ElevatedBatchOptions,
  ElevatedBatchResult,
  ElevatedRunner,
  RunOptions,
} from '../run/command-runner.ts';
import type { CommandEmulator } from './emulator.ts';
import type { SimulatedMachine } from './machine.ts';
import { decodeOutput } from './output-encoding.ts';

function label(spec: CommandSpec): string {
  return spec.label ?? [spec.file, ...spec.args].join(' ');
}

function runOne(
  machine: SimulatedMachine,
  emulator: CommandEmulator,
  spec: CommandSpec,
  elevated: boolean,
  options?: RunOptions,
  account?: string,
): CommandOutput {
  if (options?.signal?.aborted) {
    return {
      spec,
      exitCode: null,
      stdout: '',
      stderr: '',
      durationMs: 0,
      timedOut: false,
      error: 'cancelled',
      elevated,
    };
  }
  const result = emulator.run(spec, { machine, elevated, ...(account ? { account } : {}) });
  const cp = machine.state.locale.oemCodePage;
  const timedOut = spec.timeoutMs !== undefined && result.durationMs > spec.timeoutMs;
  if (timedOut) {
    return {
      spec,
      exitCode: null,
      stdout: '',
      stderr: '',
      durationMs: spec.timeoutMs ?? result.durationMs,
      timedOut: true,
      error: `timed out after ${spec.timeoutMs} ms: ${label(spec)}`,
      elevated,
    };
  }
  return {
    spec,
    exitCode: result.exitCode,
    stdout: decodeOutput(result.stdout, spec.encoding, cp),
    stderr: decodeOutput(result.stderr, spec.encoding, cp),
    durationMs: result.durationMs,
    timedOut: false,
    error: result.exitCode === 9009 && result.handler === 'none' ? `command not found: ${spec.file}` : null,
    elevated,
  };
}

/** Runs commands unelevated (or elevated when the scenario says the app itself runs elevated). */
export class SimulatedCommandRunner implements CommandRunner {
  readonly kind = 'simulated' as const;
  constructor(
    readonly machine: SimulatedMachine,
    readonly emulator: CommandEmulator,
  ) {}

  async run(spec: CommandSpec, options?: RunOptions): Promise<CommandOutput> {
    return runOne(this.machine, this.emulator, spec, this.machine.state.elevation.processElevated, options);
  }
}

export interface SimulatedElevationOptions {
  /** Overrides the scenario's answer to the UAC prompt. */
  approve?: boolean;
}

/** One simulated UAC prompt per batch; approved or declined per scenario (or override); runs against the same model. */
export class SimulatedElevatedRunner implements ElevatedRunner {
  readonly kind = 'simulated' as const;
  /** How many prompts were shown (tests assert one per scan). */
  prompts = 0;
  constructor(
    readonly machine: SimulatedMachine,
    readonly emulator: CommandEmulator,
    private readonly options: SimulatedElevationOptions = {},
  ) {}

  setApprove(approve: boolean | undefined): void {
    this.options.approve = approve;
  }

  async runBatch(specs: CommandSpec[], options?: ElevatedBatchOptions): Promise<ElevatedBatchResult> {
    if (options?.signal?.aborted)
      return { status: 'cancelled', outputs: [], message: 'The elevated batch was cancelled before it started.' };
    this.prompts += 1;
    const approve = this.options.approve ?? this.machine.state.elevation.approve;
    if (!approve)
      return { status: 'declined', outputs: [], message: 'The administrator prompt was declined (simulated).' };
    const outputs: CommandOutput[] = [];
    let elapsed = 0;
    // Who approved: the user's own admin account, or another administrator (over-the-shoulder).
    const elevatedSid = this.machine.state.elevation.adminSid ?? this.machine.state.identity.userSid;
    for (const spec of specs) {
      const otherAccount = !!options?.userSid && elevatedSid.toUpperCase() !== options.userSid.toUpperCase();
      // Like the real batch script: a step that changes the signed-in user never runs as another account.
      const out: CommandOutput =
        spec.requiresSignedInUser && otherAccount
          ? {
              spec,
              exitCode: null,
              stdout: '',
              stderr: '',
              durationMs: 0,
              timedOut: false,
              error: 'refused: the administrator account is not the signed-in user, and this step changes that user',
              elevated: true,
            }
          : runOne(this.machine, this.emulator, spec, true, options, elevatedSid);
      elapsed += out.durationMs;
      outputs.push(out);
      // Like the real batch: a repair step outside its success codes stops it (CommandSpec.okExitCodes).
      if (spec.okExitCodes && (out.exitCode === null || out.error !== null || !spec.okExitCodes.includes(out.exitCode)))
        break;
      if (options?.timeoutMs !== undefined && elapsed > options.timeoutMs) {
        return { status: 'timeout', outputs, message: `The elevated batch took longer than ${options.timeoutMs} ms.` };
      }
    }
    return { status: 'ok', outputs, message: null, elevatedSid };
  }
}
