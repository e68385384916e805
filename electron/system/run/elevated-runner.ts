// The real ElevatedRunner: many CommandSpecs in ONE UAC prompt through @vscode/sudo-prompt (its only importer), with our own timeout.
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { exec as sudoPromptExec } from '@vscode/sudo-prompt';
import type { CommandSpec, ElevatedBatchResult, ElevatedRunner, RunOptions } from './command-runner.ts';
import { hardenDirCommands, selectElevationDir, withTempDir } from './elevation-dir.ts';
import {
  batchPaths,
  buildElevatedScript,
  classifyElevation,
  notRun,
  parseElevatedResult,
  scriptFileBytes,
  sudoCommand,
  SUDO_PERMISSION_DENIED,
  type BatchPaths,
  type ParsedBatch,
} from './elevated-script.ts';
import { powerShellPath } from './powershell.ts';
import { createOemCodePageDetector } from './process-runner.ts';

type Env = Record<string, string | undefined>;

/** sudo-prompt's exec, injectable so tests can approve, decline, hang or break it. */
export type SudoExec = (
  command: string,
  options: { name: string },
  callback: (error?: Error, stdout?: string | Buffer, stderr?: string | Buffer) => void,
) => void;

export interface ElevatedRunnerOptions {
  exec?: SudoExec;
  /** The environment to read ProgramData/SystemRoot from and to swap TEMP/TMP in (default process.env). */
  env?: Env;
  /** Folder for the batch files; default: selectElevationDir(env). */
  dir?: string;
  /** Creates and secures the folder; default: mkdir, then icacls owner + ACL on Windows. */
  prepareDir?: (dir: string) => Promise<void>;
  powerShellExe?: string;
  oemCodePage?: number | (() => Promise<number>);
  /** Whole-batch timeout when runBatch gets none (sudo-prompt itself never times out). */
  defaultTimeoutMs?: number;
  /** After "User did not grant permission", how long to wait for the started marker (sudo-prompt's 1 s race). */
  markerGraceMs?: number;
  pollMs?: number;
  platform?: NodeJS.Platform;
}

const DEFAULT_BATCH_TIMEOUT_MS = 10 * 60_000;
const STALE_MS = 60 * 60_000;

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** sudo-prompt accepts only [a-z0-9 ]{1,70} as the name shown in the prompt. */
export function sudoPromptName(name: string | undefined): string {
  const clean = (name ?? '')
    .replace(/[^a-z0-9 ]/gi, '')
    .trim()
    .slice(0, 70);
  return clean || 'MSI Doctor';
}

function defaultPrepareDir(platform: NodeJS.Platform, env: Env): (dir: string) => Promise<void> {
  const hardened = new Set<string>();
  return async (dir) => {
    await mkdir(dir, { recursive: true });
    if (platform !== 'win32' || hardened.has(dir)) return;
    const account = env.USERDOMAIN ? `${env.USERDOMAIN}\\${env.USERNAME ?? ''}` : (env.USERNAME ?? '');
    if (!env.USERNAME) throw new Error('cannot secure the elevation folder: USERNAME is not set');
    for (const command of hardenDirCommands(dir, account)) {
      await new Promise<void>((resolve, reject) => {
        execFile(command.file, command.args, { windowsHide: true, timeout: 15_000 }, (error) =>
          error ? reject(new Error(`cannot secure the elevation folder ${dir} (icacls: ${error.message})`)) : resolve(),
        );
      });
    }
    hardened.add(dir);
  };
}

export class SudoElevatedRunner implements ElevatedRunner {
  readonly kind = 'elevated' as const;
  readonly #exec: SudoExec;
  readonly #env: Env;
  readonly #dir: string | undefined;
  readonly #prepareDir: (dir: string) => Promise<void>;
  readonly #powerShellExe: string;
  readonly #oemCodePage: () => Promise<number>;
  readonly #defaultTimeoutMs: number;
  readonly #markerGraceMs: number;
  readonly #pollMs: number;
  /** One batch at a time: the TEMP swap and the UAC prompt are process-wide. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ElevatedRunnerOptions = {}) {
    const platform = options.platform ?? process.platform;
    this.#exec = options.exec ?? (sudoPromptExec as SudoExec);
    this.#env = options.env ?? process.env;
    this.#dir = options.dir;
    this.#prepareDir = options.prepareDir ?? defaultPrepareDir(platform, this.#env);
    this.#powerShellExe = options.powerShellExe ?? powerShellPath(this.#env);
    const oem = options.oemCodePage;
    this.#oemCodePage =
      typeof oem === 'number' ? () => Promise.resolve(oem) : (oem ?? createOemCodePageDetector(undefined, platform));
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
    this.#markerGraceMs = options.markerGraceMs ?? 2000;
    this.#pollMs = options.pollMs ?? 250;
  }

  runBatch(
    specs: CommandSpec[],
    options: RunOptions & { timeoutMs?: number; name?: string } = {},
  ): Promise<ElevatedBatchResult> {
    const run = this.#queue.then(() => this.#runBatch(specs, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #runBatch(
    specs: CommandSpec[],
    options: RunOptions & { timeoutMs?: number; name?: string },
  ): Promise<ElevatedBatchResult> {
    const fail = (status: ElevatedBatchResult['status'], message: string): ElevatedBatchResult => ({
      status,
      message,
      outputs: specs.map((spec) => notRun(spec, `not run: ${message}`)),
    });
    if (specs.length === 0) return { status: 'ok', outputs: [], message: null };
    if (options.signal?.aborted) return fail('cancelled', 'cancelled before the administrator prompt');

    const choice = this.#dir ? { dir: this.#dir, rejected: [] } : selectElevationDir(this.#env);
    if (!choice.dir) {
      return fail(
        'failed',
        `no safe folder for the elevated batch (${choice.rejected.map((r) => r.candidate).join(', ')})`,
      );
    }
    const dir = choice.dir;
    let paths: BatchPaths;
    let command: string;
    try {
      await this.#prepareDir(dir);
      await removeStale(dir);
      paths = batchPaths(dir, randomBytes(8).toString('hex'), dir.includes('\\') ? '\\' : '/');
      command = sudoCommand(this.#powerShellExe, paths.script);
      await writeFile(paths.script, scriptFileBytes(buildElevatedScript(specs, paths)), { flag: 'wx' });
    } catch (error) {
      return fail('failed', `could not prepare the elevated batch: ${(error as Error).message}`);
    }

    const timeoutMs = options.timeoutMs ?? this.#defaultTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    let execDone: { error: Error | null; at: number } | undefined;
    let wake: () => void = () => {};
    const onAbort = (): void => wake();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // TEMP/TMP point at our ASCII folder only while exec() runs: sudo-prompt reads os.tmpdir() synchronously there,
      // which avoids the non-ASCII / & / ' / broken-%TEMP% traps without touching the rest of the process for long.
      withTempDir(this.#env, dir, () =>
        this.#exec(command, { name: sudoPromptName(options.name) }, (error) => {
          execDone = { error: error ?? null, at: Date.now() };
          wake();
        }),
      );
    } catch (error) {
      execDone = { error: error as Error, at: Date.now() };
    }

    let timedOut = false;
    let cancelled = false;
    let result: ParsedBatch | null = null;
    const oemCodePage = await this.#oemCodePage();
    for (;;) {
      if (await exists(paths.result)) {
        result = parseElevatedResult(await readFile(paths.result, 'utf8'), specs, paths.id, oemCodePage);
        // A result read while it was being written parses badly: give the writer one more round unless sudo-prompt is done.
        if (result.ok || execDone) break;
      }
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      if (Date.now() >= deadline) {
        timedOut = true;
        break;
      }
      if (execDone) {
        const marker = await exists(paths.marker);
        const waited = Date.now() - execDone.at;
        // sudo-prompt may say "not granted" while our script is in fact running (its 1-second stdout race): keep waiting.
        const raced = marker && execDone.error?.message === SUDO_PERMISSION_DENIED;
        if (!raced && waited >= (execDone.error ? this.#markerGraceMs : this.#pollMs * 4)) break;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, this.#pollMs);
      });
    }
    options.signal?.removeEventListener('abort', onAbort);

    const markerPresent = await exists(paths.marker);
    if ((timedOut || cancelled) && markerPresent) await writeFile(paths.cancel, 'cancel').catch(() => undefined);
    const verdict = classifyElevation({
      execError: execDone ? (execDone.error ? { message: execDone.error.message } : null) : undefined,
      markerPresent,
      result,
      timedOut,
      cancelled,
      timeoutMs,
    });
    const stillRunning = (timedOut || cancelled) && markerPresent;
    for (const path of stillRunning ? [paths.script] : [paths.script, paths.marker, paths.result]) {
      await rm(path, { force: true }).catch(() => undefined);
    }
    if (verdict.status === 'ok' && result?.ok)
      return { status: 'ok', outputs: result.outputs, message: verdict.message };
    return fail(verdict.status, verdict.message ?? verdict.status);
  }
}

/** Leftovers of batches that timed out earlier (their cancel files, results written late). */
async function removeStale(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sep = dir.includes('\\') ? '\\' : '/';
  for (const name of names) {
    if (!name.startsWith('batch-')) continue;
    const path = `${dir}${sep}${name}`;
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_MS) await rm(path, { force: true }).catch(() => undefined);
  }
}
