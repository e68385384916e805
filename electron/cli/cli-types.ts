// Shared shapes of CLI sub-commands: their I/O streams and the error that means "bad usage or bad input" (exit 2).
import type { Lang } from '../../shared/contract/ids.ts';
import { translate, type TextParams } from '../../shared/knowledge/texts.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
}

/** A sub-command: receives its own arguments, returns the process exit code. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/**
 * Thrown for wrong options or unusable input; main() prints the message (no stack) in the language of --lang and
 * exits 2. Given a text key (cli.error.* in the knowledge texts), `message` is its English and `in(lang)` any language;
 * given plain words (already in the right language, or the words of another error), they are used as they are.
 */
export class CliUsageError extends Error {
  readonly text: { key: string; params: TextParams } | null;
  constructor(message: string | { key: string; params?: TextParams }) {
    const text = typeof message === 'string' ? null : { key: message.key, params: message.params ?? {} };
    super(text ? translate(text, 'en') : (message as string));
    this.text = text;
  }

  /** The message in `lang`. */
  in(lang: Lang): string {
    return this.text ? translate(this.text, lang) : this.message;
  }
}

/** A usage error worded by the knowledge text `cli.error.<name>`. */
export const usageError = (name: string, params: TextParams = {}): CliUsageError =>
  new CliUsageError({ key: `cli.error.${name}`, params });

/** The first text between single quotes of a parseArgs message ("Unknown option '--x'..."): the option named. */
function quoted(message: string): string {
  const start = message.indexOf("'");
  const end = message.indexOf("'", start + 1);
  return start < 0 || end < 0 ? '' : message.slice(start + 1, end);
}

/** A parseArgs error as a one-line usage error in the language of --lang that says where to look. */
export function parseArgsError(command: string, error: Error & { code?: string }): CliUsageError {
  const message = error.message.split('\n')[0] ?? '';
  const named = quoted(message);
  if (named && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return usageError('parse.unknown-option', { option: named, command });
  if (named && error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return usageError('parse.unexpected-argument', { argument: named, command });
  if (named && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = named.split(' <')[0]!;
    return message.includes('argument missing')
      ? usageError('parse.missing-value', { option, command })
      : usageError('parse.takes-no-value', { option, command });
  }
  // parseArgs messages are already one line; keep them, add where to look.
  return usageError('parse.other', { detail: message, command });
}
