// Probe policies: DisableMSI, DisableUserInstalls, AlwaysInstallElevated (HKLM+HKCU), Logging, AppLocker MSI rules, SRP.
import { z } from 'zod';
import type { PoliciesData } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, failureOf, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import { parseRegQuery, type RegQuery } from './console-parsers.ts';
import { systemProgram } from '../run/windows-programs.ts';

const MACHINE_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer';
const USER_KEY = 'HKCU\\SOFTWARE\\Policies\\Microsoft\\Windows\\Installer';

const TIMEOUT_MS = 15_000;

// AppLocker's EnforcementMode attribute ('NotConfigured' | 'Enabled' | 'AuditOnly') is an XML value, not UI text.
const SCRIPT = String.raw`
$m = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Installer'
$u = 'HKCU:\SOFTWARE\Policies\Microsoft\Windows\Installer'
function Int($v) { if ($null -ne $v) { [int]$v } else { $null } }
$rules = $null; $mode = 'unknown'
try {
  [xml]$x = Get-MdAppLockerPolicyXml
  $rc = @($x.AppLockerPolicy.RuleCollection | Where-Object { $_.Type -eq 'Msi' })
  if ($rc.Count -eq 0) { $rules = 0; $mode = 'NotConfigured' }
  else { $rules = @($rc[0].ChildNodes | Where-Object { $_.LocalName -like '*Rule' }).Count; $mode = if ($rc[0].EnforcementMode) { [string]$rc[0].EnforcementMode } else { 'NotConfigured' } }
} catch { }
$safer = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Safer\CodeIdentifiers'
[pscustomobject]@{
  disableMsi = Int (Get-MdRegistryValue $m 'DisableMSI')
  disableUserInstalls = Int (Get-MdRegistryValue $m 'DisableUserInstalls')
  alwaysInstallElevatedHklm = Int (Get-MdRegistryValue $m 'AlwaysInstallElevated')
  alwaysInstallElevatedHkcu = Int (Get-MdRegistryValue $u 'AlwaysInstallElevated')
  logging = Get-MdRegistryValue $m 'Logging'
  disableLoggingFromPackage = Int (Get-MdRegistryValue $m 'DisableLoggingFromPackage')
  disablePatch = Int (Get-MdRegistryValue $m 'DisablePatch')
  applockerMsiRules = $rules
  applockerEnforcement = $mode
  srpV2Msi = [bool](Test-MdRegistryKey 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\SrpV2\Msi')
  saferConfigured = [bool](Test-MdRegistryKey $safer)
  saferDefaultLevel = Int (Get-MdRegistryValue $safer 'DefaultLevel')
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

/** A key read with reg.exe: null when the command did not run; a missing key (exit 1) has no values. */
function regKey(output: CommandOutput | undefined): RegQuery | null {
  if (!output || failureOf(output) || (output.exitCode !== 0 && output.exitCode !== 1)) return null;
  return parseRegQuery(output.stdout, output.exitCode);
}

/**
 * The reg.exe fallback (PowerShell blocked, e.g. Constrained Language): the Installer policy values by their fixed
 * names and types. AppLocker and SRP need PowerShell: reported as unknown (null), never as "not configured".
 */
function fromRegistry(machine: RegQuery, user: RegQuery): PoliciesOutput {
  const dword = (q: RegQuery, name: string): number | null => {
    const v = q.values.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return v && typeof v.data === 'number' ? v.data : null;
  };
  const logging = machine.values.find((x) => x.name.toLowerCase() === 'logging');
  return {
    disableMsi: dword(machine, 'DisableMSI'),
    disableUserInstalls: dword(machine, 'DisableUserInstalls'),
    alwaysInstallElevatedHklm: dword(machine, 'AlwaysInstallElevated'),
    alwaysInstallElevatedHkcu: dword(user, 'AlwaysInstallElevated'),
    logging: logging && typeof logging.data === 'string' ? logging.data : null,
    disableLoggingFromPackage: dword(machine, 'DisableLoggingFromPackage'),
    disablePatch: dword(machine, 'DisablePatch'),
    applockerMsiRules: null,
    applockerEnforcement: 'unknown',
    srpV2Msi: false,
    saferConfigured: false,
    saferDefaultLevel: null,
  };
}

export function parsePolicies(outputs: CommandOutput[]): ProbeVerdict<'policies'> {
  const parsed = readScriptJson(outputs[0], policiesOutputSchema);
  const machine = regKey(outputs[1]);
  const user = regKey(outputs[2]);
  if (!parsed.ok && !(machine && user)) return errorVerdict('policies', parsed.error);
  const o = parsed.ok ? parsed.value : fromRegistry(machine!, user!);
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
  // Only the registry was readable: say that AppLocker and SRP were not checked rather than "no policy".
  if (!parsed.ok) return verdict('ok', p, 'registry-only', data, { value: data.logging ?? '-' });
  if (data.logging) return verdict('ok', p, 'logging-on', data, { value: data.logging });
  return verdict('ok', p, 'none', data);
}

export const policiesProbe: ProbeDefinition<'policies'> = {
  id: 'policies',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [
    probeScriptSpec('policies', SCRIPT, {}, TIMEOUT_MS),
    // reg.exe fallbacks for the Installer policy values when PowerShell is blocked; /reg:64 defeats WOW64.
    ...[MACHINE_KEY, USER_KEY].map((key) => ({
      file: systemProgram('reg.exe'),
      args: ['query', key, '/reg:64'],
      encoding: 'oem' as const,
      timeoutMs: 5_000,
      label: `reg query ${key.split('\\')[0]} Installer policies`,
    })),
  ],
  parse: (outputs) => parsePolicies(outputs),
};
