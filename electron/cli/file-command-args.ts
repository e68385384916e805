// Options shared by the commands that read files (analyze, inspect): --json, --lang, files (or - for stdin), and
// the terminal width their plain-words output wraps to.
import { usageError, type CliIo } from './cli-types.ts';
import { LANGS, type Lang } from '../../shared/contract/ids.ts';

export interface FileCommandArgs {
  json: boolean;
  lang: Lang;
  files: string[];
}

/** Parses `[--json] [--lang en|zh-CN] FILE...`; `-` is a file (stdin) only where `allowStdin`; `noFiles` names a cli.error text. */
export function parseFileCommandArgs(
  command: string,
  argv: string[],
  options: { allowStdin: boolean; noFiles: string },
): FileCommandArgs | 'help' {
  const args: FileCommandArgs = { json: false, lang: 'en', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--json') args.json = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? argv[++i] : a.slice(7);
      if (!value || !(LANGS as readonly string[]).includes(value))
        throw usageError('lang-list', { langs: LANGS.join(', ') });
      args.lang = value as Lang;
    } else if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && !(a === '-' && options.allowStdin))
      throw usageError('unknown-option', { option: a, command });
    else args.files.push(a);
  }
  if (args.files.length === 0) throw usageError(options.noFiles);
  return args;
}

export function terminalWidth(io: CliIo): number {
  const columns = (io.stdout as { columns?: number }).columns;
  return Math.max(60, Math.min(typeof columns === 'number' && columns > 0 ? columns : 120, 200));
}
