// Probe deployment-logs: the logs of the company's deployment tools where they live — ConfigMgr (C:\Windows\CCM\Logs),
// Intune Management Extension (ProgramData\...\IntuneManagementExtension\Logs), PSAppDeployToolkit (Windows\Logs\Software,
// ProgramData\Logs\Software), C:\Windows\Temp — with their rotated parts (*-YYYYMMDD-HHMMSS.log, *.lo_), from the last
// days. The scan service then reads them (shared/deploylog) and follows failed attempts to their MSI logs.
import { z } from 'zod';
import type { DeploymentLogsData } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, isoTime, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import { MSI_LOG_HEAD, MSI_LOG_HEAD_BYTES } from './msi-log-head.ts';

const TIMEOUT_MS = 30_000;
export const DEPLOY_LOG_DAYS = 7;
/** With a code to match, older failures count too (rotated parts keep weeks of history). */
export const DEPLOY_LOG_DAYS_WITH_CODE = 30;
export const DEPLOY_LOG_LIMIT = 60;

/**
 * What makes a file a candidate, shared by the real script (passed in as parameters, .NET regex syntax = JS here)
 * and the simulated machine, so both decide the same way.
 */
export const DEPLOY_LOG_RULES = {
  /** ConfigMgr client logs about applications, packages and content, with rotated parts. */
  ccmNames:
    '^(AppEnforce|AppDiscovery|AppIntentEval|execmgr|CAS|ContentTransferManager|DataTransferService)(-\\d{8}-\\d{6})?\\.(log|lo_)$',
  /** Intune Management Extension logs about Win32 apps, with rotated parts. */
  imeNames: '^(AppWorkload|AppActionProcessor|IntuneManagementExtension|AgentExecutor)(-\\d{8}-\\d{6})?\\.(log|lo_)$',
  /** Rotated parts: ConfigMgr/IME -YYYYMMDD-HHMMSS and .lo_, PSADT 3 _yyyy-MM-dd-HH-mm-ss, PSADT 4 _yyyyMMddTHHmmss... */
  rotated:
    '(-\\d{8}-\\d{6}\\.log|\\.lo_|_\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}\\.log|_\\d{8}T\\d{6}[^\\\\]*\\.log)$',
  /** First bytes of a deployment log: a CMTrace record, or a PSADT text line (matched per line: multiline mode). */
  deployHead: '<!\\[LOG\\[|^\\[\\d{1,4}[-/][^\\]]{4,40}\\] \\[',
  /** First bytes of an MSI or Burn log, by structure (msi-log-head.ts; the header's words are translated). */
  msiHead: MSI_LOG_HEAD,
  /** How many first bytes are read. */
  headBytes: MSI_LOG_HEAD_BYTES,
} as const;

// Folders are listed and files read through the prelude (Get-MdChildFile, Read-MdFileHead); the first bytes decide
// deploy log (CMTrace record, PSADT line) or MSI log (msi-log-head.ts: by structure, the header's words are translated).
const SCRIPT = String.raw`
$since = (Get-MdNow).AddDays(-[int]$params.days)
$root = $env:SystemRoot; $pd = $env:ProgramData
$places = @(
  [pscustomobject]@{ folder = 'ccm-logs'; path = ($root + '\CCM\Logs'); depth = 0 },
  [pscustomobject]@{ folder = 'ime-logs'; path = ($pd + '\Microsoft\IntuneManagementExtension\Logs'); depth = 0 },
  [pscustomobject]@{ folder = 'psadt-logs'; path = ($root + '\Logs\Software'); depth = 1 },
  [pscustomobject]@{ folder = 'psadt-user-logs'; path = ($pd + '\Logs\Software'); depth = 1 },
  [pscustomobject]@{ folder = 'windows-temp'; path = ($root + '\Temp'); depth = 0 })
function Get-HeadKind($f) {
  try {
    $b = Read-MdFileHead $f.FullName $params.headBytes
    $t = ([Text.Encoding]::Unicode.GetString($b) + [char]10 + [Text.Encoding]::UTF8.GetString($b)) -replace [char]0xFEFF, ''
    if ($t -match ('(?m)' + $params.deployHead)) { return 'deploy' }
    if ($t -match ('(?m)' + $params.msiHead)) { return 'msi' }
  } catch { }
  return $null
}
$searched = @(); $logs = @()
foreach ($p in $places) {
  $items = $null; $ok = $true
  try { $items = @(Get-MdChildFile $p.path '*' $p.depth) } catch { $ok = $false }
  $searched += [pscustomobject]@{ folder = $p.folder; path = $p.path; readable = $ok }
  foreach ($f in @($items | Where-Object { $_ -and $_.LastWriteTime -ge $since })) {
    $tool = $null; $kind = $null
    if ($p.folder -eq 'ccm-logs' -and $f.Name -match $params.ccmNames) { $tool = 'configmgr'; $kind = 'deploy' }
    elseif ($p.folder -eq 'ime-logs' -and $f.Name -match $params.imeNames) { $tool = 'intune'; $kind = 'deploy' }
    elseif ($f.Name -match '\.(log|lo_)$') {
      $kind = Get-HeadKind $f
      if ($kind -eq 'deploy' -and $p.folder -like 'psadt*') { $tool = 'psadt' }
      if ($kind -eq 'msi' -and $p.folder -eq 'windows-temp') { $kind = $null }
    }
    if ($kind) {
      $logs += [pscustomobject]@{ path = $f.FullName; folder = $p.folder; tool = $tool; kind = $kind; size = [double]$f.Length;
        modified = $f.LastWriteTime.ToUniversalTime().ToString('o'); rotated = [bool]($f.Name -match $params.rotated) }
    }
  }
}
[pscustomobject]@{ searched = $searched; logs = $logs } | ConvertTo-Json -Compress -Depth 4
`;

export const deploymentLogsOutputSchema = z.object({
  searched: z.array(z.object({ folder: z.string(), path: z.string(), readable: z.boolean() })),
  logs: z.array(
    z.object({
      path: z.string(),
      folder: z.enum(['ccm-logs', 'ime-logs', 'psadt-logs', 'psadt-user-logs', 'windows-temp']),
      tool: z.enum(['configmgr', 'intune', 'psadt']).nullable(),
      kind: z.enum(['deploy', 'msi']),
      size: z.number(),
      modified: z.string(),
      rotated: z.boolean(),
    }),
  ),
});
export type DeploymentLogsOutput = z.infer<typeof deploymentLogsOutputSchema>;

export function parseDeploymentLogs(outputs: CommandOutput[], days: number): ProbeVerdict<'deployment-logs'> {
  const parsed = readScriptJson(outputs[0], deploymentLogsOutputSchema);
  if (!parsed.ok) return errorVerdict('deployment-logs', parsed.error);
  // Tool logs first (current parts before rotated ones), newest first; the MSI logs they wrote after them.
  // .NET's 'o' time has 7 fractional digits, JavaScript's 3: one form before sorting and reporting.
  const all = parsed.value.logs
    .map((l) => ({ ...l, modified: isoTime(l.modified) ?? l.modified }))
    .sort(
      (a, b) =>
        Number(a.kind === 'msi') - Number(b.kind === 'msi') ||
        Number(a.rotated) - Number(b.rotated) ||
        b.modified.localeCompare(a.modified),
    );
  const data: DeploymentLogsData = {
    logs: all.slice(0, DEPLOY_LOG_LIMIT).map((l) => ({ ...l, failures: null })),
    searched: parsed.value.searched,
    truncated: all.length > DEPLOY_LOG_LIMIT,
  };
  const tools = [...new Set(data.logs.filter((l) => l.kind === 'deploy').map((l) => l.tool ?? 'cmtrace'))];
  const newest = data.logs.find((l) => l.kind === 'deploy');
  if (!newest) return verdict('ok', 'deployment-logs', 'none', data, { days });
  const count = data.logs.filter((l) => l.kind === 'deploy').length;
  return verdict('ok', 'deployment-logs', 'found', data, { count, days, tools: tools.join(', '), newest: newest.path });
}

/** The window: 7 days, or 30 when the user gave a code to match (an older failure with that code still explains it). */
export function deployLogDays(codes: readonly number[]): number {
  return codes.length > 0 ? DEPLOY_LOG_DAYS_WITH_CODE : DEPLOY_LOG_DAYS;
}

export const deploymentLogsProbe: ProbeDefinition<'deployment-logs'> = {
  id: 'deployment-logs',
  // Users cannot list C:\Windows\Temp: the elevated run also sees the PSADT logs kept there.
  elevation: 'better',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: (context) => [
    probeScriptSpec(
      'deployment-logs',
      SCRIPT,
      { days: deployLogDays(context.symptom.exitCodes), ...DEPLOY_LOG_RULES },
      TIMEOUT_MS,
    ),
  ],
  parse: (outputs, context) => parseDeploymentLogs(outputs, deployLogDays(context.symptom.exitCodes)),
};
