// The real CommandRunner: child_process.execFile (argv, no shell, hidden window), own timeout and cancel, bytes decoded per spec.
import { execFile, type ChildProcess, type ExecFileException } from 'node:child_process';
import type { CommandOutput, CommandRunner, CommandSpec, RunOptions } from './command-runner.ts';
import { decodeOutput, defaultOemCodePage, parseChcpOutput } from './output-decoding.ts';
import { isWindowsProgramPath, systemProgram } from './windows-programs.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** The slice of child_process.execFile we use, injectable for tests. */
export type ExecFileFn = (
  file: string,
  args: readonly string[],
  options: { encoding: 'buffer'; windowsHide: boolean; shell: false; maxBuffer: number },
  callback: (error: ExecFileException | null, stdout: Buffer, stderr: Buffer) => void,
) => ChildProcess;

export interface ProcessRunnerOptions {
  execFile?: ExecFileFn;
  /** Kills a process and its children; default: `taskkill /T /F /PID` on Windows, SIGKILL elsewhere. */
  killTree?: (pid: number) => void;
  /** The OEM code page, or a function resolving it once (default: detected with chcp, cached). */
  oemCodePage?: number | (() => Promise<number>);
  platform?: NodeJS.Platform;
  now?: () => number;
}

const realExecFile: ExecFileFn = (file, args, options, callback) =>
  execFile(file, [...args], options, (error, stdout, stderr) => callback(error, stdout as Buffer, stderr as Buffer));

/**
 * Kills the whole tree: msiexec/PowerShell start children that execFile's own kill would orphan. Only ever called with
 * the pid of a child we started ourselves, on its timeout or cancel.
 */
export function defaultKillTree(platform: NodeJS.Platform = process.platform): (pid: number) => void {
  return (pid) => {
    if (platform === 'win32') {
      execFile(systemProgram('taskkill.exe'), ['/T', '/F', '/PID', String(pid)], { windowsHide: true }, () => {});
    } else {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
}

/** Detects the console (OEM) code page once with `chcp`; falls back to a locale default. */
export function createOemCodePageDetector(
  exec: ExecFileFn = realExecFile,
  platform: NodeJS.Platform = process.platform,
): () => Promise<number> {
  let cached: Promise<number> | null = null;
  return () => {
    if (cached) return cached;
    if (platform !== 'win32') return (cached = Promise.resolve(defaultOemCodePage()));
    cached = new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(defaultOemCodePage()), 5000);
      try {
        exec(
          systemProgram('chcp.com'),
          [],
          { encoding: 'buffer', windowsHide: true, shell: false, maxBuffer: 65536 },
          (error, stdout) => {
            clearTimeout(timer);
            // Only the digits matter; latin1 keeps them intact whatever the code page of the label.
            resolve((!error && parseChcpOutput(stdout.toString('latin1'))) || defaultOemCodePage());
          },
        );
      } catch {
        clearTimeout(timer);
        resolve(defaultOemCodePage());
      }
    });
    return cached;
  };
}

export class ProcessRunner implements CommandRunner {
  readonly kind = 'process' as const;
  readonly #exec: ExecFileFn;
  readonly #killTree: (pid: number) => void;
  readonly #oemCodePage: () => Promise<number>;
  readonly #now: () => number;
  readonly #platform: NodeJS.Platform;

  constructor(options: ProcessRunnerOptions = {}) {
    const platform = options.platform ?? process.platform;
    this.#platform = platform;
    this.#exec = options.execFile ?? realExecFile;
    this.#killTree = options.killTree ?? defaultKillTree(platform);
    const oem = options.oemCodePage;
    this.#oemCodePage =
      typeof oem === 'number' ? () => Promise.resolve(oem) : (oem ?? createOemCodePageDetector(this.#exec, platform));
    this.#now = options.now ?? Date.now;
  }

  async run(spec: CommandSpec, options: RunOptions = {}): Promise<CommandOutput> {
    const codePage = spec.encoding === 'oem' ? await this.#oemCodePage() : 65001;
    const started = this.#now();
    const base = { spec, elevated: false };
    // On Windows a bare or relative program name is searched in the current folder first: run only absolute paths.
    if (this.#platform === 'win32' && !isWindowsProgramPath(spec.file)) {
      return notStarted(spec, `refused: ${spec.file} is not an absolute path under the Windows folder`);
    }
    if (options.signal?.aborted) {
      return notStarted(spec, 'cancelled before start');
    }
    return new Promise<CommandOutput>((resolve) => {
      let timedOut = false;
      let cancelled = false;
      let settled = false;
      let child: ChildProcess | null = null;
      const stop = (): void => {
        if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) this.#killTree(child.pid);
      };
      const onAbort = (): void => {
        cancelled = true;
        stop();
      };
      const timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, spec.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const finish = (output: Omit<CommandOutput, 'spec' | 'elevated' | 'durationMs' | 'timedOut'>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ ...base, ...output, durationMs: this.#now() - started, timedOut });
      };
      try {
        child = this.#exec(
          spec.file,
          spec.args,
          { encoding: 'buffer', windowsHide: true, shell: false, maxBuffer: MAX_OUTPUT_BYTES },
          (error, stdout, stderr) => {
            const out = decodeOutput(stdout ?? Buffer.alloc(0), spec.encoding, codePage);
            const err = decodeOutput(stderr ?? Buffer.alloc(0), spec.encoding, codePage);
            finish({
              exitCode: exitCodeOf(error),
              stdout: out,
              stderr: err,
              error: describeError(error, spec, timedOut, cancelled),
            });
          },
        );
        // ENOENT and friends arrive as an 'error' event and through the callback; the callback handles them.
        child.on('error', () => {});
      } catch (error) {
        finish({
          exitCode: null,
          stdout: '',
          stderr: '',
          error: `could not start ${spec.file}: ${(error as Error).message}`,
        });
      }
    });
  }
}

function exitCodeOf(error: ExecFileException | null): number | null {
  if (!error) return 0;
  return typeof error.code === 'number' ? error.code : null;
}

function describeError(
  error: ExecFileException | null,
  spec: CommandSpec,
  timedOut: boolean,
  cancelled: boolean,
): string | null {
  if (timedOut) return `timed out after ${spec.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`;
  if (cancelled) return 'cancelled';
  if (!error) return null;
  if (error.code === 'ENOENT') return `could not start ${spec.file}: program not found`;
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    return `output larger than ${MAX_OUTPUT_BYTES} bytes; stopped`;
  if (typeof error.code === 'string') return `could not start ${spec.file}: ${error.code}`;
  if (error.signal) return `ended by signal ${error.signal}`;
  // A non-zero exit code is not a runner error: probes read exit codes (reg.exe 1 = value missing).
  return null;
}

/** The output of a command that was never started, with the reason. */
function notStarted(spec: CommandSpec, error: string): CommandOutput {
  return { spec, elevated: false, exitCode: null, stdout: '', stderr: '', durationMs: 0, timedOut: false, error };
}
