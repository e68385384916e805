// Probe installed-products: for the given .msi, whether the same or another version is installed (per-machine or
// per-user) — the 1638 "already installed" and downgrade explanations. The package half comes from the pure .msi
// reader (context.msiPackage, read by the scan service on any OS); COM answers only what is installed.
import { z } from 'zod';
import type { InstalledProductsData, InstalledRelation } from '../../../shared/contract/evidence-data.ts';
import { msiPackageInfoSchema } from '../../../shared/contract/evidence-data.ts';
import type { InstalledProductRef, MsiPackage } from '../../../shared/contract/msi-package.ts';
import { compareMsiVersions } from '../../../shared/msi-package/msi-version.ts';
import { withInstalled } from '../../../shared/msi-package/index.ts';
import type { CommandOutput } from '../run/command-runner.ts';
import type { ProbeContext, ProbeDefinition, ProbeVerdict } from './probe.ts';
import { errorVerdict, probeScriptSpec, readScriptJson, verdict } from './probe-kit.ts';

const TIMEOUT_MS = 20_000;

// The WindowsInstaller COM object answers what is installed; late-bound calls (Invoke-MdComMember: InvokeMember)
// because PS 5.1 lacks its type information. RelatedProducts is a StringList: it is read by Count and Item(i), never
// enumerated (PowerShell may hand back the COM object itself, which would become the "product code"). Errors are the
// base exception's HRESULT (InvokeMember wraps COM errors in TargetInvocationException). The package's identity
// arrives in $params.package (read by the .msi reader); only when the caller did not read it does the script open the
// package itself (read-only).
const SCRIPT = String.raw`
function Call($o, $m, $a) { Invoke-MdComMember $o $m 'InvokeMethod' $a }
function Prop($o, $m, $a) { Invoke-MdComMember $o $m 'GetProperty' $a }
$inst = New-MdComObject 'WindowsInstaller.Installer'
$pkg = [ordered]@{ readable = $false; error = $null; productCode = $null; upgradeCode = $null; productVersion = $null; productName = $null; manufacturer = $null; allUsers = $null }
if ($params.package) { foreach ($k in 'productCode','upgradeCode','productVersion','productName','manufacturer','allUsers') { $pkg[$k] = $params.package.$k }; $pkg.readable = $true }
elseif ($params.readWithCom) { try {
  $db = Call $inst 'OpenDatabase' @($params.msiPath, 0)
  foreach ($p in 'ProductCode','UpgradeCode','ProductVersion','ProductName','Manufacturer','ALLUSERS') {
    $v = Call $db 'OpenView' @("SELECT Value FROM Property WHERE Property='$p'")
    [void](Call $v 'Execute' $null); $rec = Call $v 'Fetch' $null
    $val = if ($rec) { [string](Prop $rec 'StringData' @(1)) } else { $null }
    [void](Call $v 'Close' $null)
    switch ($p) { 'ProductCode' { $pkg.productCode = $val } 'UpgradeCode' { $pkg.upgradeCode = $val } 'ProductVersion' { $pkg.productVersion = $val }
      'ProductName' { $pkg.productName = $val } 'Manufacturer' { $pkg.manufacturer = $val } 'ALLUSERS' { $pkg.allUsers = $val } }
  }
  $pkg.readable = $true
} catch { $pkg.error = '0x{0:X8}' -f $_.Exception.GetBaseException().HResult } }
$codes = @()
if ($pkg.productCode -and [int](Prop $inst 'ProductState' @($pkg.productCode)) -eq 5) { $codes += [string]$pkg.productCode }
if ($pkg.upgradeCode) { try {
  $related = Prop $inst 'RelatedProducts' @($pkg.upgradeCode)
  $count = [int](Prop $related 'Count' $null)
  for ($i = 0; $i -lt $count; $i++) { $c = [string](Prop $related 'Item' @($i)); if ($codes -notcontains $c) { $codes += $c } }
} catch { } }
function Info($code, $name) { try { $v = Prop $inst 'ProductInfo' @($code, $name); if ($null -eq $v) { $null } else { [string]$v } } catch { $null } }
$installed = @(foreach ($c in $codes) {
  [pscustomobject]@{ productCode = $c; name = (Info $c 'ProductName'); version = (Info $c 'VersionString'); assignment = (Info $c 'AssignmentType'); packageCode = (Info $c 'PackageCode'); viaUpgradeCode = ($c -ne $pkg.productCode) } })
$sameName = @()
if ($pkg.productName) {
  $roots = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall','HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall','HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall'
  foreach ($r in $roots) { foreach ($k in @(Get-MdRegistrySubKeyName $r)) {
    $name = Get-MdRegistryValue "$r\$k" 'DisplayName'
    if ($name -eq $pkg.productName -and $codes -notcontains $k) {
      $sameName += [pscustomobject]@{ productCode = $k; name = $name; version = (Get-MdRegistryValue "$r\$k" 'DisplayVersion'); scope = $(if ($r -like 'HKCU*') { 'user' } else { 'machine' }) } } } }
}
[pscustomobject]@{ msiPath = $params.msiPath; package = [pscustomobject]$pkg; installed = $installed; sameName = $sameName } | ConvertTo-Json -Compress -Depth 4
`;

export const installedProductsOutputSchema = z.object({
  msiPath: z.string(),
  package: msiPackageInfoSchema,
  installed: z.array(
    z.object({
      productCode: z.string(),
      name: z.string().nullable(),
      version: z.string().nullable(),
      /** AssignmentType: 0 per-user, 1 per-machine. */
      assignment: z.union([z.number(), z.string()]).nullable(),
      /** ProductInfo PackageCode: same ProductCode + another package code = 1638. */
      packageCode: z.string().nullable().optional(),
      viaUpgradeCode: z.boolean(),
    }),
  ),
  sameName: z.array(
    z.object({
      productCode: z.string(),
      name: z.string().nullable(),
      version: z.string().nullable(),
      scope: z.enum(['machine', 'user']),
    }),
  ),
});
export type InstalledProductsOutput = z.infer<typeof installedProductsOutputSchema>;

export { compareMsiVersions };

/** The package info the verdict uses: the reader's when it ran, else what the script read through COM. */
function packageInfo(context: ProbeContext | undefined, fromScript: InstalledProductsOutput['package']) {
  const read = context?.msiPackage;
  if (!read) return fromScript;
  if (!read.ok) return { ...fromScript, readable: false, error: read.message, productCode: null, upgradeCode: null };
  const p = read.package;
  return {
    readable: true,
    error: null,
    productCode: p.productCode,
    upgradeCode: p.upgradeCode,
    productVersion: p.productVersion,
    productName: p.productName,
    manufacturer: p.manufacturer,
    allUsers: p.allUsers,
  };
}

/** What the package findings compare with: products found by code (same-name ones are other products). */
function installedRefs(o: InstalledProductsOutput, pkg: MsiPackage): InstalledProductRef[] {
  return o.installed.map((i) => ({
    productCode: i.productCode,
    // Found through the package's UpgradeCode (RelatedProducts) or by its own ProductCode: same family either way.
    upgradeCode: pkg.upgradeCode,
    name: i.name,
    version: i.version,
    packageCode: i.packageCode ?? null,
    scope: i.assignment === 0 || i.assignment === '0' ? 'user' : 'machine',
  }));
}

export function parseInstalledProducts(
  outputs: CommandOutput[],
  context?: ProbeContext,
): ProbeVerdict<'installed-products'> {
  const parsed = readScriptJson(outputs[0], installedProductsOutputSchema);
  if (!parsed.ok) return errorVerdict('installed-products', parsed.error);
  const o = parsed.value;
  const pkg = packageInfo(context, o.package);
  const read = context?.msiPackage;
  const packageReport = read?.ok ? withInstalled(read.package, installedRefs(o, read.package)) : null;
  const installed: InstalledProductsData['installed'] = o.installed.map((i) => {
    let relation: InstalledRelation = 'same-name';
    const cmp = pkg.productVersion && i.version ? compareMsiVersions(i.version, pkg.productVersion) : 0;
    if (pkg.productCode && i.productCode.toUpperCase() === pkg.productCode.toUpperCase())
      relation = cmp === 0 ? 'same-version' : 'same-product-other-version';
    else relation = cmp > 0 ? 'newer-version' : cmp < 0 ? 'older-version' : 'same-version';
    const assignment = typeof i.assignment === 'string' ? Number.parseInt(i.assignment, 10) : i.assignment;
    return {
      productCode: i.productCode,
      name: i.name,
      version: i.version,
      scope: assignment === 0 ? 'user' : 'machine',
      userSid: null,
      relation,
    };
  });
  for (const s of o.sameName)
    installed.push({
      productCode: s.productCode,
      name: s.name,
      version: s.version,
      scope: s.scope,
      userSid: null,
      relation: 'same-name',
    });
  const data: InstalledProductsData = {
    msiPath: o.msiPath,
    package: pkg,
    packageReport,
    installed,
    sameVersionInstalled: installed.some((i) => i.relation === 'same-version'),
    newerInstalled: installed.some((i) => i.relation === 'newer-version'),
    olderInstalled: installed.some(
      (i) => i.relation === 'older-version' || i.relation === 'same-product-other-version',
    ),
  };
  const p = 'installed-products';
  const name = pkg.productName ?? o.msiPath;
  if (!pkg.readable) {
    // The reader's reason is a translatable sentence; COM's is an HRESULT.
    const error =
      read && !read.ok
        ? `@package.read-error.${read.code}?detail=${encodeURIComponent(read.detail)}`
        : (pkg.error ?? '?');
    return verdict('warning', p, 'package-unreadable', data, { path: o.msiPath, error });
  }
  const newer = installed.find((i) => i.relation === 'newer-version');
  if (newer)
    return verdict('problem', p, 'newer-installed', data, {
      product: name,
      installed: newer.version ?? '?',
      package: pkg.productVersion ?? '?',
    });
  const same = installed.find((i) => i.relation === 'same-version');
  if (same)
    return verdict('warning', p, 'same-installed', data, {
      product: name,
      version: same.version ?? '?',
      scope: same.scope === 'user' ? '@probe.scope.user' : '@probe.scope.machine',
    });
  const other = installed.find((i) => i.relation === 'same-product-other-version');
  if (other)
    return verdict('warning', p, 'other-version-installed', data, {
      product: name,
      installed: other.version ?? '?',
      package: pkg.productVersion ?? '?',
    });
  const older = installed.find((i) => i.relation === 'older-version');
  if (older) return verdict('ok', p, 'older-installed', data, { product: name, installed: older.version ?? '?' });
  return verdict('ok', p, 'not-installed', data, { product: name });
}

export const installedProductsProbe: ProbeDefinition<'installed-products'> = {
  id: 'installed-products',
  elevation: 'never',
  timeoutMs: TIMEOUT_MS,
  appliesTo: (context: ProbeContext) => context.msiPath !== null && context.msiPath !== '',
  commands: (context) => {
    const read = context.msiPackage;
    const pkg = read?.ok ? read.package : null;
    const params = {
      msiPath: context.msiPath,
      package: pkg && {
        productCode: pkg.productCode,
        upgradeCode: pkg.upgradeCode,
        productVersion: pkg.productVersion,
        productName: pkg.productName,
        manufacturer: pkg.manufacturer,
        allUsers: pkg.allUsers,
      },
      // Only a caller that did not run the reader lets the script open the package through COM.
      readWithCom: read === undefined,
    };
    return [probeScriptSpec('installed-products', SCRIPT, params, TIMEOUT_MS)];
  },
  parse: (outputs, context) => parseInstalledProducts(outputs, context),
};
