// Schema msi-doctor/package@1: what the .msi reader says about one package (facts, custom actions, findings).
import { z } from 'zod';

export const PACKAGE_SCHEMA = 'msi-doctor/package@1';

export const PACKAGE_FINDING_IDS = [
  'deferred-without-rollback',
  'rollback-after-action',
  'runs-on-install-and-uninstall',
  'uninstall-action-on-upgrade',
  'immediate-changes-system',
  'impersonated-deferred-needs-admin',
  'per-machine-needs-elevation',
  'script-custom-action',
  'already-installed',
  'newer-installed',
  'same-product-other-package',
] as const;
export type PackageFindingId = (typeof PACKAGE_FINDING_IDS)[number];

export const SEQUENCE_TABLES = [
  'InstallExecuteSequence',
  'InstallUISequence',
  'AdminExecuteSequence',
  'AdminUISequence',
  'AdvtExecuteSequence',
] as const;

export const customActionSequenceSchema = z.object({
  /** A sequence table, or 'ControlEvent' for an action a dialog button starts (DoAction; no sequence number). */
  table: z.enum([...SEQUENCE_TABLES, 'ControlEvent']),
  sequence: z.number().int().nullable(),
  condition: z.string().nullable(),
});
export type CustomActionSequence = z.infer<typeof customActionSequenceSchema>;

export const packageCustomActionSchema = z.object({
  name: z.string(),
  /** CustomAction.Type as stored (decoded exactly into the fields below). */
  type: z.number().int(),
  extendedType: z.number().int().nullable(),
  source: z.string().nullable(),
  target: z.string().nullable(),
  execution: z.enum(['immediate', 'deferred', 'rollback', 'commit']),
  /** Runs as the installing user (true) or as LocalSystem (false, "no impersonation"). */
  impersonate: z.boolean(),
  returnIgnored: z.boolean(),
  async: z.boolean(),
  kind: z.enum(['dll', 'exe', 'script', 'property', 'directory', 'error', 'nested', 'unknown']),
  scriptEngine: z.enum(['vbscript', 'jscript']).nullable(),
  /** Where the code comes from: the Binary table, a file the package installs, a directory, a property, or Target. */
  codeSource: z.enum(['binary', 'installed-file', 'directory', 'property', 'inline']),
  scheduling: z.enum(['always', 'first-sequence', 'once-per-process', 'client-repeat']),
  x64: z.boolean(),
  hideTarget: z.boolean(),
  terminalServerAware: z.boolean(),
  patchUninstall: z.boolean(),
  sequences: z.array(customActionSequenceSchema),
});
export type PackageCustomAction = z.infer<typeof packageCustomActionSchema>;

export const packageFindingSchema = z.object({
  id: z.enum(PACKAGE_FINDING_IDS),
  severity: z.enum(['problem', 'warning', 'info']),
  /** The finding is a heuristic (a guess from names and command lines), not a certainty. */
  heuristic: z.boolean(),
  /** The table rows involved ({ table: 'CustomAction', key: 'CA_Name' }). */
  rows: z.array(z.object({ table: z.string(), key: z.string() })),
  /** Values for the finding's text (action names, versions...). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Plain words in the requested language (the CLI's --json fills them; the app translates from id + params). */
  title: z.string().optional(),
  explanation: z.string().optional(),
  fix: z.string().optional(),
});
export type PackageFinding = z.infer<typeof packageFindingSchema>;

export const packageSummarySchema = z.object({
  title: z.string().nullable(),
  subject: z.string().nullable(),
  author: z.string().nullable(),
  comments: z.string().nullable(),
  /** "x64;1033": platform;languages. */
  template: z.string().nullable(),
  codepage: z.number().int().nullable(),
  /** Minimum Windows Installer version (Page Count), e.g. 500 for 5.0. */
  schema: z.number().int().nullable(),
  /** Word Count bits: 1 short names, 2 compressed, 4 administrative image, 8 elevation not required (UAC). */
  wordCount: z.number().int().nullable(),
  compressed: z.boolean(),
  administrativeImage: z.boolean(),
  elevationNotRequired: z.boolean(),
  creatingApplication: z.string().nullable(),
  created: z.string().nullable(),
  lastSaved: z.string().nullable(),
});

export const msiPackageSchema = z.object({
  schema: z.literal(PACKAGE_SCHEMA),
  /** The file as the user named it. */
  file: z.string(),
  productName: z.string().nullable(),
  productVersion: z.string().nullable(),
  manufacturer: z.string().nullable(),
  productCode: z.string().nullable(),
  upgradeCode: z.string().nullable(),
  /** Summary information revision number: identifies this exact build of the package. */
  packageCode: z.string().nullable(),
  /** ProductLanguage (an LCID such as 1033 or 2052). */
  language: z.number().int().nullable(),
  scope: z.enum(['per-machine', 'per-user', 'dual']),
  /** Installing it needs administrator rights (per-machine). */
  requiresElevation: z.boolean(),
  platform: z.enum(['x86', 'x64', 'arm64', 'arm', 'ia64', 'unknown']),
  /** The package carries an Authenticode signature stream (not verified here). */
  signed: z.boolean(),
  allUsers: z.string().nullable(),
  msiInstallPerUser: z.string().nullable(),
  summary: packageSummarySchema,
  launchConditions: z.array(z.object({ condition: z.string(), message: z.string().nullable() })),
  upgrades: z.array(
    z.object({
      upgradeCode: z.string(),
      versionMin: z.string().nullable(),
      versionMax: z.string().nullable(),
      language: z.string().nullable(),
      /** msidbUpgradeAttributes bits (1 migrate features, 2 only detect, 256 include min, 512 include max, ...). */
      attributes: z.number().int(),
      actionProperty: z.string(),
    }),
  ),
  /** Names of the Binary table's streams (the DLLs, EXEs and scripts custom actions run). */
  binaries: z.array(z.string()),
  customActions: z.array(packageCustomActionSchema),
  findings: z.array(packageFindingSchema),
});
export type MsiPackage = z.infer<typeof msiPackageSchema>;

/** An installed product the package is compared with (from the installed-products probe or a simulated machine). */
export interface InstalledProductRef {
  productCode: string;
  upgradeCode: string | null;
  name: string | null;
  version: string | null;
  /** The installed package's code, when known (same ProductCode + other package code = 1638). */
  packageCode?: string | null;
  scope: 'machine' | 'user';
}
