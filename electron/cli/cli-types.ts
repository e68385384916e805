// Shared shapes of CLI sub-commands: their I/O streams and the error that means "bad usage or bad input" (exit 2).

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
}

/** A sub-command: receives its own arguments, returns the process exit code. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** Thrown for wrong options or unusable input; main() prints the message (no stack) and exits 2. */
export class CliUsageError extends Error {}
