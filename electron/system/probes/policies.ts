// Probe policies: DisableMSI, DisableUserInstalls, AlwaysInstallElevated (HKLM+HKCU), Logging, AppLocker MSI rules, SRP.
import { z } from 'zod';
import type { PoliciesData } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';

const TIMEOUT_MS = 15_000;

// AppLocker's EnforcementMode attribute ('NotConfigured' | 'Enabled' | 'AuditOnly') is an XML value, not UI text.
const SCRIPT = String.raw`
$m = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Installer'
$u = 'HKCU:\SOFTWARE\Policies\Microsoft\Windows\Installer'
function Val($p, $n) { $k = Get-Item -LiteralPath $p -ErrorAction SilentlyContinue; if ($k) { $k.GetValue($n, $null) } else { $null } }
function Int($v) { if ($null -ne $v) { [int]$v } else { $null } }
$rules = $null; $mode = 'unknown'
try {
  [xml]$x = Get-AppLockerPolicy -Effective -Xml -ErrorAction Stop
  $rc = @($x.AppLockerPolicy.RuleCollection | Where-Object { $_.Type -eq 'Msi' })
  if ($rc.Count -eq 0) { $rules = 0; $mode = 'NotConfigured' }
  else { $rules = @($rc[0].ChildNodes | Where-Object { $_.LocalName -like '*Rule' }).Count; $mode = if ($rc[0].EnforcementMode) { $rc[0].EnforcementMode } else { 'NotConfigured' } }
} catch { }
$safer = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Safer\CodeIdentifiers'
[pscustomobject]@{
  disableMsi = Int (Val $m 'DisableMSI')
  disableUserInstalls = Int (Val $m 'DisableUserInstalls')
  alwaysInstallElevatedHklm = Int (Val $m 'AlwaysInstallElevated')
  alwaysInstallElevatedHkcu = Int (Val $u 'AlwaysInstallElevated')
  logging = Val $m 'Logging'
  disableLoggingFromPackage = Int (Val $m 'DisableLoggingFromPackage')
  disablePatch = Int (Val $m 'DisablePatch')
  applockerMsiRules = $rules
  applockerEnforcement = $mode
  srpV2Msi = Test-Path -LiteralPath 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\SrpV2\Msi'
  saferConfigured = Test-Path -LiteralPath $safer
  saferDefaultLevel = Int (Val $safer 'DefaultLevel')
} | ConvertTo-Json -Compress
`;

export const policiesOutputSchema = z.object({
  disableMsi: z.number().int().nullable(),
  disableUserInstalls: z.number().int().nullable(),
  alwaysInstallElevatedHklm: z.number().int().nullable(),
  alwaysInstallElevatedHkcu: z.number().int().nullable(),
  logging: z.string().nullable(),
  disableLoggingFromPackage: z.number().int().nullable(),
  disablePatch: z.number().int().nullable(),
  applockerMsiRules: z.number().int().nullable(),
  applockerEnforcement: z.string(),
  srpV2Msi: z.boolean(),
  saferConfigured: z.boolean(),
  saferDefaultLevel: z.number().int().nullable(),
});
export type PoliciesOutput = z.infer<typeof policiesOutputSchema>;

export function parsePolicies(outputs: CommandOutput[]): ProbeVerdict {
  const parsed = readScriptJson(outputs[0], policiesOutputSchema);
  if (!parsed.ok) return errorVerdict('policies', parsed.error);
  const o = parsed.value;
  const enforcement: PoliciesData['applockerMsiEnforcement'] =
    o.applockerEnforcement === 'Enabled'
      ? 'enabled'
      : o.applockerEnforcement === 'AuditOnly'
        ? 'audit-only'
        : o.applockerEnforcement === 'NotConfigured'
          ? 'not-configured'
          : 'unknown';
  const data: PoliciesData = {
    disableMsi: o.disableMsi,
    disableUserInstalls: o.disableUserInstalls,
    alwaysInstallElevated: { hklm: o.alwaysInstallElevatedHklm, hkcu: o.alwaysInstallElevatedHkcu },
    alwaysInstallElevatedActive: o.alwaysInstallElevatedHklm === 1 && o.alwaysInstallElevatedHkcu === 1,
    logging: o.logging,
    disableLoggingFromPackage: o.disableLoggingFromPackage,
    disablePatch: o.disablePatch,
    applockerMsiRules: o.applockerMsiRules,
    applockerMsiEnforcement: enforcement,
    srpV2MsiKey: o.srpV2Msi,
    saferConfigured: o.saferConfigured,
    saferDefaultLevel: o.saferDefaultLevel,
  };
  const p = 'policies';
  // DisableMSI 1 blocks non-managed (not admin-deployed) installs, 2 blocks all: either stops a user's own .msi (1625).
  if (data.disableMsi === 2) return verdict('problem', p, 'msi-disabled-always', data);
  if (data.disableMsi === 1) return verdict('problem', p, 'msi-disabled-unmanaged', data);
  if (data.alwaysInstallElevatedActive) return verdict('security', p, 'always-install-elevated', data);
  if (enforcement === 'enabled' && (data.applockerMsiRules ?? 0) > 0)
    return verdict('warning', p, 'applocker-msi', data, { rules: data.applockerMsiRules ?? 0 });
  if (data.disableUserInstalls === 1) return verdict('warning', p, 'user-installs-disabled', data);
  if (data.saferConfigured && data.saferDefaultLevel === 0) return verdict('warning', p, 'srp-disallowed', data);
  if (data.logging) return verdict('ok', p, 'logging-on', data, { value: data.logging });
  return verdict('ok', p, 'none', data);
}

export const policiesProbe: ProbeDefinition = {
  id: 'policies',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [probeScriptSpec('policies', SCRIPT, {}, TIMEOUT_MS)],
  parse: (outputs) => parsePolicies(outputs),
};
