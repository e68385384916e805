// Builds a real .msi for tests: wixl compiles a small WiX product (identity, scope, Binary entries, launch conditions,
// upgrades), then msibuild sets exact rows wixl cannot write (any CustomAction type, rollback actions, sequence rows,
// code page, extra properties, a signature stream).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMsiTool } from './msi-tools.ts';

export interface CustomActionRow {
  action: string;
  type: number;
  source?: string;
  target?: string;
  extendedType?: number;
}

export type SequenceTableName =
  'InstallExecuteSequence' | 'InstallUISequence' | 'AdminExecuteSequence' | 'AdminUISequence' | 'AdvtExecuteSequence';

export interface SequenceRow {
  table?: SequenceTableName;
  action: string;
  condition?: string;
  sequence: number;
}

export interface TestPackageSpec {
  name: string;
  productName?: string;
  version?: string;
  manufacturer?: string;
  productCode?: string;
  upgradeCode?: string;
  /** perMachine: ALLUSERS=1; perUser: no ALLUSERS; dual: ALLUSERS=2 + MSIINSTALLPERUSER=1. */
  scope?: 'perMachine' | 'perUser' | 'dual';
  /** Summary Word Count bit 8 (WiX InstallPrivileges="limited"). */
  elevationNotRequired?: boolean;
  platform?: 'x86' | 'x64';
  /** Database code page (set through _ForceCodepage), e.g. 936 for a Chinese product name. */
  codepage?: number;
  /** Binary table entries (each a small stream). */
  binaries?: string[];
  launchConditions?: { condition: string; message: string }[];
  upgrades?: { minimum?: string; maximum?: string; property: string; onlyDetect?: boolean }[];
  customActions?: CustomActionRow[];
  sequence?: SequenceRow[];
  properties?: Record<string, string>;
  /** Adds a \u0005DigitalSignature stream (content is not a real signature). */
  signed?: boolean;
  /** Size of the installed file (pseudo-random, so the cabinet really is this big); default a one-line text. */
  payloadBytes?: number;
  /** Adds this many extra Property rows (more than 65,535 strings makes the pool use 3-byte references). */
  extraProperties?: number;
  /** Adds one property value this long (a string of 64 KiB or more takes two pool entries). */
  longValue?: number;
}

const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sqlText(text: string): string {
  if (text.includes("'")) throw new Error(`test package values cannot contain ' (msibuild SQL): ${text}`);
  return `'${text}'`;
}

/** A stable GUID from a name, so rebuilding a package keeps its ProductCode. */
export function testGuid(seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of seed) {
    h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch.charCodeAt(0), 0x5bd1e995) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).toUpperCase();
  const more = ((h1 ^ h2) >>> 0).toString(16).padStart(8, '0').toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${more.slice(1, 4)}-${more}${hex.slice(12, 16)}}`;
}

function wxs(spec: TestPackageSpec): string {
  // wixl resolves source files only relative to its working directory (the package's build folder).
  const payload = 'readme.txt';
  const productCode = spec.productCode ?? testGuid(`${spec.name}/product`);
  const upgradeCode = spec.upgradeCode ?? testGuid(`${spec.name}/upgrade`);
  for (const g of [productCode, upgradeCode]) if (!GUID.test(g)) throw new Error(`not an upper-case GUID: ${g}`);
  const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);
  const name = spec.productName && ascii(spec.productName) ? spec.productName : `Test ${spec.name}`;
  const perMachine = (spec.scope ?? 'perMachine') === 'perMachine';
  const privileges = spec.elevationNotRequired ? ' InstallPrivileges="limited"' : '';
  const binaries = (spec.binaries ?? [])
    .map((id) => `    <Binary Id="${xml(id)}" SourceFile="${xml(`${id}.bin`)}"/>`)
    .join('\n');
  const conditions = (spec.launchConditions ?? [])
    .map((c) => `    <Condition Message="${xml(c.message)}">${xml(c.condition)}</Condition>`)
    .join('\n');
  const upgrades = spec.upgrades?.length
    ? `    <Upgrade Id="${upgradeCode}">\n${spec.upgrades
        .map(
          (u) =>
            `      <UpgradeVersion Property="${xml(u.property)}"${u.minimum ? ` Minimum="${u.minimum}" IncludeMinimum="yes"` : ''}${u.maximum ? ` Maximum="${u.maximum}"` : ''}${u.onlyDetect ? ' OnlyDetect="yes"' : ''}/>`,
        )
        .join('\n')}\n    </Upgrade>`
    : '';
  const folder = perMachine ? 'ProgramFilesFolder' : 'LocalAppDataFolder';
  const keyPath = perMachine
    ? `<File Id="F1" Source="${xml(payload)}" Name="readme.txt" KeyPath="yes"/>`
    : `<RegistryValue Root="HKCU" Key="Software\\MsiDoctorTest\\${xml(spec.name)}" Name="installed" Value="1" Type="string" KeyPath="yes"/>
            <File Id="F1" Source="${xml(payload)}" Name="readme.txt"/>
            <RemoveFolder Id="RemoveInstallDir" On="uninstall"/>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="${productCode}" Name="${xml(name)}" Language="1033" Version="${spec.version ?? '1.0.0'}" Manufacturer="${xml(spec.manufacturer ?? 'Contoso Test')}" UpgradeCode="${upgradeCode}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="${perMachine ? 'perMachine' : 'perUser'}"${privileges} Comments="MSI Doctor test package ${xml(spec.name)}"/>
    <Media Id="1" Cabinet="data.cab" EmbedCab="yes"/>
${binaries}
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="${folder}">
        <Directory Id="INSTALLDIR" Name="MsiDoctorTest">
          <Component Id="Main" Guid="${testGuid(`${spec.name}/component`)}">
            ${keyPath}
          </Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1"><ComponentRef Id="Main"/></Feature>
${conditions}
${upgrades}
  </Product>
</Wix>
`;
}

function payload(spec: TestPackageSpec): Uint8Array | string {
  if (!spec.payloadBytes) return `MSI Doctor test package ${spec.name}\r\n`;
  const bytes = new Uint8Array(spec.payloadBytes);
  let seed = 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return bytes;
}

/** Builds `<dir>/<name>.msi` and returns its path. */
export function buildTestPackage(spec: TestPackageSpec, dir: string): string {
  const work = join(dir, `${spec.name}.build`);
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'readme.txt'), payload(spec));
  for (const id of spec.binaries ?? []) writeFileSync(join(work, `${id}.bin`), `binary ${id}\r\n`);
  writeFileSync(join(work, 'package.wxs'), wxs(spec));
  const msi = join(dir, `${spec.name}.msi`);
  runMsiTool('wixl', ['-a', spec.platform ?? 'x86', '-o', msi, join(work, 'package.wxs')], work);

  const args: string[] = [msi];
  if (spec.codepage !== undefined) {
    writeFileSync(join(work, '_ForceCodepage.idt'), `\r\n\r\n${spec.codepage}\t_ForceCodepage\r\n`);
    args.push('-i', join(work, '_ForceCodepage.idt'));
  }
  const properties: Record<string, string> = { ...spec.properties };
  if (spec.scope === 'dual') Object.assign(properties, { ALLUSERS: '2', MSIINSTALLPERUSER: '1' });
  if (spec.productName && !/^[\x20-\x7e]*$/.test(spec.productName)) properties.ProductName = spec.productName;
  const queries: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    queries.push(`DELETE FROM Property WHERE Property = ${sqlText(name)}`);
    queries.push(`INSERT INTO Property (Property, Value) VALUES (${sqlText(name)}, ${sqlText(value)})`);
  }
  for (const ca of spec.customActions ?? []) {
    const cols = ['Action', 'Type'];
    const values = [sqlText(ca.action), String(ca.type)];
    const optional: [string, string | undefined][] = [
      ['Source', ca.source === undefined ? undefined : sqlText(ca.source)],
      ['Target', ca.target === undefined ? undefined : sqlText(ca.target)],
      ['ExtendedType', ca.extendedType === undefined ? undefined : String(ca.extendedType)],
    ];
    for (const [col, value] of optional)
      if (value !== undefined) {
        cols.push(col);
        values.push(value);
      }
    queries.push(`INSERT INTO CustomAction (${cols.join(', ')}) VALUES (${values.join(', ')})`);
  }
  for (const s of spec.sequence ?? []) {
    const table = s.table ?? 'InstallExecuteSequence';
    queries.push(
      s.condition === undefined
        ? `INSERT INTO ${table} (Action, Sequence) VALUES (${sqlText(s.action)}, ${s.sequence})`
        : `INSERT INTO ${table} (Action, Condition, Sequence) VALUES (${sqlText(s.action)}, ${sqlText(s.condition)}, ${s.sequence})`,
    );
  }
  for (const q of queries) args.push('-q', q);
  if (spec.signed) {
    writeFileSync(join(work, 'signature.bin'), 'not a real PKCS#7 signature');
    args.push('-a', '\u0005DigitalSignature', join(work, 'signature.bin'));
  }
  if (args.length > 1) runMsiTool('msibuild', args);
  if (spec.extraProperties || spec.longValue) addProperties(msi, work, spec);
  return msi;
}

/** Re-imports the Property table with many more rows (msibuild -i replaces the whole table). */
function addProperties(msi: string, work: string, spec: TestPackageSpec): void {
  const lines: string[] = [];
  for (let i = 0; i < (spec.extraProperties ?? 0); i++) lines.push(`TEST_PROPERTY_${i}\tvalue ${i}`);
  if (spec.longValue) lines.push(`TEST_LONG_VALUE\t${'L'.repeat(spec.longValue)}`);
  const existing = runMsiTool('msiinfo', ['export', msi, 'Property']).replace(/\r?\n$/, '');
  writeFileSync(join(work, 'Property.idt'), `${existing}\r\n${lines.join('\r\n')}\r\n`);
  runMsiTool('msibuild', [msi, '-i', join(work, 'Property.idt')]);
}
