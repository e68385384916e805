// The few Windows Installer properties the analysis keeps (everything else in property dumps is skipped).

export const KEPT_PROPERTIES: ReadonlySet<string> = new Set([
  'ProductName',
  'ProductVersion',
  'ProductCode',
  'UpgradeCode',
  'Installed',
  'REMOVE',
  'PATCH',
  'REINSTALL',
  'ACTION',
  'ADDLOCAL',
  'MsiHiddenProperties',
  'WIX_DOWNGRADE_DETECTED',
  'UILevel',
  'Privileged',
  'AdminUser',
  'OutOfDiskSpace',
]);
