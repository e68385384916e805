// After a repair: is the targeted cause gone, judged from the re-run probes' typed data (null = cannot tell).
import type { RepairId } from '../../../shared/contract/ids.ts';
import type { EvidenceDataMap, InstallInProgressData } from '../../../shared/contract/evidence-data.ts';
import { LOGGING_VALUE } from './enable-installer-logging.ts';

type Check = (evidence: Partial<EvidenceDataMap>, data: Record<string, unknown>) => boolean | null;

/** The install lock is free: no install transaction holds the mutex and the service is not busy. */
export function lockFree(lock: InstallInProgressData): boolean {
  return lock.mutex !== 'busy' && lock.serviceBusy !== true;
}

export const VERIFY_CHECKS = {
  'wait-for-installer': (e) => (e['install-in-progress'] ? lockFree(e['install-in-progress']) : null),
  // Judged by the install's own exit code (and its new log), not by a probe.
  'retry-install-elevated-logged': () => null,
  'restore-windows-temp-acl': (e, data) => {
    const t = e['temp-folders']?.windowsTemp;
    if (!t || !t.aclChecked) return null;
    const removed = Array.isArray(data.removeSids) ? (data.removeSids as string[]) : [];
    return (
      t.exists &&
      t.isDirectory &&
      t.usersCanCreate === true &&
      t.missingDefaults.length === 0 &&
      t.denies.length === 0 &&
      !t.overPermissive.some((a) => removed.includes(a.sid) || a.sid === 'S-1-5-32-545')
    );
  },
  'recreate-user-temp': (e) => {
    const t = e['temp-folders'];
    if (!t) return null;
    return [t.userTemp, t.userTmp].every((v) => v.exists && v.isDirectory && v.writable !== false);
  },
  'enable-msiserver': (e) =>
    e['installer-service']
      ? e['installer-service'].startType !== 'disabled' && !e['installer-service'].registrationMissing
      : null,
  'repair-msiserver-registration': (e) =>
    e['installer-service'] ? !e['installer-service'].registrationMissing && e['installer-service'].imagePathOk : null,
  'end-stuck-client-install': (e, data) =>
    e['install-in-progress'] ? !e['install-in-progress'].clients.some((c) => c.pid === data.pid) : null,
  'restart-computer': (e, data) =>
    data.minutes !== 0 ? null : e['pending-reboot'] ? !e['pending-reboot'].pending : null,
  'enable-installer-logging': (e) => (e.policies ? e.policies.logging === LOGGING_VALUE : null),
  'disable-installer-logging': (e, data) =>
    e.policies ? e.policies.logging === ((data.restoredTo as string | null) ?? null) : null,
  'remove-always-install-elevated': (e) =>
    e.policies
      ? !e.policies.alwaysInstallElevatedActive &&
        !e.policies.alwaysInstallElevated.hklm &&
        !e.policies.alwaysInstallElevated.hkcu
      : null,
  'uninstall-other-version': (e, data) =>
    e['installed-products']
      ? !e['installed-products'].installed.some(
          (p) => p.productCode.toUpperCase() === String(data.productCode).toUpperCase(),
        )
      : null,
} as const satisfies Record<RepairId, Check>;
