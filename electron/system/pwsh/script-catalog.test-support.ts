// Test support: every PowerShell script the app can emit, built with ordinary and hostile parameters: each probe's
// commands (and the scan's batch wrappers of them), every repair's plan and undo, the log reader, the elevated batch
// script and its -EncodedCommand bootstrap, the elevation-folder check. A builder may refuse a parameter (a path
// too long for a command line): that refusal is recorded, with its message, instead of a script.
import { createHash } from 'node:crypto';
import type { CommandSpec } from '../run/command-runner.ts';
import { batchPaths, bootstrapScript, buildElevatedScript, scriptFileBytes } from '../run/elevated-script.ts';
import { INSPECT_DIR_SCRIPT } from '../run/elevation-dir.ts';
import { powerShellSpec, scriptOfSpec } from '../run/powershell.ts';
import { ALL_PROBES, logReadCommand } from '../probes/index.ts';
import type { ProbeContext } from '../probes/probe.ts';
import { batchScripts, isBatchable, type BatchPart } from '../probes/script-batch.ts';
import { REPAIR_CATALOG } from '../repairs/catalog.ts';
import { recordableData, RepairRefusal } from '../repairs/repair-definition.ts';
import { QuotingError } from '../run/quoting.ts';
import { REPAIR_TEXTS } from '../../../shared/knowledge/texts/repairs.ts';
import { context, fullEvidence, tempFolders } from '../repairs/repair-fixtures.test-support.ts';
import { REPAIR_IDS } from '../../../shared/contract/ids.ts';
import type { RepairParams } from '../../../shared/contract/repair.ts';
import { packageFromProperties } from '../../../shared/msi-package/index.ts';

export interface CatalogScript {
  id: string;
  /** 'probe' | 'batch' | 'repair' | 'log-read' | 'elevated' | 'bootstrap' | 'elevation-folder' */
  kind: string;
  script: string;
}
export interface CatalogRefusal {
  id: string;
  message: string;
  /** The refusal's key (a `repair.refusal.*` text, or `command-line-too-long`); null for any other error: a crash. */
  key: string | null;
}

/** The key of a build that was refused on purpose; null for an error that is not a refusal (a crash, a typo'd key). */
export function refusalKey(error: unknown): string | null {
  if (error instanceof RepairRefusal) {
    const key = error.reason.key;
    return key.startsWith('repair.refusal.') && Object.hasOwn(REPAIR_TEXTS, key) ? key : null;
  }
  if (error instanceof QuotingError) return COMMAND_LINE_TOO_LONG;
  return null;
}

/** A script or command line Windows cannot take (CreateProcess's 32,767 characters): refused, never truncated. */
export const COMMAND_LINE_TOO_LONG = 'command-line-too-long';

const SID = 'S-1-5-21-1004336348-1177238915-682003330-1107';

/** Paths a user can have: quotes, &, %, ', typographic quotes, CJK, RTL-free; plus lengths up to 32k characters. */
export function hostilePaths(): Array<{ label: string; path: string }> {
  const dir = (n: number): string => `C:\\Users\\zhang.wei\\${'d'.repeat(Math.max(1, n - 30))}\\x.msi`;
  return [
    { label: 'ordinary', path: 'C:\\Users\\zhang.wei\\Downloads\\ContosoExpense-3.2.0-x64.msi' },
    { label: 'quotes and &', path: 'C:\\Users\\O\'Brien & "Co"\\Downloads\\go1.23 (x64) & more.msi' },
    { label: 'percent and carets', path: 'C:\\Users\\a%TEMP%b^c!d\\%USERPROFILE%\\x.msi' },
    { label: 'typographic quotes', path: 'C:\\Users\\‘single’ “double” ‚low‛\\x.msi' },
    { label: 'CJK and accents', path: 'C:\\Users\\张伟\\下载\\金蝶财务 Łódź Ünïcödé.msi' },
    { label: 'PowerShell syntax', path: "C:\\x\\$(Remove-Item C:\\) `n @' '@ ; | > $env:windir ${a}.msi" },
    { label: 'backslashes before quotes', path: 'C:\\x\\a\\\\"b\\\\.msi' },
    { label: '4k characters', path: dir(4000) },
    { label: '32k characters', path: dir(32_000) },
  ];
}

function probeContexts(): Array<{ label: string; context: ProbeContext }> {
  const out: Array<{ label: string; context: ProbeContext }> = [];
  for (const { label, path } of hostilePaths()) {
    const folder = path.slice(0, path.lastIndexOf('\\'));
    const base: ProbeContext = {
      symptom: { input: '1603', exitCodes: [1603], messageNumbers: [], sources: [], unknown: false, notes: [] },
      msiPath: path,
      logPaths: [`${folder}\\MSI1a2b.LOG`],
      user: { sid: SID, profile: folder, temp: `${folder}\\AppData\\Local\\Temp` },
      now: new Date('2026-11-18T01:30:00Z'),
    };
    out.push({ label, context: base });
    out.push({
      label: `${label} (package read)`,
      context: {
        ...base,
        msiPackage: {
          ok: true,
          package: packageFromProperties(
            {
              productCode: '{0B6F1E6C-58C2-4F0D-A0E4-6C86E0B7D3A1}',
              upgradeCode: '{8C1E2A77-3B0F-4E55-9C6D-1F2E3A4B5C6D}',
              productVersion: '3.2.0',
              productName: `Contoso ‘Expense’ & "Reporter" 张伟 ${label}`,
              manufacturer: "O'Brien & Co",
              allUsers: '1',
            },
            path,
          ),
        },
      },
    });
  }
  return out;
}

function repairParams(path: string): Array<{ label: string; params: RepairParams }> {
  return [
    { label: 'default', params: {} },
    { label: 'msi', params: { msiPath: path } },
    { label: 'msi full UI', params: { msiPath: path, uiLevel: 'full' } },
    { label: 'restart in 5', params: { restartInMinutes: 5 } },
    { label: 'remove Everyone', params: { removeSids: ['S-1-1-0'] } },
  ];
}

/** Every script, and every refused build, the app can produce for the catalog's hostile inputs. */
export function scriptCatalog(): { scripts: CatalogScript[]; refusals: CatalogRefusal[] } {
  const scripts: CatalogScript[] = [];
  const refusals: CatalogRefusal[] = [];
  const seen = new Set<string>();
  const addSpec = (id: string, kind: string, spec: CommandSpec): void => {
    const script = scriptOfSpec(spec);
    if (script !== null) add(id, kind, script);
  };
  const add = (id: string, kind: string, script: string): void => {
    if (seen.has(script)) return;
    seen.add(script);
    scripts.push({ id, kind, script });
  };
  const attempt = (id: string, build: () => void): void => {
    try {
      build();
    } catch (error) {
      refusals.push({
        id,
        message: String((error as Error)?.message ?? error).split('\n')[0]!,
        key: refusalKey(error),
      });
    }
  };

  // Probes, alone and batched as a scan runs them.
  for (const { label, context: ctx } of probeContexts()) {
    const parts: BatchPart[] = [];
    for (const probe of ALL_PROBES) {
      attempt(`probe ${probe.id} [${label}]`, () => {
        probe.commands(ctx).forEach((spec, i) => {
          addSpec(`probe ${probe.id}#${i} [${label}]`, 'probe', spec);
          if (isBatchable(spec)) parts.push({ key: `${probe.id}#${i}`, spec });
        });
      });
    }
    attempt(`batch [${label}]`, () =>
      batchScripts(parts).forEach((b, i) => addSpec(`batch#${i} [${label}]`, 'batch', b.spec)),
    );
    for (const log of ctx.logPaths)
      attempt(`log read [${label}]`, () => addSpec(`log read [${label}]`, 'log-read', logReadCommand(log)));
  }

  // Repairs: plan and undo, for every hostile path; their elevated steps as the elevated batch script.
  const elevatedSpecs: CommandSpec[] = [];
  for (const { label, path } of hostilePaths()) {
    const folder = path.slice(0, path.lastIndexOf('\\'));
    for (const id of REPAIR_IDS) {
      const definition = REPAIR_CATALOG[id];
      for (const { label: pl, params } of repairParams(path)) {
        const evidences = [
          fullEvidence(),
          { ...fullEvidence(), 'temp-folders': tempFolders({ windowsTemp: { exists: false, isDirectory: false } }) },
        ];
        for (const [e, evidence] of evidences.entries()) {
          const name = `repair ${id} [${label}; ${pl}; evidence ${e}]`;
          attempt(name, () => {
            const built = definition.build(context(params, evidence, { user: { sid: SID, profile: folder } }));
            built.steps.forEach((s, i) => {
              if (!s.spec) return;
              addSpec(`${name} step ${i}`, 'repair', s.spec);
              if (s.step.elevated) elevatedSpecs.push(s.spec);
            });
            const undo =
              definition.undo?.({
                data: recordableData(definition, built.data),
                user: { sid: SID, profile: folder },
                windowsDir: 'C:\\Windows',
                backupDir: 'C:\\ProgramData\\MSI Doctor\\backups\\j1',
              }) ?? [];
            undo.forEach((a, i) => a.specs.forEach((spec, j) => addSpec(`${name} undo ${i}.${j}`, 'repair', spec)));
          });
        }
      }
    }
  }

  // The elevated side: the batch script (built from the repairs' elevated steps and the probes' scripts), its bootstrap.
  const paths = batchPaths('C:\\ProgramData\\MSIDoctor-elev-0123456789abcdef0123456789abcdef', 'feed0123');
  const probeSpecs = ALL_PROBES.flatMap((p) => p.commands(probeContexts()[0]!.context));
  for (const [i, specs] of [elevatedSpecs, probeSpecs, [...elevatedSpecs.slice(0, 3), ...probeSpecs]].entries()) {
    attempt(`elevated batch ${i}`, () => {
      const script = buildElevatedScript(specs, paths, { userSid: SID, workingDir: 'C:\\Windows\\System32' });
      add(`elevated batch ${i} (${specs.length} steps)`, 'elevated', script);
      const sha = createHash('sha256').update(scriptFileBytes(script)).digest('hex');
      add(`bootstrap ${i}`, 'bootstrap', bootstrapScript(paths, sha, 'C:\\Windows\\System32'));
    });
  }
  addSpec('elevation folder check', 'elevation-folder', powerShellSpec(INSPECT_DIR_SCRIPT));
  return { scripts, refusals };
}
