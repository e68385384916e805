// Probe recent-logs: MSI logs of the last days in %TEMP%, C:\Windows\Temp, C:\Windows\SystemTemp (newest first), plus a
// command to fetch one log's bytes so the scan service can run the log analyzer on real and simulated machines alike.
import { z } from 'zod';
import type { RecentLogsData } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { powerShellSpec } from '../run/powershell.ts';
import { quotePowerShellLiteral } from '../run/quoting.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import {
  errorVerdict,
  failureOf,
  isoTime,
  probeScriptSpec,
  readScriptJson,
  verdict,
  type Parsed,
} from './probe-kit.ts';
import { MSI_LOG_HEAD, MSI_LOG_HEAD_BYTES } from './msi-log-head.ts';
import { preludeFor } from '../run/powershell-prelude.ts';

const TIMEOUT_MS = 20_000;
export const LOG_DAYS = 7;
export const LOG_LIMIT = 20;

// MSI*.LOG is what the Logging policy writes; any other *.log counts when its first bytes have the structure of an MSI
// or Burn log (msi-log-head.ts: locale-free, the header's words are translated).
const SCRIPT = String.raw`
$since = (Get-MdNow).AddDays(-$params.days)
$root = $env:SystemRoot
$folders = @(
  [pscustomobject]@{ folder = 'user-temp'; path = $(if ($params.temp) { $params.temp } else { $env:TEMP }) },
  [pscustomobject]@{ folder = 'windows-temp'; path = ($root + '\Temp') },
  [pscustomobject]@{ folder = 'system-temp'; path = ($root + '\SystemTemp') })
$searched = @(); $logs = @()
function Test-MsiLog($f) {
  if ($f.Name -like 'MSI*.LOG') { return $true }
  try {
    $b = Read-MdFileHead $f.FullName $params.headBytes
    $t = [Text.Encoding]::Unicode.GetString($b) + [char]10 + [Text.Encoding]::UTF8.GetString($b)
    return $t -match ('(?m)' + $params.head)
  } catch { return $false }
}
foreach ($d in $folders) {
  $items = $null; $ok = $true
  try { $items = @(Get-MdChildFile $d.path '*.log') } catch { $ok = $false }
  $searched += [pscustomobject]@{ folder = $d.folder; path = $d.path; readable = $ok }
  foreach ($f in @($items | Where-Object { $_ -and $_.LastWriteTime -ge $since })) {
    if (Test-MsiLog $f) { $logs += [pscustomobject]@{ path = $f.FullName; folder = $d.folder; size = [double]$f.Length; modified = $f.LastWriteTime.ToUniversalTime().ToString('o') } }
  }
}
[pscustomobject]@{ searched = $searched; logs = $logs } | ConvertTo-Json -Compress -Depth 4
`;

export const recentLogsOutputSchema = z.object({
  searched: z.array(z.object({ folder: z.string(), path: z.string(), readable: z.boolean() })),
  logs: z.array(
    z.object({
      path: z.string(),
      folder: z.enum(['user-temp', 'windows-temp', 'system-temp', 'policy']),
      size: z.number(),
      modified: z.string(),
    }),
  ),
});
export type RecentLogsOutput = z.infer<typeof recentLogsOutputSchema>;

export function parseRecentLogs(outputs: CommandOutput[]): ProbeVerdict<'recent-logs'> {
  const parsed = readScriptJson(outputs[0], recentLogsOutputSchema);
  if (!parsed.ok) return errorVerdict('recent-logs', parsed.error);
  const all = parsed.value.logs
    .map((l) => ({ ...l, modified: isoTime(l.modified) ?? l.modified }))
    .sort((a, b) => b.modified.localeCompare(a.modified));
  const data: RecentLogsData = {
    logs: all.slice(0, LOG_LIMIT).map((l) => ({ ...l, analysis: null })),
    searched: parsed.value.searched,
    truncated: all.length > LOG_LIMIT,
  };
  const p = 'recent-logs';
  const newest = data.logs[0];
  if (newest) return verdict('ok', p, 'found', data, { count: data.logs.length, newest: newest.path });
  return verdict('ok', p, 'none', data, { days: LOG_DAYS });
}

export const recentLogsProbe: ProbeDefinition<'recent-logs'> = {
  id: 'recent-logs',
  // Users cannot list C:\Windows\Temp: the elevated run also finds the service-side and SYSTEM logs there.
  elevation: 'better',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: (context) => [
    probeScriptSpec(
      'recent-logs',
      SCRIPT,
      { days: LOG_DAYS, temp: context.user.temp, head: MSI_LOG_HEAD, headBytes: MSI_LOG_HEAD_BYTES },
      TIMEOUT_MS,
    ),
  ],
  parse: (outputs) => parseRecentLogs(outputs),
};

// ------------------------------------------------------------------ reading one log's bytes (for the analyzer)
export const MAX_LOG_READ_BYTES = 8 * 1024 * 1024;

/**
 * A command printing {path, size, offset, base64} of (at most maxBytes of the END of) one file: MSI logs fail at the end.
 * The offset is even, so a UTF-16LE log stays aligned on characters.
 */
export function logReadCommand(path: string, maxBytes = MAX_LOG_READ_BYTES): CommandSpec {
  // The JSON is written by hand around the base64 (11 MB for an 8 MiB tail): nothing in it needs escaping, and Windows
  // PowerShell 5.1's ConvertTo-Json is slow on such strings. The path goes through ConvertTo-Json (quotes, CJK).
  const body = String.raw`
function Json($v) { ConvertTo-Json -InputObject $v -Compress }
try {
  $t = Read-MdFileTail $params.path $params.maxBytes
  '{"path":' + (Json $params.path) + ',"size":' + [string][long]$t.size + ',"offset":' + [string][long]$t.offset + ',"base64":"' + $t.base64 + '","error":null}'
} catch {
  '{"path":' + (Json $params.path) + ',"size":null,"offset":0,"base64":"","error":' + (Json ('0x{0:X8}' -f $_.Exception.GetBaseException().HResult)) + '}'
}`;
  const script = [
    '# msi-doctor:file=read',
    `$params = ConvertFrom-Json ${quotePowerShellLiteral(JSON.stringify({ path, maxBytes }))}`,
    preludeFor(body),
    body.trim(),
  ].join('\n');
  return powerShellSpec(script, { label: `read log ${path}`, timeoutMs: 30_000 });
}

const logReadSchema = z.object({
  path: z.string(),
  size: z.number().nullable(),
  offset: z.number(),
  base64: z.string(),
  error: z.string().nullable(),
});

export interface LogBytes {
  path: string;
  size: number;
  /** Byte offset of `bytes` in the file (non-zero when only the tail was read). */
  offset: number;
  bytes: Uint8Array;
}

export function parseLogRead(output: CommandOutput): Parsed<LogBytes> {
  const failure = failureOf(output);
  if (failure) return { ok: false, error: failure };
  const parsed = readScriptJson(output, logReadSchema);
  if (!parsed.ok) return parsed;
  if (parsed.value.error || parsed.value.size === null)
    return { ok: false, error: `cannot read ${parsed.value.path}: ${parsed.value.error ?? 'unknown error'}` };
  return {
    ok: true,
    value: {
      path: parsed.value.path,
      size: parsed.value.size,
      offset: parsed.value.offset,
      bytes: new Uint8Array(Buffer.from(parsed.value.base64, 'base64')),
    },
  };
}
