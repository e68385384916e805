// Fake CLI streams for the command tests: captured stdout/stderr, a scripted stdin, and which streams claim to be a terminal.
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
