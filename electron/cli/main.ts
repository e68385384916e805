// The `msi-doctor` command line: dispatches to one module per sub-command and turns any failure into exit code 2.
import { CliUsageError, type CliCommand } from './cli-types.ts';
import { cliText, commandMessage, defaultLang, langOf } from './cli-text.ts';
import type { Lang } from '../../shared/contract/ids.ts';

/** Sub-commands, loaded lazily so `analyze` never pays for the system layer and vice versa. */
/** Sub-commands (their one-line summaries are the texts cli.command.<name>). */
const COMMANDS: Record<string, { load: () => Promise<CliCommand> }> = {
  scan: {
    load: async () => (await import('./commands/scan.ts')).scanCommand,
  },
  analyze: {
    load: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  },
  inspect: {
    load: async () => (await import('./commands/inspect.ts')).inspectCommand,
  },
  report: {
    load: async () => (await import('./commands/report.ts')).reportCommand,
  },
  fix: {
    load: async () => (await import('./commands/fix.ts')).fixCommand,
  },
  undo: {
    load: async () => (await import('./commands/undo.ts')).undoCommand,
  },
  verify: {
    load: async () => (await import('./commands/verify.ts')).verifyCommand,
  },
  fleet: {
    load: async () => (await import('./commands/fleet.ts')).fleetCommand,
  },
};

export function usage(lang: Lang = 'en'): string {
  const lines = [cliText('cli.usage', lang), '', cliText('cli.usage.commands', lang)];
  for (const name of Object.keys(COMMANDS)) lines.push(`  ${name.padEnd(9)} ${cliText(`cli.command.${name}`, lang)}`);
  lines.push('', cliText('cli.usage.more', lang));
  return lines.join('\n');
}

/** The one line a usage error prints: "msi-doctor <command>: why", in the language's own punctuation. */
export function usageErrorLine(command: string, error: CliUsageError, lang: Lang): string {
  return commandMessage(command, lang, error.in(lang));
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const lang = langOf(argv);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage(lang) + '\n');
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`${cliText('cli.unknown-command', lang, { name })}\n${usage(lang)}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  } catch (error) {
    if (error instanceof CliUsageError) {
      const errorLang = name === 'report' ? langOf(argv, defaultLang(process.env)) : lang;
      process.stderr.write(`${usageErrorLine(name, error, errorLang)}\n`);
      return 2;
    }
    // Last resort: never show a stack trace to a user, but keep enough to report the bug.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${cliText('cli.internal-error', lang, { name, message })}\n`);
    if (process.env.MSI_DOCTOR_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
}
