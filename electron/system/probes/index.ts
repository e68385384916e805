// The probes of the Windows system layer, in the suggested run order (cheap unelevated checks first).
import type { ProbeId } from '../../../shared/contract/ids.ts';
import { elevationProbe } from './elevation.ts';
import { installInProgressProbe } from './install-in-progress.ts';
import { installedProductsProbe } from './installed-products.ts';
import { installerEventsProbe } from './installer-events.ts';
import { installerServiceProbe } from './installer-service.ts';
import { pendingRebootProbe } from './pending-reboot.ts';
import { policiesProbe } from './policies.ts';
import type { ProbeDefinition } from './probe.ts';
import { recentLogsProbe } from './recent-logs.ts';
import { tempFoldersProbe } from './temp-folders.ts';
import { deploymentLogsProbe } from './deployment-logs.ts';
import { pathEnvironmentProbe } from './path-environment.ts';
import { otherUserPathProbe } from './other-user-path.ts';

export const ALL_PROBES: readonly ProbeDefinition[] = [
  elevationProbe,
  installerServiceProbe,
  installInProgressProbe,
  pendingRebootProbe,
  policiesProbe,
  tempFoldersProbe,
  installerEventsProbe,
  recentLogsProbe,
  installedProductsProbe,
  deploymentLogsProbe,
  pathEnvironmentProbe,
  otherUserPathProbe,
];

export const PROBES_BY_ID = Object.fromEntries(ALL_PROBES.map((p) => [p.id, p])) as Record<ProbeId, ProbeDefinition>;

export function probeById(id: ProbeId): ProbeDefinition {
  return PROBES_BY_ID[id];
}

export {
  elevationProbe,
  installInProgressProbe,
  installedProductsProbe,
  installerEventsProbe,
  installerServiceProbe,
  pendingRebootProbe,
  policiesProbe,
  recentLogsProbe,
  tempFoldersProbe,
  deploymentLogsProbe,
  pathEnvironmentProbe,
  otherUserPathProbe,
};
export { logReadCommand, parseLogRead, type LogBytes } from './recent-logs.ts';
export { batchScripts, isBatchable, splitBatchOutput, type BatchPart, type ScriptBatch } from './script-batch.ts';
export type { ElevationNeed, ProbeContext, ProbeDefinition, ProbeVerdict } from './probe.ts';
