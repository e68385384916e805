// The repair catalog: the only repairs that can ever run, one definition per RepairId (data, checked by `satisfies`).
import type { RepairId } from '../../../shared/contract/ids.ts';
import type { RepairDefinition } from './repair-definition.ts';
import { waitForInstaller } from './wait-for-installer.ts';
import { retryInstallElevatedLogged } from './retry-install-elevated-logged.ts';
import { restoreWindowsTempAcl } from './restore-windows-temp-acl.ts';
import { recreateUserTemp } from './recreate-user-temp.ts';
import { enableMsiserver } from './enable-msiserver.ts';
import { repairMsiserverRegistration } from './repair-msiserver-registration.ts';
import { endStuckClientInstall } from './end-stuck-client-install.ts';
import { restartComputer } from './restart-computer.ts';
import { enableInstallerLogging } from './enable-installer-logging.ts';
import { disableInstallerLogging } from './disable-installer-logging.ts';
import { removeAlwaysInstallElevated } from './remove-always-install-elevated.ts';
import { uninstallOtherVersion } from './uninstall-other-version.ts';
import { addToPath } from './add-to-path.ts';
import { broadcastEnvironmentChange } from './broadcast-environment-change.ts';
import { removeStalePathEntry } from './remove-stale-path-entry.ts';

export const REPAIR_CATALOG = {
  'wait-for-installer': waitForInstaller,
  'retry-install-elevated-logged': retryInstallElevatedLogged,
  'restore-windows-temp-acl': restoreWindowsTempAcl,
  'recreate-user-temp': recreateUserTemp,
  'enable-msiserver': enableMsiserver,
  'repair-msiserver-registration': repairMsiserverRegistration,
  'end-stuck-client-install': endStuckClientInstall,
  'restart-computer': restartComputer,
  'enable-installer-logging': enableInstallerLogging,
  'disable-installer-logging': disableInstallerLogging,
  'remove-always-install-elevated': removeAlwaysInstallElevated,
  'uninstall-other-version': uninstallOtherVersion,
  'add-to-path': addToPath,
  'remove-stale-path-entry': removeStalePathEntry,
  'broadcast-environment-change': broadcastEnvironmentChange,
} as const satisfies Record<RepairId, RepairDefinition>;

export function repairDefinition(id: RepairId): RepairDefinition {
  return REPAIR_CATALOG[id];
}
