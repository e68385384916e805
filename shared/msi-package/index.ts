// The .msi reader's entry point: read a package's facts and findings through any ByteSource, on any OS.
import type { InstalledProductRef, MsiPackage } from '../contract/msi-package.ts';
import type { ByteSource } from './byte-source.ts';
import { MsiDatabase } from './msi-database.ts';
import { packageFacts, packageScope } from './package-facts.ts';
import { PACKAGE_SCHEMA } from '../contract/msi-package.ts';
import { installedFindings, packageFindings } from './package-findings.ts';

export type { ByteSource } from './byte-source.ts';
export { bytesSource } from './byte-source.ts';
export { MsiReadError, type MsiReadErrorCode } from './msi-read-error.ts';
export { MsiDatabase } from './msi-database.ts';
export { compareMsiVersions } from './msi-version.ts';
export { installedFindings, packageFindings } from './package-findings.ts';

export interface ReadPackageOptions {
  /** Products installed on the machine: adds already-installed / newer-installed / same-product-other-package. */
  installed?: readonly InstalledProductRef[];
}

/** Reads msi-doctor/package@1 from a package. Throws MsiReadError (one plain sentence) for anything unreadable. */
export async function readMsiPackage(
  source: ByteSource,
  file: string,
  options: ReadPackageOptions = {},
): Promise<MsiPackage> {
  const db = await MsiDatabase.open(source);
  const pkg = await packageFacts(db, file);
  return withInstalled({ ...pkg, findings: packageFindings(pkg) }, options.installed ?? []);
}

/** The package's findings with those about the installed products replaced (e.g. after a rescan). */
export function withInstalled(pkg: MsiPackage, installed: readonly InstalledProductRef[]): MsiPackage {
  const own = pkg.findings.filter(
    (f) => f.id !== 'already-installed' && f.id !== 'newer-installed' && f.id !== 'same-product-other-package',
  );
  return { ...pkg, findings: [...installedFindings(pkg, installed), ...own] };
}

/**
 * package@1 from identity facts alone (no tables: no custom actions, no summary): what a simulated machine records
 * about a package when no real file backs it, and what tests build findings from.
 */
export function packageFromProperties(
  props: {
    productCode: string;
    upgradeCode: string;
    productVersion: string;
    productName: string;
    manufacturer: string;
    allUsers: string;
  },
  file: string,
): MsiPackage {
  const scope = packageScope(props.allUsers);
  const pkg: MsiPackage = {
    schema: PACKAGE_SCHEMA,
    file,
    productName: props.productName,
    productVersion: props.productVersion,
    manufacturer: props.manufacturer,
    productCode: props.productCode,
    upgradeCode: props.upgradeCode,
    packageCode: null,
    language: null,
    scope,
    requiresElevation: scope === 'per-machine',
    platform: 'unknown',
    signed: false,
    allUsers: props.allUsers,
    msiInstallPerUser: null,
    summary: {
      title: null,
      subject: null,
      author: null,
      comments: null,
      template: null,
      codepage: null,
      schema: null,
      wordCount: null,
      compressed: false,
      administrativeImage: false,
      elevationNotRequired: false,
      creatingApplication: null,
      created: null,
      lastSaved: null,
    },
    launchConditions: [],
    upgrades: [],
    binaries: [],
    customActions: [],
    findings: [],
  };
  return { ...pkg, findings: packageFindings(pkg) };
}
