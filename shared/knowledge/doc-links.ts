// Microsoft documentation links the knowledge base cites (learn.microsoft.com), one constant each.
export const DOCS = {
  environmentVariables: 'https://learn.microsoft.com/windows/win32/procthread/environment-variables',
  wmSettingChange: 'https://learn.microsoft.com/windows/win32/winmsg/wm-settingchange',
  pythonOnWindows: 'https://docs.python.org/3/using/windows.html#the-microsoft-store-package',
  exitCodes: 'https://learn.microsoft.com/windows/win32/msi/error-codes',
  messages: 'https://learn.microsoft.com/windows/win32/msi/windows-installer-error-messages',
  systemErrors0: 'https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-',
  systemErrors1000: 'https://learn.microsoft.com/windows/win32/debug/system-error-codes--1000-1299-',
  systemErrors1300: 'https://learn.microsoft.com/windows/win32/debug/system-error-codes--1300-1699-',
  error1603:
    'https://learn.microsoft.com/troubleshoot/windows-server/application-management/msi-installation-error-1603',
  mutex: 'https://learn.microsoft.com/windows/win32/msi/-msiexecute-mutex',
  machinePolicies: 'https://learn.microsoft.com/windows/win32/msi/machine-policies',
  alwaysInstallElevated: 'https://learn.microsoft.com/windows/win32/msi/alwaysinstallelevated',
  logging: 'https://learn.microsoft.com/windows/win32/msi/logging',
  actionReturnValues: 'https://learn.microsoft.com/windows/win32/msi/logging-of-action-return-values',
  customActionReturnValues: 'https://learn.microsoft.com/windows/win32/msi/custom-action-return-values',
  rebootRequests: 'https://learn.microsoft.com/windows/win32/msi/logging-of-reboot-requests',
  systemReboots: 'https://learn.microsoft.com/windows/win32/msi/system-reboots',
  commandLine: 'https://learn.microsoft.com/windows/win32/msi/command-line-options',
  adminAction: 'https://learn.microsoft.com/windows/win32/msi/admin-action',
  confidentialInfo:
    'https://learn.microsoft.com/windows/win32/msi/preventing-confidential-information-from-being-written-into-the-log-file',
  launchConditions: 'https://learn.microsoft.com/windows/win32/msi/launchcondition-table',
  upgrades: 'https://learn.microsoft.com/windows/win32/msi/preparing-an-application-for-future-major-upgrades',
  sourceResiliency: 'https://learn.microsoft.com/windows/win32/msi/source-resiliency',
  installerCache:
    'https://learn.microsoft.com/troubleshoot/windows-client/application-management/missing-windows-installer-cache',
  eventLogging: 'https://learn.microsoft.com/windows/win32/msi/event-logging',
  halloweenTips:
    'https://learn.microsoft.com/archive/blogs/windows_installer_team/windows-installer-troubleshooting-tips-from-halloween',
  intuneReturnCodes: 'https://learn.microsoft.com/mem/intune/apps/apps-win32-add',
  intuneWin32Troubleshoot: 'https://learn.microsoft.com/troubleshoot/mem/intune/app-management/troubleshoot-win32-apps',
  configMgrAppInstall: 'https://learn.microsoft.com/mem/configmgr/apps/understand/app-deployment-technical-reference',
  configMgrContent:
    'https://learn.microsoft.com/mem/configmgr/core/servers/deploy/configure/fundamental-concepts-for-content-management',
  configMgrDetection:
    'https://learn.microsoft.com/mem/configmgr/apps/deploy-use/create-applications#deployment-type-detection-method-options',
  psadtExitCodes: 'https://psappdeploytoolkit.com/docs/3.10.2/exit-codes',
  msizapNotUninstall: 'https://devblogs.microsoft.com/setup/msizap-is-not-uninstall/',
  getTempPath2: 'https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-gettemppath2w',
  uac: 'https://learn.microsoft.com/windows/security/application-security/application-control/user-account-control/',
  pendMoves: 'https://learn.microsoft.com/sysinternals/downloads/pendmoves',
} as const;
