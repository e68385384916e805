// Repair: recreate a missing/broken user TEMP folder and reset HKCU\Environment TEMP/TMP to the default (previous values kept for undo).
import { z } from 'zod';
import { RepairRefusal, type BuiltStep, type RepairDefinition, type UndoAction } from './repair-definition.ts';
import type { UserTempInfo } from '../../../shared/contract/evidence-data.ts';
import { hasUnsafeDisplayChars } from '../../../shared/knowledge/display-safe.ts';
import { buildPowerShellSpec, buildSpec } from './command-builder.ts';
import {
  broadcastEnvironment,
  checkAclBackup,
  DEFAULT_USER_TEMP,
  makeStep,
  regAdd,
  regDelete,
  regExport,
  targetPath,
  text,
  backupText,
} from './repair-helpers.ts';
import { trimEndChars } from '../../../shared/text/trim-end.ts';

const ENV_KEY = 'HKCU\\Environment';

function sameText(a: string | null, b: string): boolean {
  return a !== null && trimEndChars(a, '\\').toLowerCase() === b.toLowerCase();
}

const ACL_BACKUP = 'user-temp.acl';
const registryValue = z
  .string()
  .max(2048)
  .refine((v) => !hasUnsafeDisplayChars(v), 'control or bidi characters');
const dataSchema = z.object({
  folder: z.string().max(1024),
  previous: z.object({ TEMP: registryValue.nullable().optional(), TMP: registryValue.nullable().optional() }).strict(),
  createdFolder: z.boolean(),
  aclBackup: z.boolean().default(false),
});

function userTempFolder(profile: string): string {
  return `${profile}\\AppData\\Local\\Temp`;
}

function removeIfEmpty(folder: string) {
  return buildPowerShellSpec(
    'remove-created-temp',
    [
      '$p = $params.path',
      'if ((Test-MdPath $p -Container) -and @(Get-MdChildName $p).Count -eq 0) { Remove-MdItem $p }',
    ].join('\n'),
    { path: folder },
  );
}

function restoreVariable(name: 'TEMP' | 'TMP', previous: string | null) {
  return previous === null ? regDelete(ENV_KEY, name) : regAdd(ENV_KEY, name, 'REG_EXPAND_SZ', previous);
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
    const folder = userTempFolder(profile);
    const data = context.evidence['temp-folders'];
    const vars: UserTempInfo[] = data ? [data.userTemp, data.userTmp] : [];
    // The default folder however it is written: '%USERPROFILE%\AppData\Local\Temp' in the registry, the long path,
    // or an 8.3 form (C:\Users\JOHNSM~1\...) that only the probe's long-path resolution ties to the profile.
    const isDefaultFolder = (v: UserTempInfo): boolean =>
      sameText(v.registryValue, DEFAULT_USER_TEMP) ||
      sameText(v.value, folder) ||
      sameText(v.longValue ?? null, folder);
    const atDefault = vars.find(isDefaultFolder);
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
        backupFile: 'environment.reg',
      }),
    );
    steps.push(
      makeStep(
        'recreate-user-temp',
        'create-folder',
        'change',
        buildPowerShellSpec('create-user-temp', 'New-MdDirectory $params.path', { path: folder }),
        {
          elevated: false,
          params: { path: folder },
        },
      ),
    );
    const previous: Record<string, string | null> = {};
    for (const v of vars) {
      // Already the default: recreating the folder is the whole fix for this variable.
      if (sameText(v.registryValue, DEFAULT_USER_TEMP)) continue;
      previous[v.variable] = v.registryValue;
      steps.push(
        makeStep(
          'recreate-user-temp',
          `reset-${v.variable.toLowerCase()}`,
          'change',
          regAdd(ENV_KEY, v.variable, 'REG_EXPAND_SZ', DEFAULT_USER_TEMP),
          {
            elevated: false,
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
    if (steps.some((s) => s.step.id.startsWith('reset-'))) {
      steps.push(
        makeStep('recreate-user-temp', 'broadcast-environment', 'change', broadcastEnvironment(), { elevated: false }),
      );
    }
    const notWritable = atDefault && atDefault.exists && atDefault.writable === false && context.user.sid;
    if (notWritable) {
      const aclBackup = targetPath(context.backupDir, ACL_BACKUP);
      steps.splice(
        1,
        0,
        makeStep('recreate-user-temp', 'backup-acl', 'backup', buildSpec('icacls.exe', [folder, '/save', aclBackup]), {
          elevated: false,
          params: { backup: aclBackup },
          backupFile: ACL_BACKUP,
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
            params: { path: folder },
          },
        ),
      );
    }
    return {
      steps,
      backups: [
        { what: 'HKCU\\Environment', path: backup },
        ...(notWritable
          ? [{ what: backupText('acl-of', { folder }), path: targetPath(context.backupDir, ACL_BACKUP) }]
          : []),
        { what: backupText('previous-temp'), path: context.journalPath },
      ],
      warnings: [text('repair.warning.new-processes-only')],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: { folder, previous, createdFolder: knownMissing, aclBackup: Boolean(notWritable) },
      installLog: null,
    };
  },
  dataSchema,
  // Runs as the user (unelevated): the folder is rebuilt from this user's profile, never taken from the journal.
  undo(context) {
    const data = dataSchema.parse(context.data);
    const profile = context.user.profile;
    if (!profile) throw new RepairRefusal(text('repair.refusal.user-profile-unknown'));
    const folder = userTempFolder(profile);
    if (data.folder.toLowerCase() !== folder.toLowerCase())
      throw new RepairRefusal(text('repair.refusal.other-user', {}), 'forbidden');
    const actions: UndoAction[] = [];
    if (data.aclBackup) {
      actions.push({
        stepIds: ['grant-user'],
        elevated: false,
        specs: [
          buildSpec('icacls.exe', [
            folder.slice(0, folder.lastIndexOf('\\')),
            '/restore',
            targetPath(context.backupDir, ACL_BACKUP),
          ]),
        ],
        backup: { stepId: 'backup-acl', file: ACL_BACKUP, check: (bytes) => checkAclBackup(bytes, 'Temp') },
      });
    }
    for (const name of ['TMP', 'TEMP'] as const) {
      const previous = data.previous[name];
      if (previous === undefined) continue;
      actions.push({
        stepIds: [`reset-${name.toLowerCase()}`],
        elevated: false,
        // Written back, then broadcast, so Explorer and new processes see the old value again at once.
        specs: [restoreVariable(name, previous), broadcastEnvironment()],
      });
    }
    if (data.createdFolder)
      actions.push({ stepIds: ['create-folder'], elevated: false, specs: [removeIfEmpty(folder)] });
    return actions;
  },
  verify: (e) => {
    const t = e['temp-folders'];
    if (!t) return null;
    return [t.userTemp, t.userTmp].every((v) => v.exists && v.isDirectory && v.writable !== false);
  },
  touches: () => ['user:environment:temp', 'user:temp-folder'],
};
