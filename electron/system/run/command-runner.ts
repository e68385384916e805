// The CommandRunner interface: how probes and repairs run Windows commands (real, elevated or simulated).

/** How a command's stdout/stderr bytes are decoded. 'oem' = the console code page (CP936 on Chinese Windows). */
export type OutputEncoding = 'oem' | 'utf8' | 'utf16le';

/** One command to run: argv only, never a shell string. */
export interface CommandSpec {
  file: string;
  args: string[];
  encoding: OutputEncoding;
  timeoutMs?: number;
  /** A short label for progress and reports, e.g. 'sc queryex msiserver'. */
  label?: string;
  /**
   * Exit codes that count as success (repairs set it). In an elevated batch, a step that ends otherwise (or times out,
   * or cannot start) stops the batch: the later steps do not run, so a failed backup is never followed by the change.
   */
  okExitCodes?: number[];
  /**
   * The step changes something of the signed-in user (a per-user install or uninstall): an elevated batch refuses it
   * when the account that approved the prompt is another one (over-the-shoulder elevation).
   */
  requiresSignedInUser?: boolean;
}

export interface CommandOutput {
  spec: CommandSpec;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** Set when the command could not be started (ENOENT...) or was cancelled. */
  error: string | null;
  elevated: boolean;
}

export interface RunOptions {
  signal?: AbortSignal;
}

export interface CommandRunner {
  readonly kind: 'process' | 'simulated';
  run(spec: CommandSpec, options?: RunOptions): Promise<CommandOutput>;
}

/** Result of one elevated batch (one UAC prompt for many steps). */
export interface ElevatedBatchResult {
  status: 'ok' | 'declined' | 'failed' | 'timeout' | 'cancelled';
  outputs: CommandOutput[];
  /** Why the batch failed or was declined, in plain words (English; the UI maps status to translated text). */
  message: string | null;
  /** The SID of the account the elevated batch ran as, when it reported one (differs from the user's: over-the-shoulder). */
  elevatedSid?: string | null;
}

export interface ElevatedRunner {
  readonly kind: 'elevated' | 'simulated';
  runBatch(specs: CommandSpec[], options?: ElevatedBatchOptions): Promise<ElevatedBatchResult>;
}

export interface ElevatedBatchOptions extends RunOptions {
  timeoutMs?: number;
  name?: string;
  /** The signed-in user's SID: steps with `requiresSignedInUser` run only when the elevated account is this one. */
  userSid?: string | null;
}
