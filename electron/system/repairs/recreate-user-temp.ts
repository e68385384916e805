// Repair: recreate a missing/broken user TEMP folder and reset HKCU\Environment TEMP/TMP to the default (previous values kept for undo).
import { RepairRefusal, type BuiltStep, type RepairDefinition } from './repair-definition.ts';
import type { UserTempInfo } from '../../../shared/contract/evidence-data.ts';
import { buildPowerShellSpec, buildSpec } from './command-builder.ts';
import { DEFAULT_USER_TEMP, makeStep, regAdd, regDelete, regExport, targetPath, text } from './repair-helpers.ts';

const ENV_KEY = 'HKCU\\Environment';

function sameText(a: string | null, b: string): boolean {
  return a !== null && a.replace(/\\+$/, '').toLowerCase() === b.toLowerCase();
}

export const recreateUserTemp: RepairDefinition = {
  id: 'recreate-user-temp',
  risk: 'low',
  reversible: true,
  elevation: 'none',
  targets: ['user-temp-broken'],
  planProbes: ['temp-folders'],
  verifyProbes: ['temp-folders'],
  backupSummary: 'reg export HKCU\\Environment <backup>\\environment.reg; previous TEMP/TMP values in the journal',
  undoSummary:
    'previous TEMP/TMP values written back (or deleted if absent); a folder we created is removed if still empty',
  // Runs as the real user, unelevated: HKCU and %USERPROFILE% are then the user's own, not an admin's.
  build(context) {
    const profile = context.user.profile;
    if (!profile) throw new RepairRefusal(text('repair.refusal.user-profile-unknown'));
    const folder = `${profile}\\AppData\\Local\\Temp`;
    const data = context.evidence['temp-folders'];
    const vars: UserTempInfo[] = data ? [data.userTemp, data.userTmp] : [];
    const atDefault = vars.find((v) => sameText(v.value, folder));
    if (atDefault && atDefault.exists && !atDefault.isDirectory) {
      throw new RepairRefusal(text('repair.refusal.user-temp-is-file', { path: folder }));
    }
    // Only a folder we know was missing is removed again on undo; an existing one is never touched.
    const knownMissing = atDefault !== undefined && !atDefault.exists;
    const steps: BuiltStep[] = [];
    const backup = targetPath(context.backupDir, 'environment.reg');
    steps.push(
      makeStep('recreate-user-temp', 'backup-environment', 'backup', regExport(ENV_KEY, backup), {
        elevated: false,
        params: { backup },
      }),
    );
    const removeIfEmpty = buildPowerShellSpec(
      'remove-created-temp',
      [
        '$p = $params.path',
        'if ((Test-Path -LiteralPath $p -PathType Container) -and -not (Get-ChildItem -LiteralPath $p -Force | Select-Object -First 1)) { Remove-Item -LiteralPath $p }',
      ].join('\n'),
      { path: folder },
    );
    steps.push(
      makeStep(
        'recreate-user-temp',
        'create-folder',
        'change',
        buildPowerShellSpec('create-user-temp', 'New-Item -ItemType Directory -Force -Path $params.path | Out-Null', {
          path: folder,
        }),
        {
          elevated: false,
          undo: knownMissing ? [removeIfEmpty] : [],
          params: { path: folder },
        },
      ),
    );
    const previous: Record<string, string | null> = {};
    for (const v of vars) {
      // Already the default: recreating the folder is the whole fix for this variable.
      if (sameText(v.registryValue, DEFAULT_USER_TEMP)) continue;
      previous[v.variable] = v.registryValue;
      const undo =
        v.registryValue === null
          ? regDelete(ENV_KEY, v.variable)
          : regAdd(ENV_KEY, v.variable, 'REG_EXPAND_SZ', v.registryValue);
      steps.push(
        makeStep(
          'recreate-user-temp',
          `reset-${v.variable.toLowerCase()}`,
          'change',
          regAdd(ENV_KEY, v.variable, 'REG_EXPAND_SZ', DEFAULT_USER_TEMP),
          {
            elevated: false,
            undo: [undo],
            params: { name: v.variable, value: DEFAULT_USER_TEMP, previous: v.registryValue ?? '-' },
          },
        ),
      );
    }
    if (vars.length === 0) {
      // No probe data: reset both to the default; the export above is the only record of the old values.
      for (const name of ['TEMP', 'TMP']) {
        steps.push(
          makeStep(
            'recreate-user-temp',
            `reset-${name.toLowerCase()}`,
            'change',
            regAdd(ENV_KEY, name, 'REG_EXPAND_SZ', DEFAULT_USER_TEMP),
            { elevated: false, params: { name, value: DEFAULT_USER_TEMP, previous: '?' } },
          ),
        );
      }
    }
    const notWritable = atDefault && atDefault.exists && atDefault.writable === false && context.user.sid;
    if (notWritable) {
      const aclBackup = targetPath(context.backupDir, 'user-temp.acl');
      const parent = folder.slice(0, folder.lastIndexOf('\\'));
      steps.splice(
        1,
        0,
        makeStep('recreate-user-temp', 'backup-acl', 'backup', buildSpec('icacls.exe', [folder, '/save', aclBackup]), {
          elevated: false,
          params: { backup: aclBackup },
        }),
      );
      steps.push(
        makeStep(
          'recreate-user-temp',
          'grant-user',
          'change',
          buildSpec('icacls.exe', [folder, '/grant', `*${context.user.sid}:(OI)(CI)F`]),
          {
            elevated: false,
            undo: [buildSpec('icacls.exe', [parent, '/restore', aclBackup])],
            params: { path: folder },
          },
        ),
      );
    }
    return {
      steps,
      backups: [
        { what: 'HKCU\\Environment', path: backup },
        ...(notWritable ? [{ what: `ACL of ${folder}`, path: targetPath(context.backupDir, 'user-temp.acl') }] : []),
        { what: 'previous TEMP/TMP values', path: context.journalPath },
      ],
      warnings: [text('repair.warning.new-processes-only')],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: { folder, previous, createdFolder: knownMissing },
      installLog: null,
    };
  },
};
