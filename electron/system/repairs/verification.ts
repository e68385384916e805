// The install lock condition shared by the wait step and the verification of wait-for-installer.
import type { InstallInProgressData } from '../../../shared/contract/evidence-data.ts';

/** The install lock is free: no install transaction holds the mutex and the service is not busy. */
export function lockFree(lock: InstallInProgressData): boolean {
  return lock.mutex !== 'busy' && lock.serviceBusy !== true;
}
