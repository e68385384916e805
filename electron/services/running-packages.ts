// The packages that running installs (msiexec /i X.msi) are installing, read with the .msi reader, so the answer
// names the stuck product by its display name and version, not only by its file.
import type { Evidence } from '../../shared/contract/evidence.ts';
import type { MsiClient } from '../../shared/contract/evidence-data.ts';
import type { MsiPackage } from '../../shared/contract/msi-package.ts';

/** One running install is the usual case; each read opens a file, so a crowded machine costs a few reads at most. */
const MAX_READS = 3;

/** A package on a local drive: one on a share could stall the scan on a slow or vanished server. */
function localMsi(path: string | null): path is string {
  return path !== null && /^[A-Za-z]:\\/.test(path) && path.toLowerCase().endsWith('.msi');
}

async function productOf(
  path: string,
  read: (path: string) => Promise<MsiPackage>,
): Promise<Exclude<MsiClient['product'], undefined>> {
  try {
    const pkg = await read(path);
    return pkg.productName ? { name: pkg.productName, version: pkg.productVersion } : null;
  } catch {
    // Unreadable, moved or not an .msi: the file name stays what the answer says.
    return null;
  }
}

/** The install-in-progress evidence with each running client's product filled in (evidence of other probes as is). */
export async function nameRunningPackages(
  evidence: Evidence,
  read: (path: string) => Promise<MsiPackage>,
): Promise<Evidence> {
  if (evidence.probe !== 'install-in-progress' || evidence.data === null) return evidence;
  const data = evidence.data;
  const paths = [...new Set(data.clients.map((c) => c.packagePath).filter(localMsi))].slice(0, MAX_READS);
  if (paths.length === 0) return evidence;
  const products = new Map(await Promise.all(paths.map(async (p) => [p, await productOf(p, read)] as const)));
  const clients = data.clients.map((c) =>
    c.packagePath !== null && products.has(c.packagePath) ? { ...c, product: products.get(c.packagePath)! } : c,
  );
  return { ...evidence, data: { ...data, clients } };
}
