// Repair: give C:\Windows\Temp back its default entries by SID (Users may only create, never Full Control), icacls /save first.
import { z } from 'zod';
import { RepairRefusal, type BuiltPlan, type BuiltStep, type RepairDefinition } from './repair-definition.ts';
import { buildPowerShellSpec, buildSpec } from './command-builder.ts';
import { checkAclBackup, makeStep, targetPath, text, backupText } from './repair-helpers.ts';

/** The default entries (research-probes §4): SYSTEM F, Administrators F, Users create-only, CREATOR OWNER F on children. */
export const DEFAULT_WINDOWS_TEMP_GRANTS = [
  '*S-1-5-18:(OI)(CI)F',
  '*S-1-5-32-544:(OI)(CI)F',
  '*S-1-5-32-545:(CI)(S,WD,AD,X)',
  '*S-1-3-0:(OI)(CI)(IO)F',
];
/** Entries that are never removed, whatever the parameters say. */
const PROTECTED_SIDS = new Set([
  'S-1-5-18',
  'S-1-5-32-544',
  'S-1-3-0',
  'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
]);
const DEFAULT_SIDS = new Set(['S-1-5-18', 'S-1-5-32-544', 'S-1-5-32-545', 'S-1-3-0']);

const BACKUP_FILE = 'windows-temp.acl';
const CHANGE_STEPS = ['grant-defaults', 'remove-denies', 'remove-extra'];

const dataSchema = z.object({
  path: z.string().max(260),
  removeSids: z.array(z.string().regex(/^S-1-[0-9-]+$/)).max(32),
  /** Whether the run began with an icacls /save (false when the folder had to be created). */
  backedUp: z.boolean().default(true),
});

/** The parent folder icacls /restore is run on (the saved entry names the child). */
function parentOf(path: string, windowsDir: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('\\'), 2)) || windowsDir;
}

export const restoreWindowsTempAcl: RepairDefinition = {
  id: 'restore-windows-temp-acl',
  risk: 'low',
  reversible: true,
  elevation: 'required',
  targets: ['installer-folders-access'],
  planProbes: ['temp-folders'],
  verifyProbes: ['temp-folders'],
  backupSummary: 'icacls C:\\Windows\\Temp /save <backup>\\windows-temp.acl',
  undoSummary: 'icacls C:\\Windows /restore <backup>\\windows-temp.acl',
  build(context) {
    const info = context.evidence['temp-folders']?.windowsTemp;
    const temp = info?.path ?? `${context.windowsDir}\\Temp`;
    if (info && info.exists && !info.isDirectory)
      throw new RepairRefusal(text('repair.refusal.windows-temp-is-file', { path: temp }));
    const steps: BuiltStep[] = [];
    const backups: BuiltPlan['backups'] = [];
    let reversible = true;
    if (info && !info.exists) {
      // Nothing to save: the folder is created (md), then given the default entries. Left in place on undo.
      reversible = false;
      const create = buildPowerShellSpec('create-windows-temp', 'New-MdDirectory $params.path', { path: temp });
      steps.push(
        makeStep('restore-windows-temp-acl', 'create-folder', 'change', create, {
          elevated: true,
          params: { path: temp },
        }),
      );
    }
    const backup = targetPath(context.backupDir, BACKUP_FILE);
    if (reversible) {
      steps.push(
        makeStep(
          'restore-windows-temp-acl',
          'backup-acl',
          'backup',
          buildSpec('icacls.exe', [temp, '/save', backup], { label: 'icacls /save' }),
          { elevated: true, params: { path: temp, backup }, backupFile: BACKUP_FILE },
        ),
      );
      backups.push({ what: backupText('acl-of', { folder: temp }), path: backup });
    }
    steps.push(
      makeStep(
        'restore-windows-temp-acl',
        'grant-defaults',
        'change',
        // /inheritance:r: the default ACL is protected. A recreated folder would otherwise keep what it inherits from
        // C:\Windows (Users read, ALL APPLICATION PACKAGES), letting users read SYSTEM installers' temp files.
        buildSpec('icacls.exe', [temp, '/inheritance:r', '/grant:r', ...DEFAULT_WINDOWS_TEMP_GRANTS], {
          label: 'icacls /inheritance:r /grant:r',
        }),
        {
          elevated: true,
          params: { path: temp },
        },
      ),
    );
    const denySids = [...new Set((info?.denies ?? []).map((d) => d.sid).filter((sid) => DEFAULT_SIDS.has(sid)))];
    if (denySids.length > 0) {
      steps.push(
        makeStep(
          'restore-windows-temp-acl',
          'remove-denies',
          'change',
          buildSpec('icacls.exe', [temp, '/remove:d', ...denySids.map((s) => `*${s}`)], { label: 'icacls /remove:d' }),
          {
            elevated: true,
            params: { path: temp, sids: denySids.join(', ') },
          },
        ),
      );
    }
    // Over-permissive extras (Everyone:F left by an earlier "fix"): only what the user confirms; Users is already reset above.
    const suggested = (info?.overPermissive ?? []).map((a) => a.sid).filter((sid) => !DEFAULT_SIDS.has(sid));
    const removeSids = [...new Set(context.params.removeSids ?? suggested)];
    const bad = removeSids.find((sid) => PROTECTED_SIDS.has(sid));
    if (bad) throw new RepairRefusal(text('repair.refusal.protected-sid', { sid: bad }), 'forbidden');
    const confirmations: string[] = [];
    if (removeSids.length > 0) {
      confirmations.push('remove-over-permissive');
      steps.push(
        makeStep(
          'restore-windows-temp-acl',
          'remove-extra',
          'change',
          buildSpec('icacls.exe', [temp, '/remove:g', ...removeSids.map((s) => `*${s}`)], {
            label: 'icacls /remove:g',
          }),
          {
            elevated: true,
            params: { path: temp, sids: removeSids.join(', ') },
          },
        ),
      );
    }
    return {
      steps,
      backups,
      warnings:
        removeSids.length > 0 ? [text('repair.warning.remove-over-permissive', { sids: removeSids.join(', ') })] : [],
      confirmations,
      reversible,
      risk: removeSids.length > 0 ? 'medium' : 'low',
      data: { path: temp, removeSids, backedUp: reversible },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const data = dataSchema.parse(context.data);
    if (!data.backedUp) return [];
    // Only the Windows Temp folder of this machine, whatever the journal says.
    const expected = `${context.windowsDir}\\Temp`;
    if (data.path.toLowerCase() !== expected.toLowerCase())
      throw new RepairRefusal(text('repair.refusal.unsafe-previous-value', { value: data.path }), 'forbidden');
    const backup = targetPath(context.backupDir, BACKUP_FILE);
    return [
      {
        stepIds: CHANGE_STEPS,
        elevated: true,
        specs: [
          buildSpec('icacls.exe', [parentOf(expected, context.windowsDir), '/restore', backup], {
            label: 'icacls /restore',
          }),
        ],
        backup: { stepId: 'backup-acl', file: BACKUP_FILE, check: (bytes) => checkAclBackup(bytes, 'Temp') },
      },
    ];
  },
  verify: (e, data) => {
    const t = e['temp-folders']?.windowsTemp;
    if (!t || !t.aclChecked) return null;
    const removed = Array.isArray(data.removeSids) ? (data.removeSids as string[]) : [];
    return (
      t.exists &&
      t.isDirectory &&
      t.usersCanCreate === true &&
      t.missingDefaults.length === 0 &&
      t.denies.length === 0 &&
      !t.overPermissive.some((a) => removed.includes(a.sid) || a.sid === 'S-1-5-32-545')
    );
  },
  touches: () => ['acl:windows-temp'],
};
