// Names of Windows Installer standard actions and top-level sequences: any other action name is a custom action.

export const TOP_LEVEL_ACTIONS: ReadonlySet<string> = new Set(['INSTALL', 'ADMIN', 'ADVERTISE', 'SEQUENCE']);

/** Actions that run the deferred script: when they return 3 the culprit is a deferred custom action inside. */
export const SCRIPT_ACTIONS: ReadonlySet<string> = new Set(['InstallExecute', 'InstallExecuteAgain', 'InstallFinalize']);

/** Client-side wrapper of the whole server run: its Return value 3 only repeats a server failure. */
export const WRAPPER_ACTIONS: ReadonlySet<string> = new Set(['ExecuteAction']);

export const STANDARD_ACTIONS: ReadonlySet<string> = new Set([
  'ADMIN', 'ADVERTISE', 'INSTALL', 'SEQUENCE', 'AllocateRegistrySpace', 'AppSearch', 'BindImage', 'CCPSearch', 'CostFinalize',
  'CostInitialize', 'CreateFolders', 'CreateShortcuts', 'DeleteServices', 'DisableRollback', 'DuplicateFiles', 'ExecuteAction',
  'FileCost', 'FindRelatedProducts', 'ForceReboot', 'InstallAdminPackage', 'InstallExecute', 'InstallExecuteAgain', 'InstallFiles',
  'InstallFinalize', 'InstallInitialize', 'InstallODBC', 'InstallServices', 'InstallSFPCatalogFile', 'InstallValidate',
  'IsolateComponents', 'LaunchConditions', 'MigrateFeatureStates', 'MoveFiles', 'MsiConfigureServices', 'MsiPublishAssemblies',
  'MsiUnpublishAssemblies', 'PatchFiles', 'ProcessComponents', 'PublishComponents', 'PublishFeatures', 'PublishProduct',
  'RegisterClassInfo', 'RegisterComPlus', 'RegisterExtensionInfo', 'RegisterFonts', 'RegisterMIMEInfo', 'RegisterProduct',
  'RegisterProgIdInfo', 'RegisterTypeLibraries', 'RegisterUser', 'RemoveDuplicateFiles', 'RemoveEnvironmentStrings',
  'RemoveExistingProducts', 'RemoveFiles', 'RemoveFolders', 'RemoveIniValues', 'RemoveODBC', 'RemoveRegistryValues',
  'RemoveShortcuts', 'ResolveSource', 'RMCCPSearch', 'ScheduleReboot', 'SelfRegModules', 'SelfUnregModules', 'SetODBCFolders',
  'StartServices', 'StopServices', 'UnpublishComponents', 'UnpublishFeatures', 'UnregisterClassInfo', 'UnregisterComPlus',
  'UnregisterExtensionInfo', 'UnregisterFonts', 'UnregisterMIMEInfo', 'UnregisterProgIdInfo', 'UnregisterTypeLibraries',
  'ValidateProductID', 'WriteEnvironmentStrings', 'WriteIniValues', 'WriteRegistryValues', 'MsiUnpublishAssemblies',
  'MsiPublishAssemblies', 'PatchFiles', 'InstallSFPCatalogFile', 'RemoveExistingProducts',
  // Dialog names commonly seen ending with Return value 3 in UI sequences; they are not custom actions either.
  'ExitDialog', 'FatalError', 'UserExit', 'PrepareDlg', 'WelcomeDlg', 'ProgressDlg', 'MaintenanceWelcomeDlg',
]);

export function isCustomActionName(name: string): boolean {
  return !STANDARD_ACTIONS.has(name);
}
