// The simulated Windows machine's state: services, processes, registry, files/folders, environment, events, products.
// Everything is plain data (JSON-serializable) so scenarios can describe it and repairs can change it.
import { trimEndChars } from '../../../shared/text/trim-end.ts';

export type RegType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_DWORD' | 'REG_QWORD' | 'REG_MULTI_SZ' | 'REG_BINARY';
export interface RegValue {
  type: RegType;
  /** REG_SZ/EXPAND_SZ: string; DWORD/QWORD: number; MULTI_SZ: string[]; BINARY: hex string. */
  data: string | number | string[];
}
/** Key path like 'HKLM\SOFTWARE\Policies\Microsoft\Windows\Installer' -> values by name ('' = (Default)). */
export type RegistryState = Record<string, Record<string, RegValue>>;

export type SimServiceState = 'stopped' | 'start-pending' | 'stop-pending' | 'running' | 'paused';
export type SimStartType = 'boot' | 'system' | 'auto' | 'manual' | 'disabled';
export interface SimService {
  name: string;
  displayName: string;
  state: SimServiceState;
  pid: number | null;
  /** SERVICE_ACCEPT_SHUTDOWN: msiserver sets it while an install transaction runs. */
  acceptsShutdown: boolean;
  acceptsStop: boolean;
  win32ExitCode: number;
  /** WIN32_SHARE_PROCESS (0x20) or WIN32_OWN_PROCESS (0x10). */
  type: number;
}
// Start type and ImagePath live in the registry (HKLM\SYSTEM\CurrentControlSet\Services\<name>), as on Windows.

export interface SimProcess {
  pid: number;
  parentPid: number;
  name: string;
  commandLine: string;
  startedAt: string;
  sessionId: number;
  /** Owner SID; processes of other users/SYSTEM hide their command line from an unelevated caller. */
  userSid: string;
}

export interface SimFile {
  kind: 'file' | 'dir';
  /** Security descriptor as SDDL (owner, group, DACL). Null = no explicit ACL: inherited from the parent folder. */
  sddl: string | null;
  modified: string;
  /** File content as base64 (bytes exactly as on disk, e.g. UTF-16LE with BOM for MSI logs). */
  contentBase64?: string;
  /**
   * A program's answers (go.exe, node.exe...): arguments joined by one space ('version', 'env GOROOT', '--version')
   * -> what it prints. The path-environment probe's version commands answer from here.
   */
  runs?: Record<string, SimProgramRun>;
  /** Properties of a .msi package (read by installed-products through the WindowsInstaller COM object). */
  msi?: {
    productCode: string;
    upgradeCode: string;
    productVersion: string;
    productName: string;
    manufacturer: string;
    allUsers: string;
    /** A test package (electron/system/msi-packages) behind these facts: read for real when wixl can build it. */
    package?: string;
    /** How installing this package fails on this machine (the emulated msiexec /i logs and returns it); absent = it installs. */
    failure?: SimInstallFailure;
  };
}

/** What a simulated program prints for one command line. */
export interface SimProgramRun {
  stdout: string;
  stderr?: string;
  exitCode?: number;
}

/** A deferred custom action that fails inside InstallFinalize, as in most real 1603s. */
export interface SimInstallFailure {
  /** msiexec's exit code (and the custom action's returned error code). */
  exitCode: number;
  /** The custom action's name (the log's failing action). */
  customAction: string;
  /** The Windows Installer message it raises (1722: a program did not finish; 1721, 1723, 1720). */
  message: number;
  /** The DLL entry point or command the custom action runs. */
  entryPoint: string;
  /** Lines the custom action itself writes to the log before it fails (its own diagnosis). */
  detail: string[];
}
/** Path (any case, backslashes) -> entry. */
export type FileSystemState = Record<string, SimFile>;

export interface SimEvent {
  provider: 'MsiInstaller' | string;
  id: number;
  time: string;
  recordId: number;
  data: string[];
  binaryHex?: string;
  userSid: string;
}

export interface SimInstalledProduct {
  productCode: string;
  upgradeCode: string;
  name: string;
  version: string;
  manufacturer: string;
  scope: 'machine' | 'user';
  userSid: string | null;
  packageCode?: string;
  /** The Add/Remove Programs entry's InstallLocation, when the product records one. */
  installLocation?: string;
  /**
   * What Windows Installer says of it (Installer.ProductState): 5 installed (the default); 2 absent or 1 advertised
   * when its Add/Remove Programs entry outlived the registration (a cleanup tool, a broken uninstall).
   */
  msiState?: number;
}

/** Installer.ProductState of a product the model lists: 5 (installed) unless the scenario says otherwise. */
export function msiProductState(p: SimInstalledProduct): number {
  return p.msiState ?? 5;
}

export interface SimIdentity {
  computerName: string;
  domain: string;
  userName: string;
  displayName: string;
  userSid: string;
  profile: string;
  /** Member of BUILTIN\Administrators (with a filtered token when not elevated). */
  isAdmin: boolean;
  builtinAdministrator: boolean;
}

export interface SimLocale {
  /** 'en-US', 'zh-CN', 'de-DE'... */
  name: string;
  /** OEM code page of console tools (437, 850, 936). */
  oemCodePage: number;
}

export interface SimElevationConfig {
  /** The app process runs elevated. */
  processElevated: boolean;
  /** What the simulated UAC prompt answers. */
  approve: boolean;
  /**
   * The SID of the account that approves the prompt when it is not the signed-in user (over-the-shoulder elevation:
   * a standard user types an administrator's password). Absent = the user approves with their own admin account.
   */
  adminSid?: string;
}

export interface SimDrive {
  drive: string;
  freeBytes: number;
  totalBytes: number;
}

export interface MachineState {
  now: string;
  bootTime: string;
  windowsVersion: string;
  identity: SimIdentity;
  locale: SimLocale;
  elevation: SimElevationConfig;
  services: Record<string, SimService>;
  processes: SimProcess[];
  registry: RegistryState;
  files: FileSystemState;
  /** Process environment of the app (TEMP, TMP, USERPROFILE...). */
  env: Record<string, string>;
  /**
   * Explorer's own PATH (what it hands the terminals it starts), when it differs from the registry's: a PATH written
   * without the WM_SETTINGCHANGE broadcast. Absent = Explorer is in step with the registry (the broadcast clears it).
   */
  explorerPath?: string;
  events: SimEvent[];
  products: SimInstalledProduct[];
  /** Global\_MSIExecute: 'held' by an install transaction. */
  msiExecuteMutex: MutexState;
  drives: SimDrive[];
  /** AppLocker effective policy: number of MSI rules and enforcement mode. */
  applocker: { msiRules: number; enforcement: 'not-configured' | 'enabled' | 'audit-only' };
  /** ConfigMgr client: null = not installed, else DetermineIfRebootPending. */
  configMgr: { rebootPending: boolean } | null;
}

/** Well-known SIDs (one module for the probes, the guard and the simulator). */
export { SID } from '../well-known-sids.ts';

/** The model's `msiExecuteMutex`: no object, an object nobody owns (kept open by the idle service), or held. */
export type MutexState = 'free' | 'idle' | 'held';

// ---------------------------------------------------------------- default security descriptors (defined once)
// A file or folder whose `sddl` is null has no explicit ACL: it inherits from its parent, as on Windows
// (SimulatedMachine.effectiveSddl). These are the explicit ones a fresh Windows 11 has, as Get-Acl prints them.
/** C:\ (owner TrustedInstaller shown as SYSTEM): Authenticated Users may create folders, Users read. */
export const DRIVE_ROOT_SDDL =
  'O:SYG:SYD:PAI(A;OICIIO;SDGXGWGR;;;AU)(A;;0x1301bf;;;AU)(A;OICIIO;GA;;;SY)(A;;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)';
/** C:\Windows: TrustedInstaller full, SYSTEM/Administrators modify, Users and app packages read (inherited by new folders). */
export const WINDOWS_SDDL =
  'O:S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464G:S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464D:PAI(A;OICIIO;GA;;;CO)(A;OICIIO;GA;;;SY)(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;BA)(A;;0x1301bf;;;BA)(A;OICIIO;GXGR;;;BU)(A;;0x1200a9;;;BU)(A;CIIO;GA;;;S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464)(A;;FA;;;S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464)(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)';
/** Default SDDL of C:\Windows\Temp in the ACE order icacls shows it (WiX advisory / corpus icacls (a)), owner SYSTEM. */
export const DEFAULT_WINDOWS_TEMP_SDDL =
  'O:SYG:SYD:P(A;CI;0x100026;;;BU)(A;;FA;;;BA)(A;OICIIO;FA;;;BA)(A;;FA;;;SY)(A;OICIIO;FA;;;SY)(A;OICIIO;FA;;;CO)';
export const DEFAULT_INSTALLER_SDDL =
  'O:SYG:SYD:PAI(A;OICIIO;GA;;;SY)(A;;FA;;;SY)(A;OICIIO;GA;;;BA)(A;;FA;;;BA)(A;OICIIO;GXGR;;;WD)(A;;0x1200a9;;;WD)';
/** C:\Windows\SystemTemp (Windows 11): SYSTEM and Administrators only. */
export const SYSTEM_TEMP_SDDL = 'O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';
/** A profile folder: owner the user, full control for the user, SYSTEM and Administrators (inherited below it). */
export const userFolderSddl = (sid: string): string =>
  `O:${sid}G:${sid}D:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;${sid})`;

// ---------------------------------------------------------------- small pure helpers over the state

/** Canonical registry key: short root, no trailing backslash. Lookups are case-insensitive. */
export function canonicalKey(path: string): string {
  const trimmed = trimEndChars(path.trim().replace(/^Registry::/i, ''), '\\');
  const [root = '', ...rest] = trimmed.split('\\');
  const roots: Record<string, string> = {
    hkey_local_machine: 'HKLM',
    'hklm:': 'HKLM',
    hklm: 'HKLM',
    hkey_current_user: 'HKCU',
    'hkcu:': 'HKCU',
    hkcu: 'HKCU',
    hkey_users: 'HKU',
    hku: 'HKU',
    hkey_classes_root: 'HKCR',
    hkcr: 'HKCR',
  };
  const short = roots[root.toLowerCase()] ?? root.toUpperCase();
  return [short, ...rest.filter((p) => p !== '')].join('\\');
}

/** Canonical file path: backslashes, no trailing backslash (except 'C:\'), case kept. */
export function canonicalPath(path: string): string {
  let p = path.trim().replace(/\//g, '\\');
  if (p.startsWith('\\\\?\\')) p = p.slice(4);
  if (/^[a-z]:/.test(p)) p = p[0]!.toUpperCase() + p.slice(1);
  while (p.length > 3 && p.endsWith('\\')) p = p.slice(0, -1);
  if (/^[A-Z]:$/.test(p)) p += '\\';
  return p;
}

export function parentPath(path: string): string | null {
  const p = canonicalPath(path);
  const i = p.lastIndexOf('\\');
  if (i < 0 || /^[A-Z]:\\$/.test(p)) return null;
  return i === 2 ? p.slice(0, 3) : p.slice(0, i);
}

export function baseName(path: string): string {
  const p = canonicalPath(path);
  return p.slice(p.lastIndexOf('\\') + 1);
}
