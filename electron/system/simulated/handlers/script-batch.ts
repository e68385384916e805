// Emulated batch of probe scripts (probes/script-batch.ts): runs each embedded part through the emulator, prints the
// combined JSON object the real batch prints ({ key: { stdout, stderr, ms } }).
import type { CommandHandler, CommandMatcher } from '../emulator.ts';
import { decodeOutput } from '../output-encoding.ts';

/** PowerShell start-up, paid once per batch instead of once per script. */
const STARTUP_MS = 300;

export const matchScriptBatch: CommandMatcher = (c) => c.marker?.kind === 'batch';

export const handleScriptBatch: CommandHandler = (c, ctx) => {
  const out: Record<string, { stdout: string; stderr: string | null; ms: number }> = {};
  let total = STARTUP_MS;
  for (const m of (c.script ?? '').matchAll(/# msi-doctor:part=(\S+)\r?\n([\s\S]*?)\r?\n# msi-doctor:end-part/g)) {
    const [, key = '', body = ''] = m;
    const spec = {
      file: 'powershell.exe',
      args: ['-EncodedCommand', Buffer.from(body, 'utf16le').toString('base64')],
      encoding: 'utf8' as const,
    };
    const r = ctx.emulator!.run(spec, ctx);
    const ms = Math.max(10, r.durationMs - STARTUP_MS);
    total += ms;
    // A part that fails prints nothing and leaves its error text, as the real batch's catch block does.
    out[key] =
      r.exitCode === 0
        ? { stdout: decodeOutput(r.stdout, 'utf8', 65001), stderr: null, ms }
        : { stdout: '', stderr: decodeOutput(r.stderr, 'utf8', 65001), ms };
  }
  return { exitCode: 0, stdout: JSON.stringify(out) + '\r\n', durationMs: total };
};
