// Probe other-user-path: a per-user install run by another (administrator) account writes its PATH entry into THAT
// account's hive (over-the-shoulder elevation). Reads the loaded hives of other accounts (elevated only) for entries
// holding a known product's executable.
import { z } from 'zod';
import type { OtherUserPathData } from '../../../shared/contract/evidence-data.ts';
import { KNOWN_PRODUCTS } from '../../../shared/knowledge/known-products.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, probeScriptSpec, psStringList, readScriptJson, verdict } from './probe-kit.ts';

const TIMEOUT_MS = 20_000;

// PowerShell 5.1. Only loaded hives (HKU\S-1-5-21-...) of accounts other than the signed-in user; values unexpanded,
// %USERPROFILE% replaced by that account's profile folder (ProfileList), other variables by the system's.
const SCRIPT = String.raw`
$me = if ($params.userSid) { $params.userSid } else { Get-MdCurrentSid }
$elevated = [bool](Test-MdAdministrator)
$hives = @(); $denied = 0
foreach ($sid in @(Get-MdRegistrySubKeyName 'Registry::HKEY_USERS')) {
  if ($sid -notmatch '^S-1-5-21-[0-9-]+$' -or $sid -eq $me) { continue }
  $values = $null
  try { $values = Get-MdRegistryValueList ('Registry::HKEY_USERS\' + $sid + '\Environment') } catch { $denied++; continue }
  $pathValue = @($values | Where-Object { $null -ne $_ -and $_.name -eq 'Path' })[0]
  $raw = if ($pathValue) { [string]$pathValue.raw } else { $null }
  $profile = Get-MdRegistryValue ('Registry::HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\' + $sid) 'ProfileImagePath'
  if ($profile) { $profile = Expand-MdEnvironment ([string]$profile) } else { $profile = $null }
  $entries = @()
  foreach ($e in (([string]$raw) -split ';')) {
    if ($e.Trim() -eq '') { continue }
    $x = $e
    if ($profile) { $x = [regex]::Replace($x, '%USERPROFILE%', { param($m) $profile }, 'IgnoreCase') }
    $x = (Expand-MdEnvironment $x).Trim().Trim('"')
    $has = @()
    try { if (Test-MdPath $x -Container) { foreach ($n in $params.executables) { if (Test-MdPath ($x.TrimEnd('\') + '\' + $n) -Leaf) { $has += $n } } } } catch { }
    $entries += [pscustomobject]@{ raw = $e; expanded = $x; executables = $has }
  }
  $hives += [pscustomobject]@{ sid = $sid; profile = $profile; path = $raw; entries = $entries }
}
[pscustomobject]@{ elevated = $elevated; hives = $hives; denied = $denied } | ConvertTo-Json -Compress -Depth 5
`;

export const otherUserPathOutputSchema = z.object({
  elevated: z.boolean(),
  hives: z.array(
    z.object({
      sid: z.string(),
      profile: z.string().nullable(),
      path: z.string().nullable(),
      entries: z.array(z.object({ raw: z.string(), expanded: z.string(), executables: psStringList })),
    }),
  ),
  denied: z.number().int(),
});
export type OtherUserPathOutput = z.infer<typeof otherUserPathOutputSchema>;

export function parseOtherUserPath(outputs: CommandOutput[]): ProbeVerdict<'other-user-path'> {
  const parsed = readScriptJson(outputs[0], otherUserPathOutputSchema);
  if (!parsed.ok) return errorVerdict('other-user-path', parsed.error);
  const data: OtherUserPathData = {
    hives: parsed.value.hives
      .map((h) => ({
        sid: h.sid,
        profile: h.profile,
        entries: h.entries
          .filter((e) => e.executables.length > 0)
          .map((e) => ({ ...e, executables: e.executables.map((x) => x.toLowerCase()) })),
      }))
      .filter((h) => h.entries.length > 0),
    hivesRead: parsed.value.hives.length,
  };
  const hit = data.hives[0];
  if (hit)
    return verdict('warning', 'other-user-path', 'found', data, {
      sid: hit.sid,
      folder: hit.entries[0]!.expanded,
      profile: hit.profile ?? hit.sid,
    });
  return verdict('ok', 'other-user-path', 'none', data, {
    count: data.hivesRead,
  });
}

export const otherUserPathProbe: ProbeDefinition<'other-user-path'> = {
  id: 'other-user-path',
  elevation: 'required',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: (context) => [
    probeScriptSpec(
      'other-user-path',
      SCRIPT,
      { userSid: context.user.sid, executables: [...new Set(KNOWN_PRODUCTS.map((p) => p.executable))] },
      TIMEOUT_MS,
    ),
  ],
  parse: (outputs) => parseOtherUserPath(outputs),
};
