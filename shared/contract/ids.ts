// The closed vocabularies every layer shares: languages, cause ids, probe ids, repair ids.

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** Causes: shared by the log analyzer, the diagnosis rules, the knowledge base and the UI. */
export const CAUSE_IDS = [
  'custom-action-failed',
  'service-start-failed',
  'service-install-failed',
  'insufficient-privileges',
  'not-elevated',
  'another-install-in-progress',
  'windows-update-busy',
  'installer-service-unavailable',
  'installer-service-disabled',
  'installer-service-registration-damaged',
  'source-missing',
  'package-invalid',
  'package-path-invalid',
  'newer-version-installed',
  'other-version-installed',
  'patch-not-applicable',
  'launch-condition-failed',
  'files-in-use',
  'pending-reboot',
  'installer-folders-access',
  'user-temp-broken',
  'unsupported-drive',
  'user-cancelled',
  'policy-blocked',
  'always-install-elevated',
  'disk-full',
  'prerequisite-missing',
  'reboot-required-to-finish',
  // Deployment tools (ConfigMgr, Intune, PSADT): causes outside the MSI package (shared/knowledge/deploy-causes.ts).
  'detection-rule-mismatch',
  'content-unavailable',
  'requirement-not-met',
  'dependency-failed',
  'deployment-deferred',
  'deployment-script-failed',
  'system-context-only',
  // After the install: the product is installed but a new terminal does not run it (shared/knowledge/known-products.ts).
  'program-not-on-path',
  'older-program-on-path',
  'store-alias-on-path',
  'path-change-not-broadcast',
  'no-problem-found',
  'unknown',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];

/** Probes of the Windows system layer, one file each in electron/system/probes/. */
export const PROBE_IDS = [
  'installer-service',
  'install-in-progress',
  'pending-reboot',
  'temp-folders',
  'elevation',
  'policies',
  'installer-events',
  'recent-logs',
  'installed-products',
  'deployment-logs',
  'path-environment',
  'other-user-path',
] as const;
export type ProbeId = (typeof PROBE_IDS)[number];

/** Repairs of the catalog in electron/system/repairs/. Nothing outside this list can ever run. */
export const REPAIR_IDS = [
  'wait-for-installer',
  'retry-install-elevated-logged',
  'restore-windows-temp-acl',
  'recreate-user-temp',
  'enable-msiserver',
  'repair-msiserver-registration',
  'end-stuck-client-install',
  'restart-computer',
  'enable-installer-logging',
  'disable-installer-logging',
  'remove-always-install-elevated',
  'uninstall-other-version',
  'add-to-path',
  'remove-stale-path-entry',
  'broadcast-environment-change',
] as const;
export type RepairId = (typeof REPAIR_IDS)[number];

export function isCauseId(value: string): value is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(value);
}
export function isRepairId(value: string): value is RepairId {
  return (REPAIR_IDS as readonly string[]).includes(value);
}
