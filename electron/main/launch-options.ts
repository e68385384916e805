// Parses the app's command line: headless mode (--headless scan|report ...), the simulated machine
// (--simulate NAME / --scenario FILE / env MSI_DOCTOR_SIMULATE) and files to open (.log, .msi).
import { extname, isAbsolute, resolve } from 'node:path';

export const HEADLESS_COMMANDS = ['scan', 'report'] as const;
export type HeadlessCommand = (typeof HEADLESS_COMMANDS)[number];

export interface LaunchOptions {
  /** --headless <command> [CLI options]: run the CLI command without a window and exit with its code. */
  headless: { command: string; args: string[] } | null;
  simulate: string | null;
  scenarioFile: string | null;
  /** Absolute paths of .log/.txt/.msi/.msp files named on the command line (double-click, "Open with"). */
  files: string[];
}

export const OPENABLE_EXTENSIONS = ['.log', '.txt', '.msi', '.msp'];

/**
 * argv is process.argv minus what belongs to Electron itself: the executable, and in development the app path
 * (`electron .`). Chromium switches (--foo) are ignored; so is anything that is not an openable file type.
 */
export function parseLaunchArgs(
  argv: readonly string[],
  cwd: string,
  env: Record<string, string | undefined>,
): LaunchOptions {
  const options: LaunchOptions = {
    headless: null,
    simulate: env.MSI_DOCTOR_SIMULATE || null,
    scenarioFile: env.MSI_DOCTOR_SCENARIO || null,
    files: [],
  };
  const headlessAt = argv.indexOf('--headless');
  if (headlessAt !== -1) {
    const [command = '', ...args] = argv.slice(headlessAt + 1);
    options.headless = { command, args };
    return options;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^--(simulate|scenario)=(.*)$/.exec(arg);
    if (inline) {
      if (inline[1] === 'simulate') options.simulate = inline[2] || null;
      else options.scenarioFile = inline[2] ? resolve(cwd, inline[2]) : null;
      continue;
    }
    if (arg === '--simulate' || arg === '--scenario') {
      const value = argv[++i];
      if (value === undefined) break;
      if (arg === '--simulate') options.simulate = value;
      else options.scenarioFile = resolve(cwd, value);
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (!OPENABLE_EXTENSIONS.includes(extname(arg).toLowerCase())) continue;
    options.files.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return options;
}

export function isHeadlessCommand(command: string): command is HeadlessCommand {
  return (HEADLESS_COMMANDS as readonly string[]).includes(command);
}

/**
 * The arguments after the executable. In development the app path (`electron .`) and Chromium switches added by
 * tools (Playwright's --inspect=0...) are among them; parseLaunchArgs ignores both (not an openable file, a flag).
 */
export function userArgs(argv: readonly string[]): string[] {
  return argv.slice(1);
}
