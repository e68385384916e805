// Probe elevation: is this process elevated (integrity SID), is the user an admin (filtered token), UAC settings, RID 500.
import { z } from 'zod';
import type { ElevationData, IntegrityLevel } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import { parseWhoamiGroups } from './console-parsers.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, failureOf, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import { systemProgram } from '../run/windows-programs.ts';

const TIMEOUT_MS = 10_000;

// IsInRole(Administrator) is true only for a really elevated token; UAC values as numbers.
const SCRIPT = String.raw`
$policies = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System'
function Pol($n) { $v = Get-MdRegistryValue $policies $n; if ($null -ne $v) { [int]$v } else { $null } }
[pscustomobject]@{
  userName = $env:USERNAME
  domain = $env:USERDOMAIN
  computerName = $env:COMPUTERNAME
  userSid = Get-MdCurrentSid
  inAdminRole = [bool](Test-MdAdministrator)
  enableLua = Pol 'EnableLUA'
  consentPromptBehaviorAdmin = Pol 'ConsentPromptBehaviorAdmin'
  promptOnSecureDesktop = Pol 'PromptOnSecureDesktop'
} | ConvertTo-Json -Compress
`;

export const elevationOutputSchema = z.object({
  userName: z.string().nullable(),
  domain: z.string().nullable(),
  computerName: z.string().nullable(),
  userSid: z.string().nullable(),
  inAdminRole: z.boolean(),
  enableLua: z.number().int().nullable(),
  consentPromptBehaviorAdmin: z.number().int().nullable(),
  promptOnSecureDesktop: z.number().int().nullable(),
});
export type ElevationOutput = z.infer<typeof elevationOutputSchema>;

export function integrityFromRid(rid: number | null): IntegrityLevel {
  if (rid === null) return 'unknown';
  if (rid >= 16384) return 'system';
  if (rid >= 12288) return 'high';
  if (rid >= 8448) return 'medium-plus';
  if (rid >= 8192) return 'medium';
  if (rid >= 4096) return 'low';
  return 'untrusted';
}

export function parseElevation(outputs: CommandOutput[]): ProbeVerdict<'elevation'> {
  const [whoamiOut, psOut] = outputs;
  const parsedWho =
    whoamiOut && !failureOf(whoamiOut) && whoamiOut.exitCode === 0 ? parseWhoamiGroups(whoamiOut.stdout) : null;
  // Output without a single SID is not whoami's table (garbage, an error page): ignore it.
  const who = parsedWho && parsedWho.sids.length > 0 ? parsedWho : null;
  const ps = readScriptJson(psOut, elevationOutputSchema);
  if (!who && !ps.ok) return errorVerdict('elevation', ps.error);
  const o = ps.ok ? ps.value : null;

  // whoami's integrity SID is the definitive answer; IsInRole(Administrator) is true only when elevated under UAC.
  const integrityLevel = integrityFromRid(who?.integrityRid ?? null);
  const elevated = who?.integrityRid != null ? who.integrityRid >= 12288 : (o?.inAdminRole ?? false);
  const isAdmin = who ? who.hasAdministrators : (o?.inAdminRole ?? false);
  const data: ElevationData = {
    elevated,
    isAdmin,
    filteredToken: isAdmin && !elevated,
    integrityLevel,
    integritySid: who?.integritySid ?? null,
    uacEnabled: o?.enableLua == null ? null : o.enableLua !== 0,
    consentPromptBehaviorAdmin: o?.consentPromptBehaviorAdmin ?? null,
    promptOnSecureDesktop: o?.promptOnSecureDesktop == null ? null : o.promptOnSecureDesktop !== 0,
    builtinAdministrator: o?.userSid ? /^S-1-5-21-.*-500$/.test(o.userSid) : false,
    userName: o?.userName ?? null,
    userSid: o?.userSid ?? null,
    domain: o?.domain ?? null,
    computerName: o?.computerName ?? null,
  };
  const p = 'elevation';
  if (data.uacEnabled === false) return verdict('security', p, 'uac-disabled', data);
  if (elevated) return verdict('ok', p, 'elevated', data);
  if (data.filteredToken) return verdict('ok', p, 'admin-not-elevated', data);
  return verdict('warning', p, 'standard-user', data);
}

export const elevationProbe: ProbeDefinition<'elevation'> = {
  id: 'elevation',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [
    {
      file: systemProgram('whoami.exe'),
      args: ['/groups'],
      encoding: 'oem',
      timeoutMs: 5_000,
      label: 'whoami /groups',
    },
    probeScriptSpec('elevation', SCRIPT, {}, TIMEOUT_MS),
  ],
  parse: (outputs) => parseElevation(outputs),
};
