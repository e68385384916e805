// The .msi reader on the simulated machine: a package file backed by a real test package (built with wixl when it
// is installed) is read for real; one with only recorded facts gives those facts; a file's own bytes are read too.
import { existsSync } from 'node:fs';
import type { MsiPackage } from '../../../shared/contract/msi-package.ts';
import { MsiReadError, bytesSource, packageFromProperties, readMsiPackage } from '../../../shared/msi-package/index.ts';
import { readMsiPackageFile } from '../msi-file.ts';
import { cachedTestPackage } from '../msi-packages/test-packages.ts';
import type { SimulatedMachine } from './machine.ts';

/** As for repair outputs: an absolute POSIX path is a file of the host (e.g. a package the preview received). */
function isHostPath(path: string): boolean {
  return path.startsWith('/');
}

export async function readSimulatedPackage(machine: SimulatedMachine, path: string): Promise<MsiPackage> {
  const entry = machine.entry(path);
  if (entry?.kind === 'dir') throw new MsiReadError('not-a-file');
  if (entry?.msi) {
    const real = entry.msi.package ? cachedTestPackage(entry.msi.package) : null;
    if (real) return { ...(await readMsiPackageFile(real)), file: path };
    return packageFromProperties(entry.msi, path);
  }
  if (entry) return readMsiPackage(bytesSource(machine.readFile(path) ?? new Uint8Array(0)), path);
  if (isHostPath(path) && existsSync(path)) return readMsiPackageFile(path);
  throw new MsiReadError('not-found');
}
