// The .msi reader's entry point: read a package's facts and findings through any ByteSource, on any OS.
import type { InstalledProductRef, MsiPackage } from '../contract/msi-package.ts';
import type { ByteSource } from './byte-source.ts';
import { MsiDatabase } from './msi-database.ts';
import { packageFacts } from './package-facts.ts';
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
