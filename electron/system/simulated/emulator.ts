// The command emulator: matches a CommandSpec to a handler that reads/changes the SimulatedMachine and renders output.
import type { CommandSpec } from '../run/command-runner.ts';
import type { SimulatedMachine } from './machine.ts';
import { encodeOutput } from './output-encoding.ts';

/** A command as handlers see it: argv split out, PowerShell -EncodedCommand decoded, probe marker and params read. */
export interface EmulatedCommand {
  spec: CommandSpec;
  /** Lower-case base name without '.exe': 'sc', 'reg', 'icacls', 'powershell', 'msiexec', 'cmd'... */
  tool: string;
  args: string[];
  /** Decoded PowerShell script (from -EncodedCommand or -Command), else null. */
  script: string | null;
  /** The `# msi-doctor:probe=<id>` / `# msi-doctor:repair=<id>` marker of a script. */
  marker: { kind: string; id: string } | null;
  /** `$params = ConvertFrom-Json '<json>'` of a script. */
  params: Record<string, unknown> | null;
}

export interface EmulatorContext {
  machine: SimulatedMachine;
  /** The command runs in the (simulated) elevated batch. */
  elevated: boolean;
  /** The account the elevated batch runs as (over-the-shoulder: an administrator's); default the signed-in user. */
  account?: string;
  /** The emulator running the command (set by CommandEmulator.run), for handlers that run nested commands. */
  emulator?: CommandEmulator;
}

export interface EmulatedResult {
  exitCode: number;
  /** Text is encoded the way the real tool would write it (spec.encoding: OEM code page / UTF-8 / UTF-16LE). */
  stdout: string | Uint8Array;
  stderr?: string | Uint8Array;
  /** Simulated run time (default 40 ms); lets tests see realistic durations without sleeping. */
  durationMs?: number;
}

export type CommandMatcher = (command: EmulatedCommand) => boolean;
export type CommandHandler = (command: EmulatedCommand, context: EmulatorContext) => EmulatedResult;

interface Registration {
  name: string;
  match: CommandMatcher;
  handle: CommandHandler;
}

/** Handlers registered by other modules (e.g. repairs) for every emulator; checked before the built-ins. */
const globalHandlers: Registration[] = [];

/**
 * Adds a handler for all emulators (later registrations win). Repairs use this for icacls /grant, reg add, sc config...
 * Returns a function that removes it again (tests).
 */
export function registerCommandHandler(match: CommandMatcher, handle: CommandHandler, name = 'custom'): () => void {
  const reg: Registration = { name, match, handle };
  globalHandlers.unshift(reg);
  return () => {
    const i = globalHandlers.indexOf(reg);
    if (i >= 0) globalHandlers.splice(i, 1);
  };
}

/** Parses argv into an EmulatedCommand (decoding a PowerShell -EncodedCommand). */
export function describeCommand(spec: CommandSpec): EmulatedCommand {
  const base = spec.file
    .replace(/^.*[\\/]/, '')
    .toLowerCase()
    .replace(/\.(exe|com|bat|cmd)$/, '');
  let script: string | null = null;
  if (base === 'powershell' || base === 'pwsh') {
    const i = spec.args.findIndex((a) => /^-(EncodedCommand|enc|e|ec)$/i.test(a));
    const encoded = i >= 0 ? spec.args[i + 1] : undefined;
    if (encoded) script = Buffer.from(encoded, 'base64').toString('utf16le');
    else {
      const c = spec.args.findIndex((a) => /^-(Command|c)$/i.test(a));
      if (c >= 0) script = spec.args.slice(c + 1).join(' ');
    }
  }
  let marker: EmulatedCommand['marker'] = null;
  let params: Record<string, unknown> | null = null;
  if (script !== null) {
    const m = /#\s*msi-doctor:([\w-]+)=([\w-]+)/.exec(script);
    if (m) marker = { kind: m[1]!, id: m[2]! };
    const p = /\$params\s*=\s*ConvertFrom-Json\s+'((?:[^']|'')*)'/.exec(script);
    if (p) {
      try {
        const parsed: unknown = JSON.parse(p[1]!.replace(/''/g, "'"));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
      } catch {
        params = null;
      }
    }
  }
  return { spec, tool: base, args: spec.args, script, marker, params };
}

export interface EmulatedBytes {
  exitCode: number;
  stdout: Uint8Array;
  stderr: Uint8Array;
  durationMs: number;
  handler: string;
}

export class CommandEmulator {
  private readonly own: Registration[] = [];

  /** Adds a handler to this emulator only (later registrations win over earlier ones and over the built-ins). */
  register(match: CommandMatcher, handle: CommandHandler, name = 'custom'): this {
    this.own.unshift({ name, match, handle });
    return this;
  }

  run(spec: CommandSpec, context: EmulatorContext): EmulatedBytes {
    const command = describeCommand(spec);
    const cp = context.machine.state.locale.oemCodePage;
    const all = [...globalHandlers, ...this.own];
    const reg = all.find((r) => r.match(command));
    if (!reg) {
      // What cmd.exe says for an unknown program, so callers see a realistic failure.
      const text = `'${spec.file}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n`;
      return {
        exitCode: 9009,
        stdout: new Uint8Array(),
        stderr: encodeOutput(text, 'oem', cp),
        durationMs: 5,
        handler: 'none',
      };
    }
    let result: EmulatedResult;
    try {
      result = reg.handle(command, { ...context, emulator: this });
    } catch (error) {
      // A handler bug must look like a failing command, not crash the scan.
      const message = error instanceof Error ? error.message : String(error);
      return {
        exitCode: 1,
        stdout: new Uint8Array(),
        stderr: encodeOutput(`simulator: ${message}\r\n`, 'utf8', cp),
        durationMs: 1,
        handler: reg.name,
      };
    }
    const enc = (v: string | Uint8Array | undefined): Uint8Array =>
      v === undefined ? new Uint8Array() : typeof v === 'string' ? encodeOutput(v, spec.encoding, cp) : v;
    return {
      exitCode: result.exitCode,
      stdout: enc(result.stdout),
      stderr: enc(result.stderr),
      durationMs: result.durationMs ?? 40,
      handler: reg.name,
    };
  }
}

// ------------------------------------------------------------ matcher helpers for handler authors
export const matchTool =
  (tool: string, firstArg?: RegExp): CommandMatcher =>
  (c) =>
    c.tool === tool && (!firstArg || firstArg.test(c.args[0] ?? ''));

export const matchScript =
  (kind: string, id: string): CommandMatcher =>
  (c) =>
    c.marker?.kind === kind && c.marker.id === id;
