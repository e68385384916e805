// Probe installer-service: msiserver state, start type, image path, busy flag (CanShutdown), registration damage.
import { z } from 'zod';
import type { InstallerServiceData, ServiceStartType, ServiceState } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import { parseScQuery } from './console-parsers.ts';
import type { ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, failureOf, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import { systemProgram } from '../run/windows-programs.ts';

const TIMEOUT_MS = 15_000;

// Enums are printed as numbers ([int]) because PS 5.1 has no -EnumsAsStrings; registry values unexpanded.
const SCRIPT = String.raw`
$svc = Get-MdService 'msiserver'
$cim = Get-MdCimInstance 'Win32_Service' "Name='msiserver'"
$key = 'HKLM:\SYSTEM\CurrentControlSet\Services\msiserver'
$start = Get-MdRegistryValue $key 'Start'
[pscustomobject]@{
  serviceFound = [bool]$svc
  status = if ($svc) { [int]$svc.Status } else { $null }
  startType = if ($svc) { [int]$svc.StartType } else { $null }
  canStop = if ($svc) { [bool]$svc.CanStop } else { $null }
  canShutdown = if ($svc) { [bool]$svc.CanShutdown } else { $null }
  pid = if ($cim) { [int]$cim.ProcessId } else { $null }
  exitCode = if ($cim) { [int]$cim.ExitCode } else { $null }
  pathName = if ($cim) { [string]$cim.PathName } else { $null }
  keyExists = [bool](Test-MdRegistryKey $key)
  imagePath = Get-MdRegistryValue $key 'ImagePath'
  start = if ($null -ne $start) { [int]$start } else { $null }
  objectName = Get-MdRegistryValue $key 'ObjectName'
  msiexecPresent = [bool](Test-MdPath ($env:SystemRoot + '\System32\msiexec.exe'))
} | ConvertTo-Json -Compress
`;

export const installerServiceOutputSchema = z.object({
  serviceFound: z.boolean(),
  status: z.number().int().nullable(),
  startType: z.number().int().nullable(),
  canStop: z.boolean().nullable(),
  canShutdown: z.boolean().nullable(),
  pid: z.number().int().nullable(),
  exitCode: z.number().int().nullable(),
  pathName: z.string().nullable(),
  keyExists: z.boolean(),
  imagePath: z.string().nullable(),
  start: z.number().int().nullable(),
  objectName: z.string().nullable(),
  msiexecPresent: z.boolean(),
});
export type InstallerServiceOutput = z.infer<typeof installerServiceOutputSchema>;

/** ServiceControllerStatus / SERVICE_STATUS dwCurrentState numbers (the same in both). */
export function serviceStateFromNumber(n: number | null): ServiceState {
  const states: Record<number, ServiceState> = {
    1: 'stopped',
    2: 'start-pending',
    3: 'stop-pending',
    4: 'running',
    5: 'continue-pending',
    6: 'pause-pending',
    7: 'paused',
  };
  return n === null ? 'unknown' : (states[n] ?? 'unknown');
}

/** ServiceStartMode / registry Start numbers (0 boot, 1 system, 2 auto, 3 manual, 4 disabled). */
export function startTypeFromNumber(n: number | null): ServiceStartType {
  const types: Record<number, ServiceStartType> = { 0: 'boot', 1: 'system', 2: 'auto', 3: 'manual', 4: 'disabled' };
  return n === null ? 'unknown' : (types[n] ?? 'unknown');
}

/** ImagePath must run System32\msiexec.exe with /V ('%systemroot%\system32\msiexec.exe /V', quoted or not). */
export function isMsiserverImagePath(imagePath: string | null): boolean {
  if (!imagePath) return false;
  const p = imagePath.trim().replace(/"/g, '').toLowerCase();
  return /^(%systemroot%|%windir%|[a-z]:\\windows)\\system32\\msiexec(\.exe)?\s+\/v$/.test(p);
}

export function parseInstallerService(outputs: CommandOutput[]): ProbeVerdict<'installer-service'> {
  const [psOut, scOut] = outputs;
  const ps = readScriptJson(psOut, installerServiceOutputSchema);
  const scParsed = scOut && !failureOf(scOut) ? parseScQuery(scOut.stdout + scOut.stderr, scOut.exitCode) : null;
  // Neither a service block nor an "[SC] ... <number>" error: not sc.exe output, so it says nothing.
  const sc = scParsed && (scParsed.found || scParsed.win32Error !== null) ? scParsed : null;
  if (!ps.ok && !sc) return errorVerdict('installer-service', ps.error);

  let data: InstallerServiceData;
  if (ps.ok) {
    const o = ps.value;
    data = {
      state: o.serviceFound ? serviceStateFromNumber(o.status) : 'missing',
      startType: startTypeFromNumber(o.start ?? o.startType),
      startValue: o.start,
      imagePath: o.imagePath,
      imagePathOk: isMsiserverImagePath(o.imagePath ?? o.pathName),
      objectName: o.objectName,
      pid: o.pid && o.pid > 0 ? o.pid : (sc?.pid ?? null),
      busy: o.canShutdown ?? sc?.acceptsShutdown ?? null,
      exitCode: o.exitCode ?? sc?.win32ExitCode ?? null,
      registrationMissing: !o.serviceFound || !o.keyExists || sc?.win32Error === 1060,
      msiexecPresent: o.msiexecPresent,
    };
  } else {
    // PowerShell failed (blocked, broken): sc.exe alone still answers state, busy flag and PID by numbers.
    const s = sc!;
    data = {
      state: s.found ? serviceStateFromNumber(s.state) : s.win32Error === 1060 ? 'missing' : 'unknown',
      startType: 'unknown',
      startValue: null,
      imagePath: null,
      imagePathOk: true,
      objectName: null,
      pid: s.pid && s.pid > 0 ? s.pid : null,
      busy: s.found ? s.acceptsShutdown : null,
      exitCode: s.win32ExitCode,
      registrationMissing: s.win32Error === 1060,
      msiexecPresent: null,
    };
  }

  const p = 'installer-service';
  if (data.registrationMissing) return verdict('problem', p, 'missing', data);
  if (data.msiexecPresent === false) return verdict('problem', p, 'msiexec-missing', data);
  if (data.startType === 'disabled') return verdict('problem', p, 'disabled', data);
  if (data.imagePath !== null && !data.imagePathOk)
    return verdict('problem', p, 'bad-image-path', data, { imagePath: data.imagePath });
  if (data.busy) return verdict('warning', p, 'busy', data, { pid: data.pid ?? '?' });
  if (data.state === 'running') return verdict('ok', p, 'running', data);
  // Stopped + Manual (demand start) is the normal idle state; exit code 1077 = not started since boot.
  return verdict('ok', p, 'idle', data);
}

export const installerServiceProbe: ProbeDefinition<'installer-service'> = {
  id: 'installer-service',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [
    probeScriptSpec('installer-service', SCRIPT, {}, TIMEOUT_MS),
    {
      file: systemProgram('sc.exe'),
      args: ['queryex', 'msiserver'],
      encoding: 'oem',
      timeoutMs: 5_000,
      label: 'sc queryex msiserver',
    },
  ],
  parse: (outputs) => parseInstallerService(outputs),
};
