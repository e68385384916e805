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

// For TEMP/TMP the script tests what a NEW process of the user gets (Explorer, an .msi double-clicked from it): the
// HKCU\Environment value expanded, not this app's own (possibly stale) environment, which it reports as processValue.
// The writability test creates and deletes one file; failures are HRESULTs of the base exception (PowerShell wraps a
// .NET call's exception in MethodInvocationException, 0x80131501). Params: the real user's SID and TEMP, because an
// over-the-shoulder elevated batch runs as another account.
const SCRIPT = String.raw`
$me = Get-MdCurrentSid
$sid = if ($params.userSid) { $params.userSid } else { $me }
$envKey = "Registry::HKEY_USERS\$sid\Environment"
function Test-Temp($name, $processValue) {
  $reg = Get-MdRegistryValue $envKey $name
  $value = if ($reg) { Expand-MdEnvironment $reg } else { $processValue }
  $r = [ordered]@{ variable = $name; value = $value; processValue = $processValue; registryValue = $reg; longValue = $null; exists = $false; isDirectory = $false; writable = $null; writeError = $null; driveType = $null }
  if ($value) {
    $r.exists = [bool](Test-MdPath $value)
    $r.isDirectory = [bool](Test-MdPath $value -Container)
    if ($r.isDirectory) {
      $r.longValue = Resolve-MdLongPath $value
      $f = $value.TrimEnd('\') + '\~msidoctor-' + [guid]::NewGuid().ToString('N') + '.tmp'
      try { Write-MdTextFile $f 'probe'; Remove-MdItem $f; $r.writable = $true }
      catch { $r.writable = $false; $r.writeError = '0x{0:X8}' -f $_.Exception.GetBaseException().HResult }
    }
    $r.driveType = Get-MdDriveType $value
  }
  [pscustomobject]$r
}
function Folder($path) {
  [pscustomobject]@{ path = $path; exists = [bool](Test-MdPath $path); isDirectory = [bool](Test-MdPath $path -Container); sddl = Get-MdSddl $path }
}
$temp = if ($params.temp) { $params.temp } else { $env:TEMP }
$tmp = if ($params.temp -and $sid -ne $me) { $params.temp } else { $env:TMP }
$drives = @(Get-MdCimInstance 'Win32_LogicalDisk' 'DriveType=3' | ForEach-Object {
  [pscustomobject]@{ drive = [string]$_.DeviceID; freeBytes = [double]$_.FreeSpace; totalBytes = [double]$_.Size } })
$root = $env:SystemRoot
[pscustomobject]@{
  currentSid = $me
  userSid = $sid
  userTemp = Test-Temp 'TEMP' $temp
  userTmp = Test-Temp 'TMP' $tmp
  windowsTemp = Folder ($root + '\Temp')
  installer = Folder ($root + '\Installer')
  systemTemp = Folder ($root + '\SystemTemp')
  systemDrive = $env:SystemDrive
  drives = $drives
} | ConvertTo-Json -Compress -Depth 4
`;

const tempSchema = z.object({
  variable: z.enum(['TEMP', 'TMP']),
  /** The folder tested: HKCU\Environment's value expanded (what new processes get), else this process's value. */
  value: z.string().nullable(),
  /** This app process's own TEMP/TMP (set when it started; Windows often gives it in 8.3 form). */
  processValue: z.string().nullable().optional(),
  registryValue: z.string().nullable(),
  /** The tested folder's long path (8.3 components resolved), null when it cannot be resolved. */
  longValue: z.string().nullable().optional(),
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
    processValue: t.processValue ?? null,
    registryValue: t.registryValue,
    longValue: t.longValue ?? null,
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

export function parseTempFolders(outputs: CommandOutput[], context: ProbeContext): ProbeVerdict<'temp-folders'> {
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

  return tempFoldersVerdict(data);
}

/** The verdict from the folders' facts (also after merging an elevated run into an unelevated one). */
export function tempFoldersVerdict(data: TempFoldersData): ProbeVerdict<'temp-folders'> {
  const p = 'temp-folders';
  const userTemp = data.userTemp;
  const userTmp = data.userTmp;
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

/**
 * Issue 15 #2: the elevated run reads C:\Windows\Temp's and C:\Windows\Installer's ACLs, which users cannot; but it
 * tests the user's TEMP with the administrator's token (Administrators:F lets it write where the user cannot, the
 * classic 2503). So the user-TEMP facts stay those of the unelevated run, the system folders come from the elevated one.
 */
export function mergeTempFolders(unelevated: TempFoldersData, elevated: TempFoldersData): ProbeVerdict<'temp-folders'> {
  return tempFoldersVerdict({
    ...elevated,
    userTemp: unelevated.userTemp,
    userTmp: unelevated.userTmp,
    testedAsUser: unelevated.testedAsUser,
    lowSpaceDrives: [...new Set([...unelevated.lowSpaceDrives, ...elevated.lowSpaceDrives])],
  });
}

export const tempFoldersProbe: ProbeDefinition<'temp-folders'> = {
  id: 'temp-folders',
  // Users cannot read C:\Windows\Temp's ACL: the elevated run adds the ACL checks.
  elevation: 'better',
  timeoutMs: TIMEOUT_MS,
  appliesTo: () => true,
  commands: (context) => [
    probeScriptSpec('temp-folders', SCRIPT, { userSid: context.user.sid, temp: context.user.temp }, TIMEOUT_MS),
  ],
  parse: (outputs, context) => parseTempFolders(outputs, context),
  mergeElevated: (unelevated, elevated) => mergeTempFolders(unelevated, elevated),
};
