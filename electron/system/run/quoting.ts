// Quoting for the three Windows parsers we feed: CommandLineToArgvW (argv), cmd.exe (command lines and .bat lines), PowerShell literals.
import { trimEndChars } from '../../../shared/text/trim-end.ts';

/** Windows limits: CreateProcess command line and the cmd.exe line length. */
export const MAX_COMMAND_LINE = 32_767;
export const MAX_CMD_LINE = 8_191;

export class QuotingError extends Error {
  override name = 'QuotingError';
}

function assertNoNul(value: string): void {
  if (value.includes('\0')) throw new QuotingError('a NUL character cannot be passed on a Windows command line');
}

// ---------------------------------------------------------------------------------------------------------------
// Windows argv (CommandLineToArgvW / MSVCRT rules): what every C/C++ program and .NET uses to split its command line.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Quotes one argument so CommandLineToArgvW gives it back unchanged.
 * Rule: backslashes are literal unless they precede a `"`; 2n backslashes + `"` = n backslashes + end/start quote,
 * 2n+1 backslashes + `"` = n backslashes + literal `"`. So double the run before every quote and before the closing quote.
 */
export function quoteWindowsArg(arg: string): string {
  assertNoNul(arg);
  if (arg.length > 0 && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    if (ch === '"') {
      out += '\\'.repeat(backslashes * 2 + 1) + '"';
    } else {
      out += '\\'.repeat(backslashes) + ch;
    }
    backslashes = 0;
  }
  // Trailing backslashes sit before our closing quote: double them so they stay literal.
  out += '\\'.repeat(backslashes * 2) + '"';
  return out;
}

/** Joins argv into one command line (for ProcessStartInfo.Arguments, CreateProcess). Throws beyond 32,767 characters. */
export function joinWindowsArgv(args: readonly string[]): string {
  const line = args.map(quoteWindowsArg).join(' ');
  if (line.length > MAX_COMMAND_LINE) {
    throw new QuotingError(`command line is ${line.length} characters; Windows accepts at most ${MAX_COMMAND_LINE}`);
  }
  return line;
}

/**
 * Splits a command line the way CommandLineToArgvW does for arguments after the program name (post-2008 MSVCRT rules:
 * `""` inside a quoted run is a literal quote). Used by tests as the oracle and by the simulated machine to read argv back.
 */
export function parseWindowsCommandLine(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    let current = '';
    let inQuotes = false;
    while (i < n) {
      const ch = line[i]!;
      if (!inQuotes && (ch === ' ' || ch === '\t')) break;
      if (ch === '\\') {
        let count = 0;
        while (i < n && line[i] === '\\') {
          count++;
          i++;
        }
        if (line[i] === '"') {
          current += '\\'.repeat(Math.floor(count / 2));
          if (count % 2 === 1) {
            current += '"';
            i++;
          }
        } else {
          current += '\\'.repeat(count);
        }
        continue;
      }
      if (ch === '"') {
        if (inQuotes && line[i + 1] === '"') {
          current += '"';
          i += 2;
          continue;
        }
        inQuotes = !inQuotes;
        i++;
        continue;
      }
      current += ch;
      i++;
    }
    args.push(current);
  }
  return args;
}

// ---------------------------------------------------------------------------------------------------------------
// cmd.exe
// ---------------------------------------------------------------------------------------------------------------

export interface CmdContext {
  /** true: the text goes into a .bat/.cmd file (`%` must be doubled); false: a `cmd /c` command line. */
  batch: boolean;
  /** Delayed expansion (`setlocal EnableDelayedExpansion` / `cmd /V:ON`) makes `!` special. Off by default in cmd. */
  delayedExpansion?: boolean;
}

const CMD_META = /[()%!^"<>&|]/;

function assertCmdSafe(value: string): void {
  assertNoNul(value);
  // cmd.exe ends a command at a line break; there is no escape for it.
  if (/[\r\n]/.test(value)) throw new QuotingError('a line break cannot be passed through cmd.exe');
}

/**
 * Makes one argument survive cmd.exe AND the program's CommandLineToArgvW.
 * Method (D. Colascione, "Everyone quotes command line arguments the wrong way"): argv-quote first, then caret-escape
 * every cmd metacharacter, including the quotes, so cmd never enters quote mode and treats every character literally.
 * `%`: on a command line `^%` defeats expansion (`%VAR^%` names no variable); in a batch file `%` must become `%%`.
 * `!` with delayed expansion: `^^!` (phase 2 leaves `^!`, phase 5 makes it a literal `!`).
 */
export function quoteCmdArg(arg: string, context: CmdContext): string {
  assertCmdSafe(arg);
  const argvQuoted = quoteWindowsArg(arg);
  let out = '';
  for (const ch of argvQuoted) {
    if (ch === '%') out += context.batch ? '%%' : '^%';
    else if (ch === '!') out += context.delayedExpansion ? '^^!' : '!';
    else if (ch === '^' && context.delayedExpansion && arg.includes('!')) out += '^^^^';
    else if (CMD_META.test(ch)) out += '^' + ch;
    else out += ch;
  }
  return out;
}

/** A whole command for cmd.exe (program + args), each part escaped with quoteCmdArg. Throws beyond 8,191 characters. */
export function joinCmdArgv(args: readonly string[], context: CmdContext): string {
  const line = args.map((a) => quoteCmdArg(a, context)).join(' ');
  if (line.length > MAX_CMD_LINE)
    throw new QuotingError(`cmd.exe line is ${line.length} characters; cmd accepts at most ${MAX_CMD_LINE}`);
  return line;
}

/**
 * A file-system path in double quotes inside a cmd line, e.g. `msiexec /i "C:\Users\张伟\Setup & Tools\a.msi"` in a .bat.
 * Paths cannot contain `"`, so a plain quoted run is safe for `& | < > ^ ( )`; only expansion characters need care:
 * `%` (doubled in a batch; on a command line no escape exists inside quotes, so refuse a `%NAME%` pattern),
 * and `!`/`^` when delayed expansion is on (phase 5 removes carets even inside quotes).
 */
export function quoteCmdPath(path: string, context: CmdContext): string {
  assertCmdSafe(path);
  if (path.includes('"')) throw new QuotingError('a Windows path cannot contain a double quote');
  let body = path;
  if (context.delayedExpansion && body.includes('!')) body = body.replace(/\^/g, '^^').replace(/!/g, '^!');
  if (context.batch) body = body.replace(/%/g, '%%');
  else if (/%[^%]+%/.test(body)) {
    throw new QuotingError(
      'a path with %NAME% cannot be quoted safely on a cmd command line; use a batch file or argv',
    );
  }
  // A trailing backslash before the closing quote would escape it for the receiving program's argv parser.
  const trailing = body.length - trimEndChars(body, '\\').length;
  return `"${body}${'\\'.repeat(trailing)}"`;
}

// ---------------------------------------------------------------------------------------------------------------
// PowerShell
// ---------------------------------------------------------------------------------------------------------------

/**
 * A PowerShell single-quoted literal: nothing expands inside; a quote is written twice.
 * PowerShell also treats the typographic quotes U+2018/2019/201A/201B as single quotes, so they are doubled too.
 */
export function quotePowerShellLiteral(value: string): string {
  assertNoNul(value);
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/** `@('a','b')` array literal of single-quoted strings. */
export function powerShellStringArray(values: readonly string[]): string {
  return `@(${values.map(quotePowerShellLiteral).join(',')})`;
}
