// The `msi-doctor` command line: dispatches to one module per sub-command and turns any failure into exit code 2.
import { CliUsageError, type CliCommand } from './cli-types.ts';

/** Sub-commands, loaded lazily so `analyze` never pays for the system layer and vice versa. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  scan: {
    summary: 'check this Windows machine (or a simulated one) for what breaks MSI installs',
    load: async () => (await import('./commands/scan.ts')).scanCommand,
  },
  analyze: {
    summary: 'explain an MSI or Burn log: outcome, failing action, cause, next steps',
    load: async () => (await import('./commands/analyze.ts')).analyzeCommand,
  },
  inspect: {
    summary: 'read an .msi without installing it: facts, custom actions, findings before they bite',
    load: async () => (await import('./commands/inspect.ts')).inspectCommand,
  },
  report: {
    summary: 'scan, diagnose and write a redacted report to share (ZIP, HTML or JSON)',
    load: async () => (await import('./commands/report.ts')).reportCommand,
  },
  fix: {
    summary: 'preview, confirm and run one safe repair (or the recommended one); verifies and keeps a journal',
    load: async () => (await import('./commands/fix.ts')).fixCommand,
  },
  undo: {
    summary: 'undo a repair from its journal and backups (also after a crash or restart)',
    load: async () => (await import('./commands/undo.ts')).undoCommand,
  },
  verify: {
    summary: 'after an install: does each product work in a new terminal (go version...), and if not, why',
    load: async () => (await import('./commands/verify.ts')).verifyCommand,
  },
  fleet: {
    summary: "summarize many machines' scan results (causes, products, machines to act on first; HTML + CSV)",
    load: async () => (await import('./commands/fleet.ts')).fleetCommand,
  },
};

export function usage(): string {
  const lines = ['Usage: msi-doctor <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(9)} ${command.summary}`);
  lines.push('', 'Run `msi-doctor <command> --help` for the options of a command.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`msi-doctor: unknown command "${name}".\n${usage()}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`msi-doctor ${name}: ${error.message}\n`);
      return 2;
    }
    // Last resort: never show a stack trace to a user, but keep enough to report the bug.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`msi-doctor ${name}: internal error: ${message}\n`);
    if (process.env.MSI_DOCTOR_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
}
