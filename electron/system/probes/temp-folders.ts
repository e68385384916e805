// Probe temp-folders: user TEMP/TMP (create+delete test), C:\Windows\Temp and C:\Windows\Installer (SDDL by SID), free space.
import { z } from 'zod';
import type { AceSummary, TempFoldersData, UserTempInfo } from '../../../shared/contract/evidence-data.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeContext, ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, hasNonAscii, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';
import {
  appliesToSelf,
  broadGroupsCanCreate,
  effectiveFileMask,
  FILE,
  hasFullControl,
  isDangerousGrant,
  parseSddl,
  type Ace,
} from './sddl.ts';

const TIMEOUT_MS = 20_000;
const LOW_SPACE_BYTES = 1024 ** 3;

// The writability test creates and deletes one file; errors are reported as HRESULT numbers (messages are localized).
// Params: the real user's SID and TEMP, because an over-the-shoulder elevated batch runs as another account.
const SCRIPT = String.raw`
$me = [Security.Principal.WindowsIdentity]::GetCurrent().User.Value
$sid = if ($params.userSid) { $params.userSid } else { $me }
$envKey = "Registry::HKEY_USERS\$sid\Environment"
function RegVal($n) { $k = Get-Item -LiteralPath $envKey -ErrorAction SilentlyContinue; if ($k) { $k.GetValue($n, $null, 'DoNotExpandEnvironmentNames') } else { $null } }
function Test-Temp($name, $value) {
  $r = [ordered]@{ variable = $name; value = $value; registryValue = (RegVal $name); exists = $false; isDirectory = $false; writable = $null; writeError = $null; driveType = $null }
  if ($value) {
    $r.exists = Test-Path -LiteralPath $value
    $r.isDirectory = Test-Path -LiteralPath $value -PathType Container
    if ($r.isDirectory) {
      $f = Join-Path $value ('~msidoctor-' + [guid]::NewGuid().ToString('N') + '.tmp')
      try { [IO.File]::WriteAllText($f, 'probe'); Remove-Item -LiteralPath $f -Force; $r.writable = $true }
      catch { $r.writable = $false; $r.writeError = '0x{0:X8}' -f $_.Exception.HResult }
    }
    try { $r.driveType = [int]([IO.DriveInfo]::new([IO.Path]::GetPathRoot($value)).DriveType) } catch { }
  }
  [pscustomobject]$r
}
function Folder($path) {
  $sddl = $null
  try { $sddl = (Get-Acl -LiteralPath $path -ErrorAction Stop).Sddl } catch { }
  [pscustomobject]@{ path = $path; exists = (Test-Path -LiteralPath $path); isDirectory = (Test-Path -LiteralPath $path -PathType Container); sddl = $sddl }
}
$temp = if ($params.temp) { $params.temp } else { $env:TEMP }
$tmp = if ($params.temp -and $sid -ne $me) { $params.temp } else { $env:TMP }
$drives = @(Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType=3' -ErrorAction SilentlyContinue | ForEach-Object {
  [pscustomobject]@{ drive = $_.DeviceID; freeBytes = [double]$_.FreeSpace; totalBytes = [double]$_.Size } })
[pscustomobject]@{
  currentSid = $me
  userSid = $sid
  userTemp = Test-Temp 'TEMP' $temp
  userTmp = Test-Temp 'TMP' $tmp
  windowsTemp = Folder (Join-Path $env:SystemRoot 'Temp')
  installer = Folder (Join-Path $env:SystemRoot 'Installer')
  systemTemp = Folder (Join-Path $env:SystemRoot 'SystemTemp')
  systemDrive = $env:SystemDrive
  drives = $drives
} | ConvertTo-Json -Compress -Depth 4
`;

const tempSchema = z.object({
  variable: z.enum(['TEMP', 'TMP']),
  value: z.string().nullable(),
  registryValue: z.string().nullable(),
  exists: z.boolean(),
  isDirectory: z.boolean(),
  writable: z.boolean().nullable(),
  writeError: z.string().nullable(),
  driveType: z.number().int().nullable(),
});
const folderSchema = z.object({
  path: z.string(),
  exists: z.boolean(),
  isDirectory: z.boolean(),
  sddl: z.string().nullable(),
});
export const tempFoldersOutputSchema = z.object({
  currentSid: z.string(),
  userSid: z.string(),
  userTemp: tempSchema,
  userTmp: tempSchema,
  windowsTemp: folderSchema,
  installer: folderSchema,
  systemTemp: folderSchema,
  systemDrive: z.string(),
  drives: z.array(z.object({ drive: z.string(), freeBytes: z.number().nullable(), totalBytes: z.number().nullable() })),
});
export type TempFoldersOutput = z.infer<typeof tempFoldersOutputSchema>;

/** DriveType 3 = fixed local disk; UNC paths and removed drives are "not local". */
function userTempInfo(t: z.infer<typeof tempSchema>): UserTempInfo {
  return {
    variable: t.variable,
    value: t.value,
    registryValue: t.registryValue,
    exists: t.exists,
    isDirectory: t.isDirectory,
    writable: t.writable,
    writeError: t.writeError,
    nonAscii: t.value !== null && hasNonAscii(t.value),
    notLocal: t.value !== null && (t.value.startsWith('\\\\') || (t.driveType !== null && t.driveType !== 3)),
  };
}

const toSummary = (a: Ace): AceSummary => ({
  sid: a.sid,
  rights: a.rights,
  flags: a.flags.join(''),
  type: a.type,
  inherited: a.flags.includes('ID'),
});

const DEFAULTS: Array<{ sid: string; check: (a: Ace) => boolean }> = [
  { sid: 'S-1-5-18', check: (a) => appliesToSelf(a) && (effectiveFileMask(a.mask) & FILE.full) === FILE.full },
  { sid: 'S-1-5-32-544', check: (a) => appliesToSelf(a) && (effectiveFileMask(a.mask) & FILE.full) === FILE.full },
  {
    sid: 'S-1-5-32-545',
    check: (a) =>
      appliesToSelf(a) &&
      (effectiveFileMask(a.mask) & (FILE.addFile | FILE.addSubdir)) === (FILE.addFile | FILE.addSubdir),
  },
  { sid: 'S-1-3-0', check: (a) => a.flags.includes('IO') && (effectiveFileMask(a.mask) & FILE.full) === FILE.full },
];

export function analyzeWindowsTemp(
  folder: z.infer<typeof folderSchema>,
  userSid: string | null,
): TempFoldersData['windowsTemp'] {
  const sd = parseSddl(folder.sddl);
  if (!sd) {
    return {
      path: folder.path,
      exists: folder.exists,
      isDirectory: folder.isDirectory,
      sddl: null,
      owner: null,
      aclChecked: false,
      usersCanCreate: null,
      missingDefaults: [],
      denies: [],
      overPermissive: [],
    };
  }
  const allows = sd.dacl.filter((a) => a.type === 'allow');
  return {
    path: folder.path,
    exists: folder.exists,
    isDirectory: folder.isDirectory,
    sddl: folder.sddl,
    owner: sd.owner,
    aclChecked: true,
    usersCanCreate: broadGroupsCanCreate(sd, userSid),
    missingDefaults: DEFAULTS.filter((d) => !allows.some((a) => a.sid === d.sid && d.check(a))).map((d) => d.sid),
    denies: sd.dacl
      .filter(
        (a) => a.type === 'deny' && ['S-1-5-18', 'S-1-5-32-544', 'S-1-5-32-545', 'S-1-1-0', 'S-1-5-11'].includes(a.sid),
      )
      .map(toSummary),
    overPermissive: sd.dacl.filter(isDangerousGrant).map(toSummary),
  };
}

export function analyzeInstallerFolder(folder: z.infer<typeof folderSchema>): TempFoldersData['installerFolder'] {
  const sd = parseSddl(folder.sddl);
  return {
    path: folder.path,
    exists: folder.exists,
    isDirectory: folder.isDirectory,
    owner: sd?.owner ?? null,
    ownerOk: sd?.owner ? ['S-1-5-18', 'S-1-5-32-544'].includes(sd.owner) : null,
    sddl: folder.sddl,
    aclChecked: sd !== null,
    systemFullControl: sd ? hasFullControl(sd, 'S-1-5-18') : null,
  };
}

export function parseTempFolders(outputs: CommandOutput[], context: ProbeContext): ProbeVerdict {
  const parsed = readScriptJson(outputs[0], tempFoldersOutputSchema);
  if (!parsed.ok) return errorVerdict('temp-folders', parsed.error);
  const o = parsed.value;
  const userTemp = userTempInfo(o.userTemp);
  const userTmp = userTempInfo(o.userTmp);
  const tempDrive = (v: string | null): string | null =>
    v && /^[A-Za-z]:/.test(v) ? v.slice(0, 2).toUpperCase() : null;
  const relevant = new Set(
    [o.systemDrive.toUpperCase(), tempDrive(userTemp.value), tempDrive(userTmp.value)].filter(
      (d): d is string => d !== null,
    ),
  );
  const drives = o.drives.map((d) => ({
    drive: d.drive.toUpperCase(),
    freeBytes: d.freeBytes,
    totalBytes: d.totalBytes,
  }));
  const data: TempFoldersData = {
    userTemp,
    userTmp,
    testedAsUser: o.currentSid === (context.user.sid ?? o.userSid),
    windowsTemp: analyzeWindowsTemp(o.windowsTemp, context.user.sid),
    installerFolder: analyzeInstallerFolder(o.installer),
    systemTemp: { path: o.systemTemp.path, exists: o.systemTemp.exists },
    drives,
    lowSpaceDrives: drives
      .filter((d) => relevant.has(d.drive) && d.freeBytes !== null && d.freeBytes < LOW_SPACE_BYTES)
      .map((d) => d.drive),
  };

  const p = 'temp-folders';
  const wt = data.windowsTemp;
  if (!wt.exists) return verdict('problem', p, 'windows-temp-missing', data, { path: wt.path });
  if (!wt.isDirectory) return verdict('problem', p, 'windows-temp-not-folder', data, { path: wt.path });
  if (
    wt.aclChecked &&
    (wt.usersCanCreate === false || wt.denies.length > 0 || wt.missingDefaults.includes('S-1-5-18'))
  ) {
    return verdict('problem', p, 'windows-temp-acl', data, { path: wt.path, missing: wt.missingDefaults.join(', ') });
  }
  const inst = data.installerFolder;
  if (!inst.exists || !inst.isDirectory)
    return verdict('problem', p, 'installer-folder-missing', data, { path: inst.path });
  if (inst.ownerOk === false || inst.systemFullControl === false)
    return verdict('problem', p, 'installer-folder-acl', data, { path: inst.path, owner: inst.owner ?? '?' });
  for (const t of [userTemp, userTmp]) {
    if (t.value === null || t.value === '')
      return verdict('problem', p, 'user-temp-unset', data, { variable: t.variable });
    if (!t.exists) return verdict('problem', p, 'user-temp-missing', data, { variable: t.variable, path: t.value });
    if (!t.isDirectory)
      return verdict('problem', p, 'user-temp-not-folder', data, { variable: t.variable, path: t.value });
    if (t.writable === false)
      return verdict('problem', p, 'user-temp-not-writable', data, {
        variable: t.variable,
        path: t.value,
        error: t.writeError ?? '?',
      });
  }
  if (data.lowSpaceDrives.length > 0)
    return verdict('problem', p, 'low-space', data, { drives: data.lowSpaceDrives.join(', ') });
  if (wt.overPermissive.length > 0)
    return verdict('security', p, 'windows-temp-over-permissive', data, {
      sids: wt.overPermissive.map((a) => a.sid).join(', '),
    });
  if (userTemp.notLocal || userTmp.notLocal)
    return verdict('warning', p, 'user-temp-not-local', data, { path: userTemp.value ?? '' });
  if (userTemp.nonAscii) return verdict('warning', p, 'user-temp-non-ascii', data, { path: userTemp.value ?? '' });
  if (!wt.aclChecked) return verdict('ok', p, 'ok-acl-unchecked', data);
  return verdict('ok', p, 'ok', data);
}

export const tempFoldersProbe: ProbeDefinition = {
  id: 'temp-folders',
  // Users cannot read C:\Windows\Temp's ACL: the elevated run adds the ACL checks.
  elevation: 'better',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: (context) => [
    probeScriptSpec('temp-folders', SCRIPT, { userSid: context.user.sid, temp: context.user.temp }, TIMEOUT_MS),
  ],
  parse: (outputs, context) => parseTempFolders(outputs, context),
};
