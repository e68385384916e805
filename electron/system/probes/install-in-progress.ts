// Probe install-in-progress: who holds the Windows Installer (mutex, busy service, InProgress key, msiexec clients, 1040s, background installers).
import { z } from 'zod';
import type { ClientKind, InstallInProgressData, MsiClient } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import { parseWindowsCommandLine } from '../run/quoting.ts';
import type { ProbeContext, ProbeDefinition, ProbeVerdict } from './probe.ts';
import { ageMinutes, errorVerdict, isoTime, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import { eventXPath, TRANSACTION_EVENTS } from './event-queries.ts';
import { nestedParam } from '../../../shared/knowledge/text-render.ts';

const TIMEOUT_MS = 20_000;

// The mutex test (Get-MdInstallerMutexState) follows PSADT's Test-ADTMutexAvailability, side-effect free.
// $elevated is this process's own IsInRole check: an "elevated" batch is not elevated when UAC is off for a standard user.
const SCRIPT = String.raw`
$elevated = [bool](Test-MdAdministrator)
$mutex = Get-MdInstallerMutexState
$svc = Get-MdService 'msiserver'
$svcCim = Get-MdCimInstance 'Win32_Service' "Name='msiserver'"
$procs = @(Get-MdCimInstance 'Win32_Process' "Name='msiexec.exe'" | ForEach-Object {
  [pscustomobject]@{ pid = [int]$_.ProcessId; ppid = [int]$_.ParentProcessId; session = [int]$_.SessionId; cmd = $_.CommandLine
    started = if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') } else { $null } } })
$bg = @(foreach ($n in 'wuauserv','TrustedInstaller','CcmExec','IntuneManagementExtension') {
  $s = Get-MdService $n
  [pscustomobject]@{ name = $n; kind = 'service'; present = [bool]$s; active = [bool]($s -and [int]$s.Status -eq 4) } })
$ti = @(Get-MdProcess 'TiWorker')
$bg += [pscustomobject]@{ name = 'TiWorker'; kind = 'process'; present = $ti.Count -gt 0; active = $ti.Count -gt 0 }
$events = @(); $eventsError = $null
try {
  $events = @(Get-MdEvent $params.events.log $params.events.xpath $params.events.max | ForEach-Object {
    [pscustomobject]@{ id = [int]$_.Id; time = $_.TimeCreated.ToUniversalTime().ToString('o'); data = @($_.Properties | ForEach-Object { [string]$_.Value }) } })
} catch { $eventsError = '0x{0:X8}' -f $_.Exception.GetBaseException().HResult }
[pscustomobject]@{
  elevated = $elevated
  mutex = $mutex
  serviceFound = [bool]$svc
  canShutdown = if ($svc) { [bool]$svc.CanShutdown } else { $null }
  servicePid = if ($svcCim -and $svcCim.ProcessId) { [int]$svcCim.ProcessId } else { $null }
  inProgressKey = [bool](Test-MdRegistryKey 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\InProgress')
  processes = $procs
  background = $bg
  events = $events
  eventsError = $eventsError
} | ConvertTo-Json -Compress -Depth 4
`;

export const installInProgressOutputSchema = z.object({
  elevated: z.boolean(),
  mutex: z.enum(['free', 'busy', 'denied', 'unknown']),
  serviceFound: z.boolean(),
  canShutdown: z.boolean().nullable(),
  servicePid: z.number().int().nullable(),
  inProgressKey: z.boolean(),
  processes: z.array(
    z.object({
      pid: z.number().int(),
      ppid: z.number().int(),
      session: z.number().int(),
      cmd: z.string().nullable(),
      started: z.string().nullable(),
    }),
  ),
  background: z.array(
    z.object({
      name: z.enum(['wuauserv', 'TrustedInstaller', 'TiWorker', 'CcmExec', 'IntuneManagementExtension']),
      kind: z.enum(['service', 'process']),
      present: z.boolean(),
      active: z.boolean(),
    }),
  ),
  events: z.array(z.object({ id: z.number().int(), time: z.string(), data: z.array(z.string()) })),
  /** HRESULT when the event log could not be read (the other facts still count). */
  eventsError: z.string().nullable().optional(),
});
export type InstallInProgressOutput = z.infer<typeof installInProgressOutputSchema>;

/** The msiexec service instance: "C:\Windows\system32\msiexec.exe /V" (started by services.exe). */
export function isServiceCommandLine(cmd: string): boolean {
  return /msiexec(\.exe)?"?\s+\/V\s*$/i.test(cmd.trim());
}
export function isCustomActionServer(cmd: string): boolean {
  return /\s-Embedding\b/i.test(cmd);
}

const SWITCH_KINDS: Array<[RegExp, ClientKind]> = [
  [/^[/-](i|package)$/i, 'install'],
  [/^[/-](x|uninstall)$/i, 'uninstall'],
  [/^[/-]f[a-z]*$/i, 'repair'],
  [/^[/-](p|update)$/i, 'patch'],
  [/^[/-]a$/i, 'admin'],
  [/^[/-]j[mu]?$/i, 'advertise'],
];

/** msiexec's own switches: argv tokens (quotes respected), so "/forcecleanup" inside PROP="..." is not a switch. */
function findSwitch(cmd: string): { kind: ClientKind; argument: string | null } | null {
  const tokens = parseWindowsCommandLine(cmd).slice(1);
  for (let i = 0; i < tokens.length; i++) {
    const hit = SWITCH_KINDS.find(([re]) => re.test(tokens[i]!));
    if (hit) return { kind: hit[1], argument: tokens[i + 1] ?? null };
  }
  return null;
}

/** What a client msiexec does, from its switches (/i /x /f /p /a /j /update /uninstall /package). */
export function clientKind(cmd: string): ClientKind {
  return findSwitch(cmd)?.kind ?? (/\.msi\b/i.test(cmd) ? 'install' : 'other');
}

/** The package (or product code for /x {GUID}) argument of a client command line. */
export function packageOf(cmd: string): string | null {
  const sw = findSwitch(cmd);
  if (sw?.argument && !/^[/-]/.test(sw.argument)) return sw.argument;
  return (
    parseWindowsCommandLine(cmd)
      .slice(1)
      .find((t) => /\.msi$/i.test(t)) ?? null
  );
}

export function parseInstallInProgress(
  outputs: CommandOutput[],
  context: ProbeContext,
  _elevatedRun: boolean,
): ProbeVerdict<'install-in-progress'> {
  const parsed = readScriptJson(outputs[0], installInProgressOutputSchema);
  if (!parsed.ok) return errorVerdict('install-in-progress', parsed.error);
  const o = parsed.value;
  // Only the script's own IsInRole says the token is elevated: a batch that went through the prompt may still run with
  // a standard token (a standard user with UAC off), and then 'denied' is a guess, never a definitive 1618.
  const elevated = o.elevated;

  const clients: MsiClient[] = [];
  const customActionServers: InstallInProgressData['customActionServers'] = [];
  let hiddenProcesses = 0;
  for (const proc of o.processes) {
    if (proc.pid === o.servicePid || (proc.cmd !== null && isServiceCommandLine(proc.cmd))) continue;
    if (proc.cmd === null || proc.cmd === '') {
      hiddenProcesses += 1;
      continue;
    }
    if (isCustomActionServer(proc.cmd)) {
      customActionServers.push({ pid: proc.pid, commandLine: proc.cmd, startedAt: isoTime(proc.started) });
      continue;
    }
    clients.push({
      pid: proc.pid,
      parentPid: proc.ppid,
      sessionId: proc.session,
      packagePath: packageOf(proc.cmd),
      commandLine: proc.cmd,
      startedAt: isoTime(proc.started),
      ageMinutes: ageMinutes(proc.started, context.now),
      kind: clientKind(proc.cmd),
    });
  }
  clients.sort((a, b) => (b.ageMinutes ?? 0) - (a.ageMinutes ?? 0));

  // 1040 "begin transaction" [0]=package [1]=client PID, without a later 1042 for the same PID.
  const events = o.events
    .map((e) => ({ ...e, time: isoTime(e.time) ?? e.time }))
    .sort((a, b) => a.time.localeCompare(b.time));
  const unmatchedBegin: InstallInProgressData['unmatchedBegin'] = [];
  events.forEach((e, i) => {
    if (e.id !== 1040) return;
    const pid = Number.parseInt(e.data[1] ?? '', 10);
    const ended = events.slice(i + 1).some((later) => later.id === 1042 && later.data[1] === e.data[1]);
    if (!ended)
      unmatchedBegin.push({ time: e.time, packagePath: e.data[0] || null, clientPid: Number.isNaN(pid) ? null : pid });
  });

  const serviceBusy = o.canShutdown;
  let mutex: InstallInProgressData['mutex'];
  let mutexDefinitive: boolean;
  if (o.mutex === 'free' || o.mutex === 'busy') {
    mutex = o.mutex;
    mutexDefinitive = true;
  } else if (o.mutex === 'denied') {
    // Access denied means the object exists; unelevated that is only a guess, so lean on the service's busy flag.
    mutex = elevated || serviceBusy !== false ? 'busy' : 'unknown';
    mutexDefinitive = elevated;
  } else {
    mutex = 'unknown';
    mutexDefinitive = false;
  }

  const data: InstallInProgressData = {
    mutex,
    mutexDefinitive,
    serviceBusy,
    servicePid: o.servicePid,
    inProgressKey: o.inProgressKey,
    clients,
    customActionServers,
    hiddenProcesses,
    unmatchedBegin,
    backgroundInstallers: o.background,
  };

  const p = 'install-in-progress';
  const bgActive = o.background.filter((b) => b.active && b.name !== 'IntuneManagementExtension');
  const oldest = clients[0];
  const busy = mutex === 'busy' || serviceBusy === true;
  if (oldest && oldest.sessionId === 0) {
    return verdict('problem', p, 'background-install', data, {
      pid: oldest.pid,
      age: nestedParam('value.age.minutes', { count: oldest.ageMinutes ?? 0 }),
      package: oldest.packagePath ?? '?',
    });
  }
  if (oldest) {
    return verdict('problem', p, 'client-running', data, {
      pid: oldest.pid,
      age: nestedParam('value.age.minutes', { count: oldest.ageMinutes ?? 0 }),
      package: oldest.packagePath ?? '?',
    });
  }
  if (busy) {
    const variant = bgActive.length > 0 ? 'busy-background' : elevated ? 'busy' : 'busy-hidden';
    return verdict('problem', p, variant, data, { services: bgActive.map((b) => b.name).join(', ') });
  }
  // With the lock free and no installer running, an unfinished install's marker is worth knowing, not a failure: new
  // installs are not refused for 1618 (the diagnosis weighs it the same way); a restart lets Windows clear it.
  if (o.inProgressKey) return verdict(mutex === 'free' ? 'warning' : 'problem', p, 'in-progress-key', data);
  if (bgActive.length > 0)
    return verdict('warning', p, 'background-active', data, { services: bgActive.map((b) => b.name).join(', ') });
  return verdict('ok', p, 'idle', data);
}

export const installInProgressProbe: ProbeDefinition<'install-in-progress'> = {
  id: 'install-in-progress',
  // Unelevated, other users' and SYSTEM msiexec command lines are hidden; elevated, the mutex answer is definitive.
  elevation: 'better',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: () => [
    probeScriptSpec(
      'install-in-progress',
      SCRIPT,
      { events: { log: TRANSACTION_EVENTS.log, xpath: eventXPath(TRANSACTION_EVENTS), max: TRANSACTION_EVENTS.max } },
      TIMEOUT_MS,
    ),
  ],
  parse: (outputs, context, elevated) => parseInstallInProgress(outputs, context, elevated),
};
