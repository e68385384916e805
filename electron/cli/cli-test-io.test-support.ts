// Fake CLI streams for the command tests (captured stdout/stderr, a scripted stdin, which streams claim to be a
// terminal) and each test's own data folder.
import { test, type TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from './cli-types.ts';

export interface FakeIoOptions {
  /** What stdin yields before it ends; without it, stdin is an open stream nobody writes to. */
  stdin?: string;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

export interface FakeIo {
  io: CliIo;
  /** Everything written to stdout so far. */
  out: () => string;
  /** Everything written to stderr so far. */
  err: () => string;
}

export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  const stdout = Object.assign(new PassThrough(), { isTTY: options.stdoutIsTTY ?? false });
  const stderr = Object.assign(new PassThrough(), { isTTY: options.stderrIsTTY ?? false });
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const input = options.stdin === undefined ? new PassThrough() : Readable.from([Buffer.from(options.stdin)]);
  const stdin = Object.assign(input, { isTTY: options.stdinIsTTY ?? false });
  return { io: { stdout, stderr, stdin }, out: () => out, err: () => err };
}

/**
 * Runs `fn` with MSI_DOCTOR_DATA_DIR (journals, backups, a simulated machine's saved state) set to a fresh folder,
 * then restores the variable and removes the folder. Unit tests share one process and run one at a time, so a test
 * sets the process state it needs and puts it back, never at import time.
 */
export async function withDataDir<T>(fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-cli-'));
  const previous = process.env.MSI_DOCTOR_DATA_DIR;
  process.env.MSI_DOCTOR_DATA_DIR = dir;
  try {
    return await fn(dir);
  } finally {
    if (previous === undefined) delete process.env.MSI_DOCTOR_DATA_DIR;
    else process.env.MSI_DOCTOR_DATA_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** node:test's `test` whose body runs inside withDataDir: for files whose every test reads or writes the data folder. */
export function testWithDataDir(name: string, fn: (t: TestContext) => void | Promise<void>): Promise<void> {
  return test(name, (t) => withDataDir(() => fn(t)));
}
