// The real ElevatedRunner: many CommandSpecs in ONE UAC prompt through @vscode/sudo-prompt (its only importer), with our own timeout.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { exec as sudoPromptExec } from '@vscode/sudo-prompt';
import type { CommandSpec, ElevatedBatchOptions, ElevatedBatchResult, ElevatedRunner } from './command-runner.ts';
import {
  ELEVATION_DIR_PREFIX,
  elevationDirProblem,
  hardenDirArgs,
  INSPECT_DIR_SCRIPT,
  isSafeElevationPath,
  newElevationDirName,
  readOnlyFileArgs,
  selectElevationParent,
  withTempDir,
} from './elevation-dir.ts';
import {
  FATAL_HASH_MISMATCH,
  batchPaths,
  bootstrapScript,
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
import { parsePowerShellJson, powerShellPath, powerShellSpec } from './powershell.ts';
import { createOemCodePageDetector } from './process-runner.ts';
import { isWindowsProgramPath, systemDirectory, systemProgram } from './windows-programs.ts';
import { accountSidOfWhoami } from '../well-known-sids.ts';

type Env = Record<string, string | undefined>;

/** sudo-prompt's exec, injectable so tests can approve, decline, hang or break it. */
export type SudoExec = (
  command: string,
  options: { name: string },
  callback: (error?: Error, stdout?: string | Buffer, stderr?: string | Buffer) => void,
) => void;

/** The Windows side of securing a batch folder, injectable (tests on Linux, or a fake squatter). */
export interface ElevationFolderOps {
  /** The signed-in user's SID (whoami /user). */
  userSid(): Promise<string>;
  /** Creates the folder, non-recursively: it must not exist yet. */
  create(dir: string): Promise<void>;
  /** Leaves the folder to SYSTEM, Administrators and the user (icacls, by SID). */
  harden(dir: string, userSid: string): Promise<void>;
  /** Reads its security descriptor as SDDL and whether it is a reparse point. */
  inspect(dir: string): Promise<{ sddl: string | null; reparsePoint: boolean }>;
  /** Makes a written file read-only to its owner (OWNER RIGHTS ACE). */
  protectFile(file: string): Promise<void>;
}

export interface ElevatedRunnerOptions {
  exec?: SudoExec;
  /** The environment to read ProgramData/SystemRoot from and to swap TEMP/TMP in (default process.env). */
  env?: Env;
  /** Parent of the per-batch folders; default: %ProgramData% (selectElevationParent). */
  dir?: string;
  /** How the folder is created, secured and checked; default: the real Windows commands (no-ops off Windows). */
  folder?: Partial<ElevationFolderOps>;
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

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { windowsHide: true, timeout: 30_000, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(new Error(`${file.split('\\').pop()}: ${error.message.split('\n')[0]}`)) : resolve(stdout),
    );
  });
}

/** The real folder operations on Windows (absolute System32 programs); off Windows only the plain create. */
export function windowsFolderOps(platform: NodeJS.Platform, env: Env): ElevationFolderOps {
  const windows = platform === 'win32';
  return {
    async userSid() {
      if (!windows) return 'S-1-5-21-0-0-0-1000';
      const out = await run(systemProgram('whoami.exe', env), ['/user', '/fo', 'csv', '/nh']);
      const sid = accountSidOfWhoami(out);
      if (!sid) throw new Error('cannot read your account SID (whoami /user)');
      return sid;
    },
    async create(dir) {
      await mkdir(dir); // not recursive: fails if it exists (EEXIST), so nobody's planted folder is ever used
    },
    async harden(dir, userSid) {
      if (windows) await run(systemProgram('icacls.exe', env), hardenDirArgs(dir, userSid));
    },
    async inspect(dir) {
      if (!windows) return { sddl: null, reparsePoint: false };
      const spec = powerShellSpec(INSPECT_DIR_SCRIPT, { env });
      const out = await new Promise<string>((resolve, reject) => {
        execFile(
          spec.file,
          spec.args,
          {
            windowsHide: true,
            timeout: 30_000,
            encoding: 'utf8',
            env: { ...process.env, MSI_DOCTOR_DIR_JSON: JSON.stringify({ path: dir }) },
          },
          (error, stdout) =>
            error ? reject(new Error(`powershell: ${error.message.split('\n')[0]}`)) : resolve(stdout),
        );
      });
      const json = parsePowerShellJson(out);
      if (!json.ok) return { sddl: null, reparsePoint: false };
      return {
        sddl: typeof json.value.sddl === 'string' ? json.value.sddl : null,
        reparsePoint: json.value.reparse === true,
      };
    },
    async protectFile(file) {
      if (windows) await run(systemProgram('icacls.exe', env), readOnlyFileArgs(file));
    },
  };
}

export class SudoElevatedRunner implements ElevatedRunner {
  readonly kind = 'elevated' as const;
  readonly #exec: SudoExec;
  readonly #env: Env;
  readonly #dir: string | undefined;
  readonly #folder: ElevationFolderOps;
  readonly #platform: NodeJS.Platform;
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
    this.#platform = platform;
    this.#folder = { ...windowsFolderOps(platform, this.#env), ...options.folder };
    this.#powerShellExe = options.powerShellExe ?? powerShellPath(this.#env);
    const oem = options.oemCodePage;
    this.#oemCodePage =
      typeof oem === 'number' ? () => Promise.resolve(oem) : (oem ?? createOemCodePageDetector(undefined, platform));
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
    this.#markerGraceMs = options.markerGraceMs ?? 2000;
    this.#pollMs = options.pollMs ?? 250;
  }

  runBatch(specs: CommandSpec[], options: ElevatedBatchOptions = {}): Promise<ElevatedBatchResult> {
    const run = this.#queue.then(() => this.#runBatch(specs, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #runBatch(specs: CommandSpec[], options: ElevatedBatchOptions): Promise<ElevatedBatchResult> {
    const fail = (status: ElevatedBatchResult['status'], message: string): ElevatedBatchResult => ({
      status,
      message,
      outputs: specs.map((spec) => notRun(spec, `not run: ${message}`)),
    });
    if (specs.length === 0) return { status: 'ok', outputs: [], message: null };
    if (options.signal?.aborted) return fail('cancelled', 'cancelled before the administrator prompt');

    // Programs by absolute path under %SystemRoot% only: a bare name would be looked up in a folder someone can write.
    const relative =
      this.#platform === 'win32' ? specs.find((s) => !isWindowsProgramPath(s.file, this.#env)) : undefined;
    if (relative)
      return fail('failed', `refused to run ${relative.file} as administrator: not an absolute Windows program path`);
    const choice = this.#dir ? { parent: this.#dir, rejected: [] } : selectElevationParent(this.#env);
    if (!choice.parent) {
      return fail(
        'failed',
        `no safe folder for the elevated batch (${choice.rejected.map((r) => r.candidate).join(', ')})`,
      );
    }
    const sep = choice.parent.includes('\\') ? '\\' : '/';
    if (sep === '\\' && !isSafeElevationPath(`${choice.parent}\\${ELEVATION_DIR_PREFIX}0`))
      return fail('failed', `unsafe path for the elevated batch: ${choice.parent}`);
    const dir = `${choice.parent}${sep}${newElevationDirName()}`;
    const workingDir = systemDirectory(this.#env);
    let paths: BatchPaths;
    let command: string;
    try {
      await removeStale(choice.parent, sep);
      const userSid = options.userSid ?? (await this.#folder.userSid());
      // A fresh folder, created by us (it must not exist), hardened, then checked by its SDDL before anything is written.
      await this.#folder.create(dir);
      await this.#folder.harden(dir, userSid);
      if (this.#platform === 'win32') {
        const problem = elevationDirProblem(await this.#folder.inspect(dir), userSid);
        if (problem) throw new Error(`the folder ${dir} is not safe (${problem}); nothing was run as administrator`);
      }
      paths = batchPaths(dir, randomBytes(8).toString('hex'), sep);
      const bytes = scriptFileBytes(buildElevatedScript(specs, paths, { userSid, workingDir }));
      await writeFile(paths.script, bytes, { flag: 'wx' });
      await this.#folder.protectFile(paths.script);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      command = sudoCommand(this.#powerShellExe, bootstrapScript(paths, sha256, workingDir), workingDir);
    } catch (error) {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
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
    // The folder goes with the batch; one still running keeps it (its cancel file) and is removed as stale later.
    if (!stillRunning) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    if (result?.ok && result.fatal === FATAL_HASH_MISMATCH)
      return fail('failed', 'the elevated script was changed after it was written (SHA-256 mismatch); nothing was run');
    if (verdict.status === 'ok' && result?.ok)
      return { status: 'ok', outputs: result.outputs, message: verdict.message, elevatedSid: result.identity };
    return fail(verdict.status, verdict.message ?? verdict.status);
  }
}

/** Folders of batches that timed out earlier (their cancel files, results written late), after an hour. */
async function removeStale(parent: string, sep: string): Promise<void> {
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(ELEVATION_DIR_PREFIX)) continue;
    const path = `${parent}${sep}${name}`;
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_MS)
      await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
