// The typed `data` of each probe's Evidence (zod schemas + inferred types, keyed by ProbeId); read by diagnosis and UI.
import { z } from 'zod';
import { msiPackageSchema } from './msi-package.ts';
import type { ProbeId } from './ids.ts';

// Conventions: dates are ISO-8601 strings; `null` means "could not be determined" (not "false");
// SIDs are strings like 'S-1-5-32-545'; everything here is locale-free (no localized words).

const isoDate = z.string();

// ---------------------------------------------------------------- installer-service
export const serviceStateSchema = z.enum([
  'stopped',
  'start-pending',
  'stop-pending',
  'running',
  'continue-pending',
  'pause-pending',
  'paused',
  'missing',
  'unknown',
]);
export type ServiceState = z.infer<typeof serviceStateSchema>;
export const serviceStartTypeSchema = z.enum(['boot', 'system', 'auto', 'manual', 'disabled', 'unknown']);
export type ServiceStartType = z.infer<typeof serviceStartTypeSchema>;

export const installerServiceDataSchema = z.object({
  state: serviceStateSchema,
  startType: serviceStartTypeSchema,
  /** Registry Start value (2 auto, 3 manual, 4 disabled) when readable. */
  startValue: z.number().int().nullable(),
  /** ImagePath as stored in the registry (unexpanded, e.g. '%systemroot%\system32\msiexec.exe /V'). */
  imagePath: z.string().nullable(),
  /** ImagePath points at System32\msiexec.exe with /V. */
  imagePathOk: z.boolean(),
  objectName: z.string().nullable(),
  pid: z.number().int().nullable(),
  /** CanShutdown = SERVICE_ACCEPT_SHUTDOWN: the service is running an install transaction right now. */
  busy: z.boolean().nullable(),
  /** Win32 exit code of the last run (1077 = never started since boot, normal). */
  exitCode: z.number().int().nullable(),
  /** The SCM does not know the service or its registry key is missing/damaged. */
  registrationMissing: z.boolean(),
  /** msiexec.exe exists in System32. */
  msiexecPresent: z.boolean().nullable(),
});
export type InstallerServiceData = z.infer<typeof installerServiceDataSchema>;

// ---------------------------------------------------------------- install-in-progress
export const clientKindSchema = z.enum([
  'install',
  'uninstall',
  'repair',
  'patch',
  'admin',
  'advertise',
  'other',
  'unknown',
]);
export type ClientKind = z.infer<typeof clientKindSchema>;

export const msiClientSchema = z.object({
  pid: z.number().int(),
  parentPid: z.number().int().nullable(),
  sessionId: z.number().int().nullable(),
  /** The .msi path from the command line (or the product code for /x {GUID}), when visible. */
  packagePath: z.string().nullable(),
  /** Null when not visible (unelevated: other users' and SYSTEM processes hide their command line). */
  commandLine: z.string().nullable(),
  startedAt: isoDate.nullable(),
  ageMinutes: z.number().nullable(),
  kind: clientKindSchema,
  /**
   * The product its .msi installs (ProductName and ProductVersion of the package), filled by the scan service when it
   * reads the package with the .msi reader; absent or null when not read (not a local .msi, unreadable).
   */
  product: z.object({ name: z.string(), version: z.string().nullable() }).nullable().optional(),
});
export type MsiClient = z.infer<typeof msiClientSchema>;

export const backgroundInstallerSchema = z.object({
  name: z.enum(['wuauserv', 'TrustedInstaller', 'TiWorker', 'CcmExec', 'IntuneManagementExtension']),
  kind: z.enum(['service', 'process']),
  /** Installed on this machine at all (service exists / process image known). */
  present: z.boolean(),
  /** Running right now. */
  active: z.boolean(),
});
export type BackgroundInstaller = z.infer<typeof backgroundInstallerSchema>;

export const installInProgressDataSchema = z.object({
  /** Global\_MSIExecute: 'busy' also when opening it was denied (unelevated guess; see mutexDefinitive). */
  mutex: z.enum(['free', 'busy', 'unknown']),
  /** True when the mutex answer is definitive (elevated or clearly free). */
  mutexDefinitive: z.boolean(),
  /** msiserver accepts shutdown (CanShutdown): an install transaction runs. */
  serviceBusy: z.boolean().nullable(),
  servicePid: z.number().int().nullable(),
  /** HKLM\...\Installer\InProgress exists: a suspended/unfinished transaction. */
  inProgressKey: z.boolean(),
  clients: z.array(msiClientSchema),
  customActionServers: z.array(
    z.object({ pid: z.number().int(), commandLine: z.string().nullable(), startedAt: isoDate.nullable() }),
  ),
  /** msiexec processes whose command line could not be read (run elevated to see them). */
  hiddenProcesses: z.number().int(),
  /** MsiInstaller 1040 (begin transaction) with no later 1042 for the same client PID (last 24 h). */
  unmatchedBegin: z.array(
    z.object({ time: isoDate, packagePath: z.string().nullable(), clientPid: z.number().int().nullable() }),
  ),
  backgroundInstallers: z.array(backgroundInstallerSchema),
});
export type InstallInProgressData = z.infer<typeof installInProgressDataSchema>;

// ---------------------------------------------------------------- pending-reboot
export const rebootIndicatorIdSchema = z.enum([
  'cbs-reboot-pending',
  'cbs-reboot-in-progress',
  'cbs-packages-pending',
  'wu-reboot-required',
  'wu-post-reboot-reporting',
  'wu-services-pending',
  'pending-file-rename',
  'update-exe-volatile',
  'computer-rename',
  'domain-join',
  'configmgr',
  'dvd-reboot-signal',
  'server-manager-attempts',
  'intune-reboot-flag',
  'appv-pending-tasks',
]);
export type RebootIndicatorId = z.infer<typeof rebootIndicatorIdSchema>;

export const fileRenameSchema = z.object({
  source: z.string(),
  /** Null = delete at boot. */
  target: z.string().nullable(),
  action: z.enum(['delete', 'rename', 'replace']),
  /** Windows Installer's own entry (Config.Msi rollback files, C:\Windows\Installer). */
  msi: z.boolean(),
  /** 1 or 2 (PendingFileRenameOperations2). */
  list: z.number().int(),
});
export type FileRename = z.infer<typeof fileRenameSchema>;

export const pendingRebootDataSchema = z.object({
  /** Any indicator present except file renames that are all non-MSI (those are written constantly by AV/updaters). */
  pending: z.boolean(),
  indicators: z.array(
    z.object({
      id: rebootIndicatorIdSchema,
      /** Null = could not be checked (e.g. ConfigMgr WMI unelevated). */
      present: z.boolean().nullable(),
      detail: z.string().nullable(),
    }),
  ),
  fileRenames: z.array(fileRenameSchema),
  msiFileRenames: z.number().int(),
  otherFileRenames: z.number().int(),
  /** OS boot time (ISO) when known: how long since the last restart. */
  lastBoot: isoDate.nullable(),
});
export type PendingRebootData = z.infer<typeof pendingRebootDataSchema>;

// ---------------------------------------------------------------- temp-folders
export const userTempSchema = z.object({
  variable: z.enum(['TEMP', 'TMP']),
  /**
   * The folder tested: the HKCU\Environment value expanded (what a new process such as Explorer or a double-clicked
   * .msi gets), or the process environment's value when the registry has none.
   */
  value: z.string().nullable(),
  /** The app process's own value (set when it started; often in 8.3 form, C:\Users\JOHNSM~1\...). */
  processValue: z.string().nullable().optional(),
  /** HKCU\Environment value as stored (often '%USERPROFILE%\AppData\Local\Temp'). */
  registryValue: z.string().nullable(),
  /** `value` with 8.3 components resolved to long names (null when it cannot be resolved). */
  longValue: z.string().nullable().optional(),
  exists: z.boolean(),
  isDirectory: z.boolean(),
  /** Create+delete test; null when not tested (path missing) or tested as another account. */
  writable: z.boolean().nullable(),
  writeError: z.string().nullable(),
  nonAscii: z.boolean(),
  /** Not on a local fixed drive (UNC, removed drive letter). */
  notLocal: z.boolean(),
});
export type UserTempInfo = z.infer<typeof userTempSchema>;

export const aceSummarySchema = z.object({
  sid: z.string(),
  /** SDDL rights string, e.g. 'FA', '0x1301bf'. */
  rights: z.string(),
  /** SDDL ACE flags, e.g. 'OICI'. */
  flags: z.string(),
  type: z.enum(['allow', 'deny']),
  inherited: z.boolean(),
});
export type AceSummary = z.infer<typeof aceSummarySchema>;

export const windowsTempSchema = z.object({
  path: z.string(),
  exists: z.boolean(),
  isDirectory: z.boolean(),
  /** Read only elevated; null unelevated (Users cannot read the ACL). */
  sddl: z.string().nullable(),
  owner: z.string().nullable(),
  aclChecked: z.boolean(),
  /** Users (S-1-5-32-545) may create files and folders (the default ACE (CI)(S,WD,AD,X)). */
  usersCanCreate: z.boolean().nullable(),
  /** Default entries absent from the ACL, by SID: S-1-5-18, S-1-5-32-544, S-1-5-32-545, S-1-3-0. */
  missingDefaults: z.array(z.string()),
  /** Explicit deny ACEs for SYSTEM, Administrators or Users. */
  denies: z.array(aceSummarySchema),
  /** Write/full rights for broad groups (Everyone, Authenticated Users, Users with FA...). */
  overPermissive: z.array(aceSummarySchema),
});
export type WindowsTempInfo = z.infer<typeof windowsTempSchema>;

export const installerFolderSchema = z.object({
  path: z.string(),
  exists: z.boolean(),
  isDirectory: z.boolean(),
  owner: z.string().nullable(),
  /** Owner is SYSTEM or Administrators (else Windows Installer deletes and re-creates it, event 1028). */
  ownerOk: z.boolean().nullable(),
  sddl: z.string().nullable(),
  aclChecked: z.boolean(),
  /** SYSTEM has full control. */
  systemFullControl: z.boolean().nullable(),
});
export type InstallerFolderInfo = z.infer<typeof installerFolderSchema>;

export const driveSpaceSchema = z.object({
  drive: z.string(),
  freeBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
});

export const tempFoldersDataSchema = z.object({
  userTemp: userTempSchema,
  userTmp: userTempSchema,
  /** The writability test ran as the real user (false in an over-the-shoulder elevated batch). */
  testedAsUser: z.boolean(),
  windowsTemp: windowsTempSchema,
  installerFolder: installerFolderSchema,
  systemTemp: z.object({ path: z.string(), exists: z.boolean() }),
  drives: z.array(driveSpaceSchema),
  /** Drives among the system and temp drives with less than 1 GiB free. */
  lowSpaceDrives: z.array(z.string()),
});
export type TempFoldersData = z.infer<typeof tempFoldersDataSchema>;

// ---------------------------------------------------------------- elevation
export const integrityLevelSchema = z.enum(['untrusted', 'low', 'medium', 'medium-plus', 'high', 'system', 'unknown']);
export type IntegrityLevel = z.infer<typeof integrityLevelSchema>;

export const elevationDataSchema = z.object({
  elevated: z.boolean(),
  /** Member of Administrators, even as a deny-only group of a filtered (UAC) token. */
  isAdmin: z.boolean(),
  /** Administrators is deny-only: an admin running unelevated under UAC. */
  filteredToken: z.boolean(),
  integrityLevel: integrityLevelSchema,
  integritySid: z.string().nullable(),
  uacEnabled: z.boolean().nullable(),
  /** 0 elevate without prompting, 5 default (prompt for consent for non-Windows binaries). */
  consentPromptBehaviorAdmin: z.number().int().nullable(),
  promptOnSecureDesktop: z.boolean().nullable(),
  /** The account is the built-in Administrator (RID 500). */
  builtinAdministrator: z.boolean(),
  userName: z.string().nullable(),
  userSid: z.string().nullable(),
  domain: z.string().nullable(),
  computerName: z.string().nullable(),
});
export type ElevationData = z.infer<typeof elevationDataSchema>;

// ---------------------------------------------------------------- policies
export const policiesDataSchema = z.object({
  /** HKLM ...\Policies\Microsoft\Windows\Installer DisableMSI: 0/absent enabled, 1 non-managed blocked, 2 always blocked. */
  disableMsi: z.number().int().nullable(),
  disableUserInstalls: z.number().int().nullable(),
  alwaysInstallElevated: z.object({ hklm: z.number().int().nullable(), hkcu: z.number().int().nullable() }),
  /** Both are 1: every MSI runs as SYSTEM (privilege escalation). */
  alwaysInstallElevatedActive: z.boolean(),
  /** Logging policy value, e.g. 'voicewarmupx'. */
  logging: z.string().nullable(),
  disableLoggingFromPackage: z.number().int().nullable(),
  disablePatch: z.number().int().nullable(),
  /** AppLocker MSI rules in the effective policy; null = could not be read. */
  applockerMsiRules: z.number().int().nullable(),
  applockerMsiEnforcement: z.enum(['not-configured', 'enabled', 'audit-only', 'unknown']),
  /** HKLM\SOFTWARE\Policies\Microsoft\Windows\SrpV2\Msi exists. */
  srpV2MsiKey: z.boolean(),
  /** Software Restriction Policies (Safer) configured. */
  saferConfigured: z.boolean(),
  saferDefaultLevel: z.number().int().nullable(),
});
export type PoliciesData = z.infer<typeof policiesDataSchema>;

// ---------------------------------------------------------------- installer-events
export const installerEventKindSchema = z.enum([
  'product-installed', // 1033 (status in data)
  'product-removed', // 1034
  'product-reconfigured', // 1035
  'update-installed', // 1036
  'update-removed', // 1037
  'transaction-begin', // 1040
  'transaction-end', // 1042
  'install-result', // 11707 ok / 11708 failed
  'removal-result', // 11724 / 11725
  'config-result', // 11728 / 11729
  'error-dialog', // 10005
  'file-in-use', // 1025 / 1031
  'restart-required', // 1038 / 1029 / 1005
  'blocked-by-policy', // 1007 / 1008
  'server-connect-failed', // 1015
  'other',
]);
export type InstallerEventKind = z.infer<typeof installerEventKindSchema>;

export const installerEventSchema = z.object({
  id: z.number().int(),
  kind: installerEventKindSchema,
  time: isoDate,
  recordId: z.number().int().nullable(),
  product: z.string().nullable(),
  version: z.string().nullable(),
  productCode: z.string().nullable(),
  /** Win32 status from Data[3] of 1033-1035 (0, 1603, 3010...). */
  status: z.number().int().nullable(),
  /** A Windows Installer message number found in the text of 10005/117xx (e.g. 2503). */
  messageNumber: z.number().int().nullable(),
  /** Package path of 1040/1042. */
  packagePath: z.string().nullable(),
  /** Client PID of 1040/1042, PID of 1025. */
  pid: z.number().int().nullable(),
  /** Outcome derived from the event id and status, never from text. */
  outcome: z.enum(['success', 'failure', 'reboot-required', 'info']),
  userSid: z.string().nullable(),
  /** Data[0] verbatim (localized text for 117xx/10005: shown, never parsed for words). */
  text: z.string().nullable(),
});
export type InstallerEvent = z.infer<typeof installerEventSchema>;

export const installerEventsDataSchema = z.object({
  days: z.number().int(),
  /** Newest first. */
  events: z.array(installerEventSchema),
  failures: z.number().int(),
  successes: z.number().int(),
  /** Status codes and message numbers of the failures, newest first, deduplicated. */
  failureCodes: z.array(z.number().int()),
  latestFailure: installerEventSchema.nullable(),
  truncated: z.boolean(),
});
export type InstallerEventsData = z.infer<typeof installerEventsDataSchema>;

// ---------------------------------------------------------------- recent-logs
export const recentLogSchema = z.object({
  path: z.string(),
  folder: z.enum(['user-temp', 'windows-temp', 'system-temp', 'policy']),
  size: z.number(),
  modified: isoDate,
  /** Short analysis by the log analyzer (filled by the scan service when it analyzes the file). */
  analysis: z
    .object({
      outcome: z.string(),
      exitCode: z.number().int().nullable(),
      primaryError: z.number().int().nullable(),
      product: z.string().nullable(),
      causes: z.array(z.string()),
    })
    .nullable(),
});
export type RecentLog = z.infer<typeof recentLogSchema>;

export const recentLogsDataSchema = z.object({
  logs: z.array(recentLogSchema),
  searched: z.array(z.object({ folder: z.string(), path: z.string(), readable: z.boolean() })),
  truncated: z.boolean(),
});
export type RecentLogsData = z.infer<typeof recentLogsDataSchema>;

// ---------------------------------------------------------------- deployment-logs
/** Where deployment tools keep their logs (and the MSI logs they write). */
export const deployLogFolderSchema = z.enum(['ccm-logs', 'ime-logs', 'psadt-logs', 'psadt-user-logs', 'windows-temp']);

export const deploymentLogSchema = z.object({
  path: z.string(),
  folder: deployLogFolderSchema,
  /** The tool whose log it is, by its name or first bytes; null for MSI logs. */
  tool: z.enum(['configmgr', 'intune', 'psadt']).nullable(),
  /** 'deploy' = a tool's own log; 'msi' = an MSI verbose log the tool had written (PSADT _Install.log, /l*v files). */
  kind: z.enum(['deploy', 'msi']),
  size: z.number(),
  modified: isoDate,
  /** A rotated older part (AppEnforce-20260301-101500.log, AppEnforce.lo_, Name_2026-03-01-10-15-00.log). */
  rotated: z.boolean(),
  /** Install attempts read from it that were not successful, filled by the scan service when it reads the file. */
  failures: z
    .array(
      z.object({
        application: z.string().nullable(),
        outcome: z.string(),
        exitCode: z.number().int().nullable(),
        started: z.string().nullable(),
        msiLogPath: z.string().nullable(),
      }),
    )
    .nullable(),
});
export type DeploymentLog = z.infer<typeof deploymentLogSchema>;

export const deploymentLogsDataSchema = z.object({
  logs: z.array(deploymentLogSchema),
  searched: z.array(z.object({ folder: z.string(), path: z.string(), readable: z.boolean() })),
  truncated: z.boolean(),
});
export type DeploymentLogsData = z.infer<typeof deploymentLogsDataSchema>;

// ---------------------------------------------------------------- installed-products
export const installedRelationSchema = z.enum([
  'same-version', // same ProductCode (or same UpgradeCode + version) installed: 1638
  'same-product-other-version', // same ProductCode, different version (a small update / repair)
  'newer-version', // same UpgradeCode, higher version: downgrade blocked
  'older-version', // same UpgradeCode, lower version: an upgrade (fine when the package has a MajorUpgrade)
  'same-name', // only the DisplayName matches
]);
export type InstalledRelation = z.infer<typeof installedRelationSchema>;

/** What the probe reads from the .msi itself (its Property table). */
export const msiPackageInfoSchema = z.object({
  readable: z.boolean(),
  error: z.string().nullable(),
  productCode: z.string().nullable(),
  upgradeCode: z.string().nullable(),
  productVersion: z.string().nullable(),
  productName: z.string().nullable(),
  manufacturer: z.string().nullable(),
  allUsers: z.string().nullable(),
});

export const installedProductsDataSchema = z.object({
  msiPath: z.string().nullable(),
  package: msiPackageInfoSchema.nullable(),
  /** msi-doctor/package@1 as the .msi reader read it, with findings about the installed products (null: not read). */
  packageReport: msiPackageSchema.nullable().optional(),
  installed: z.array(
    z.object({
      productCode: z.string(),
      name: z.string().nullable(),
      version: z.string().nullable(),
      scope: z.enum(['machine', 'user']),
      /** SID of the user for per-user installs. */
      userSid: z.string().nullable(),
      relation: installedRelationSchema,
    }),
  ),
  sameVersionInstalled: z.boolean(),
  newerInstalled: z.boolean(),
  olderInstalled: z.boolean(),
});
export type InstalledProductsData = z.infer<typeof installedProductsDataSchema>;

// ---------------------------------------------------------------- path-environment (after the install: is it reachable?)
export const pathScopeSchema = z.enum(['machine', 'user']);
export type PathScope = z.infer<typeof pathScopeSchema>;

/** One Path value as stored: HKLM ...\Session Manager\Environment or HKU\<sid>\Environment. */
export const pathValueSchema = z.object({
  /** The value exactly as stored (REG_EXPAND_SZ unexpanded), null when absent. */
  raw: z.string().nullable(),
  /** REG_EXPAND_SZ, REG_SZ, other type name, or null when absent. */
  type: z.string().nullable(),
  expandedLength: z.number().int(),
});
export type PathValue = z.infer<typeof pathValueSchema>;

export const pathEntrySchema = z.object({
  scope: pathScopeSchema,
  /** Position in the new-terminal PATH (machine entries first, then the user's). */
  position: z.number().int(),
  raw: z.string(),
  expanded: z.string(),
  exists: z.boolean(),
  /** The known products' executables this folder contains (go.exe, node.exe...). */
  executables: z.array(z.string()),
  /** The same folder appears earlier in PATH. */
  duplicate: z.boolean(),
  /** The entry starts past the length Windows builds the environment with: a new terminal does not search it. */
  pastLimit: z.boolean(),
});
export type PathEntry = z.infer<typeof pathEntrySchema>;

export const productPathStateSchema = z.enum([
  'works',
  'new-terminal',
  'not-on-path',
  'other-user-path',
  'shadowed',
  // The Microsoft Store's placeholder (%LOCALAPPDATA%\\Microsoft\\WindowsApps\\python.exe) answers before the installed copy.
  'store-alias',
  'past-limit',
  'fails',
  // An MSI product in Add/Remove Programs that Windows Installer does not have installed (ProductState is not 5).
  'not-registered',
  // The registry's PATH leads to it, Explorer's own PATH does not: written without the WM_SETTINGCHANGE broadcast.
  'not-broadcast',
  'missing-files',
]);
export type ProductPathState = z.infer<typeof productPathStateSchema>;

export const versionRunSchema = z.object({
  /** As typed: "go version". */
  command: z.string(),
  /** The program a new terminal runs for it, or null when none is found. */
  program: z.string().nullable(),
  ran: z.boolean(),
  /** Why it did not run: 'not-found', 'elevated' (never run as administrator), 'not-asked'. */
  notRun: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  /** Its output (at most 2,000 characters per stream). */
  stdout: z.string(),
  stderr: z.string(),
  /** The version (or path) read from the output, null when the output is not the tool's answer. */
  read: z.string().nullable(),
});
export type VersionRun = z.infer<typeof versionRunSchema>;

/** The only arguments an asked program runs with: --version, or /? (the wizard shows them, the probe passes them). */
export const ASKED_ARGUMENTS = { version: ['--version'], help: ['/?'] } as const;
export type AskedArgument = keyof typeof ASKED_ARGUMENTS;

/** A program the user asked to run (its key file with --version or /?): whether it exists, its output or why none. */
export const askedRunSchema = z.object({
  program: z.string(),
  exists: z.boolean(),
  ran: z.boolean(),
  notRun: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
});
export type AskedRun = z.infer<typeof askedRunSchema>;

export const productReachSchema = z.object({
  /** A KnownProductId (shared/knowledge/known-products.ts). */
  id: z.string(),
  /** Its Add/Remove Programs entries seen by the user (name, version, scope). */
  installed: z.array(
    z.object({
      name: z.string(),
      version: z.string().nullable(),
      scope: pathScopeSchema,
      installLocation: z.string().nullable(),
      /** The entry's product code (MSI installs) and Installer.ProductState of it: 5 = installed. */
      productCode: z.string().nullable().optional(),
      productState: z.number().int().nullable().optional(),
    }),
  ),
  /** The newest installed version (ARP), null if unknown. */
  installedVersion: z.string().nullable(),
  /** The folder that should be on PATH (holds the executable of the installed version), null if none was found. */
  binFolder: z.string().nullable(),
  /** Which PATH would get it: the machine's for a per-machine install, else the user's. */
  intendedScope: pathScopeSchema,
  /** The first folder of the new-terminal PATH holding the executable (what `go` runs), null when none. */
  resolved: z.object({ folder: z.string(), scope: pathScopeSchema, position: z.number().int() }).nullable(),
  /** binFolder's entry in PATH, if any. */
  entry: z.object({ scope: pathScopeSchema, position: z.number().int(), pastLimit: z.boolean() }).nullable(),
  /**
   * The app's own (inherited, possibly stale) PATH runs the same copy as a new terminal. False: terminals opened as
   * long ago as the app find none, or another copy (they need to be reopened).
   */
  inOpenProcessPath: z.boolean(),
  /**
   * Explorer's own PATH (what the terminals it starts get) leads to the same folder. False: the registry was changed
   * without the broadcast; null: Explorer's environment could not be read.
   */
  inShellPath: z.boolean().nullable().optional(),
  runs: z.array(versionRunSchema),
  state: productPathStateSchema,
});
export type ProductReach = z.infer<typeof productReachSchema>;

export const pathEnvironmentDataSchema = z.object({
  machinePath: pathValueSchema,
  userPath: pathValueSchema,
  /** Length of the new-terminal PATH (machine + ";" + user, expanded). */
  freshLength: z.number().int(),
  /** The length Windows builds a PATH with (characters): entries past it are not searched. */
  limit: z.number().int(),
  overLimit: z.boolean(),
  entries: z.array(pathEntrySchema),
  /** Folders in PATH that do not exist (stale entries of uninstalled or moved products). */
  missingEntries: z.array(z.object({ scope: pathScopeSchema, raw: z.string() })),
  products: z.array(productReachSchema),
  /** The version commands ran (false when the probe ran as administrator: user programs are never run elevated). */
  commandsRan: z.boolean(),
  /** Explorer's own environment was read (the not-broadcast check was made). */
  shellPathRead: z.boolean().optional(),
  /** A program the user asked to run (msi-doctor verify --run-key-file): its key file's answer, or why none. */
  asked: askedRunSchema.nullable().optional(),
});
export type PathEnvironmentData = z.infer<typeof pathEnvironmentDataSchema>;

// ---------------------------------------------------------------- other-user-path (over-the-shoulder installs)
export const otherUserPathDataSchema = z.object({
  /** Loaded user hives other than the signed-in user's whose Environment Path holds a known product's executable. */
  hives: z.array(
    z.object({
      sid: z.string(),
      profile: z.string().nullable(),
      /** Entries (expanded with that user's profile) holding an executable: folder + executables. */
      entries: z.array(z.object({ raw: z.string(), expanded: z.string(), executables: z.array(z.string()) })),
    }),
  ),
  /** How many other loaded user hives were read. */
  hivesRead: z.number().int(),
});
export type OtherUserPathData = z.infer<typeof otherUserPathDataSchema>;

// ---------------------------------------------------------------- by probe
/** Each probe's data schema, typed by its probe (so a generic probe id parses to that probe's data, no cast). */
export const evidenceDataSchemas: { readonly [P in ProbeId]: z.ZodType<EvidenceDataMap[P]> } = {
  'installer-service': installerServiceDataSchema,
  'install-in-progress': installInProgressDataSchema,
  'pending-reboot': pendingRebootDataSchema,
  'temp-folders': tempFoldersDataSchema,
  elevation: elevationDataSchema,
  policies: policiesDataSchema,
  'installer-events': installerEventsDataSchema,
  'recent-logs': recentLogsDataSchema,
  'installed-products': installedProductsDataSchema,
  'deployment-logs': deploymentLogsDataSchema,
  'path-environment': pathEnvironmentDataSchema,
  'other-user-path': otherUserPathDataSchema,
};

export interface EvidenceDataMap {
  'installer-service': InstallerServiceData;
  'install-in-progress': InstallInProgressData;
  'pending-reboot': PendingRebootData;
  'temp-folders': TempFoldersData;
  elevation: ElevationData;
  policies: PoliciesData;
  'installer-events': InstallerEventsData;
  'recent-logs': RecentLogsData;
  'installed-products': InstalledProductsData;
  'deployment-logs': DeploymentLogsData;
  'path-environment': PathEnvironmentData;
  'other-user-path': OtherUserPathData;
}
