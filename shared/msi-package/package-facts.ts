// From an opened database to msi-doctor/package@1's facts: identity, scope, platform, signature, launch conditions,
// upgrades, Binary names and every custom action with where and when it is sequenced (findings are added elsewhere).
import {
  PACKAGE_SCHEMA,
  SEQUENCE_TABLES,
  type CustomActionSequence,
  type MsiPackage,
  type PackageCustomAction,
} from '../contract/msi-package.ts';
import { decodeCustomActionType } from './custom-action-type.ts';
import type { MsiDatabase } from './msi-database.ts';
import { sourceFlags } from './summary-info.ts';

type Row = Record<string, string | number | null>;
const str = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);
const int = (v: string | number | null | undefined): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d{1,10}$/.test(v.trim())) return Number.parseInt(v, 10);
  return null;
};

/** ALLUSERS / MSIINSTALLPERUSER as Windows Installer 5 reads them (ALLUSERS=2 lets the install go either way). */
export function packageScope(allUsers: string | null): MsiPackage['scope'] {
  const a = (allUsers ?? '').trim();
  if (a === '') return 'per-user';
  // ALLUSERS=2: per-machine for an administrator, per-user otherwise (MSIINSTALLPERUSER=1 makes per-user the default).
  if (a === '2') return 'dual';
  return 'per-machine';
}

export function templatePlatform(template: string | null): MsiPackage['platform'] {
  const platform = (template ?? '').split(';')[0]!.trim().toLowerCase();
  if (platform === '' || platform === 'intel') return 'x86';
  if (platform === 'x64' || platform === 'amd64') return 'x64';
  if (platform === 'arm64') return 'arm64';
  if (platform === 'arm') return 'arm';
  if (platform === 'intel64') return 'ia64';
  return 'unknown';
}

export async function packageFacts(db: MsiDatabase, file: string): Promise<MsiPackage> {
  const properties = new Map<string, string>();
  for (const r of (await db.records('Property')) ?? []) {
    const name = str(r.Property);
    if (name) properties.set(name, str(r.Value) ?? '');
  }
  const prop = (name: string) => properties.get(name) ?? null;
  const summary = db.summary;
  const flags = sourceFlags(summary.wordCount);
  const scope = packageScope(prop('ALLUSERS'));
  const language = int(prop('ProductLanguage'));
  return {
    schema: PACKAGE_SCHEMA,
    file,
    productName: prop('ProductName'),
    productVersion: prop('ProductVersion'),
    manufacturer: prop('Manufacturer'),
    productCode: prop('ProductCode'),
    upgradeCode: prop('UpgradeCode'),
    packageCode: summary.revisionNumber,
    language,
    scope,
    requiresElevation: scope === 'per-machine',
    platform: templatePlatform(summary.template),
    signed: db.hasStream('\u0005DigitalSignature'),
    allUsers: prop('ALLUSERS'),
    msiInstallPerUser: prop('MSIINSTALLPERUSER'),
    summary: {
      title: summary.title,
      subject: summary.subject,
      author: summary.author,
      comments: summary.comments,
      template: summary.template,
      codepage: summary.codepage,
      schema: summary.pageCount,
      wordCount: summary.wordCount,
      compressed: flags.compressed,
      administrativeImage: flags.administrativeImage,
      elevationNotRequired: flags.elevationNotRequired,
      creatingApplication: summary.creatingApplication,
      created: summary.createTime,
      lastSaved: summary.lastSaveTime,
    },
    launchConditions: ((await db.records('LaunchCondition')) ?? []).map((r) => ({
      condition: str(r.Condition) ?? '',
      message: str(r.Description),
    })),
    upgrades: ((await db.records('Upgrade')) ?? []).map((r) => ({
      upgradeCode: str(r.UpgradeCode) ?? '',
      versionMin: str(r.VersionMin),
      versionMax: str(r.VersionMax),
      language: str(r.Language),
      attributes: int(r.Attributes) ?? 0,
      actionProperty: str(r.ActionProperty) ?? '',
    })),
    binaries: ((await db.records('Binary')) ?? []).map((r) => str(r.Name) ?? '').filter((n) => n !== ''),
    customActions: await customActions(db),
    findings: [],
  };
}

async function customActions(db: MsiDatabase): Promise<PackageCustomAction[]> {
  const rows = (await db.records('CustomAction')) ?? [];
  const sequences = new Map<string, CustomActionSequence[]>();
  const add = (action: string | null, entry: CustomActionSequence) => {
    if (!action) return;
    const list = sequences.get(action) ?? [];
    list.push(entry);
    sequences.set(action, list);
  };
  for (const table of SEQUENCE_TABLES)
    for (const r of (await db.records(table)) ?? [])
      add(str(r.Action), { table, sequence: int(r.Sequence), condition: str(r.Condition) });
  for (const r of (await db.records('ControlEvent')) ?? [])
    if (str(r.Event) === 'DoAction')
      add(str(r.Argument), { table: 'ControlEvent', sequence: null, condition: str(r.Condition) });
  return rows
    .filter((r: Row) => typeof r.Action === 'string' && typeof r.Type === 'number')
    .map((r) => {
      const name = r.Action as string;
      const decoded = decodeCustomActionType(r.Type as number, int(r.ExtendedType));
      return {
        name,
        type: decoded.type,
        extendedType: int(r.ExtendedType),
        source: str(r.Source),
        target: str(r.Target),
        execution: decoded.execution,
        impersonate: decoded.impersonate,
        returnIgnored: decoded.returnIgnored,
        async: decoded.async,
        kind: decoded.kind,
        scriptEngine: decoded.scriptEngine,
        codeSource: decoded.codeSource,
        scheduling: decoded.scheduling,
        x64: decoded.x64,
        hideTarget: decoded.hideTarget,
        terminalServerAware: decoded.terminalServerAware,
        patchUninstall: decoded.patchUninstall,
        sequences: (sequences.get(name) ?? []).sort(
          (a, b) => SEQUENCE_ORDER.indexOf(a.table) - SEQUENCE_ORDER.indexOf(b.table),
        ),
      };
    });
}

const SEQUENCE_ORDER: CustomActionSequence['table'][] = [...SEQUENCE_TABLES, 'ControlEvent'];
