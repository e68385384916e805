// Repair: delete the AlwaysInstallElevated values (HKLM and the real user's HKCU) that let every MSI run as SYSTEM.
import { z } from 'zod';
import { RepairRefusal, type BuiltStep, type RepairDefinition, type UndoAction } from './repair-definition.ts';
import { INSTALLER_POLICY_KEY, makeStep, regAdd, regDelete, text, userHive, backupText } from './repair-helpers.ts';

const dword = z.number().int().min(0).max(0xffffffff).nullable();
const dataSchema = z.object({
  previous: z.object({ hklm: dword, hkcu: dword }),
  /** Whose HKCU the user value was deleted from (HKU\<sid>): an undo for another account is refused. */
  userSid: z
    .string()
    .regex(/^S-1-[0-9-]+$/)
    .nullable()
    .default(null),
});

function userPolicyKey(hive: string): string {
  return `${hive}\\Software\\Policies\\Microsoft\\Windows\\Installer`;
}

export const removeAlwaysInstallElevated: RepairDefinition = {
  id: 'remove-always-install-elevated',
  risk: 'low',
  reversible: true,
  elevation: 'required',
  targets: ['always-install-elevated'],
  planProbes: ['policies'],
  verifyProbes: ['policies'],
  backupSummary: 'previous DWORD values in the journal',
  undoSummary: 'the values written back (re-opens the security hole; warned)',
  build(context) {
    const policies = context.evidence.policies;
    if (!policies) throw new RepairRefusal(text('repair.refusal.probe-unavailable', { probe: 'policies' }));
    const userKey = userPolicyKey(userHive(context, true));
    const values: Array<{ key: string; previous: number | null; id: string }> = [
      { key: INSTALLER_POLICY_KEY, previous: policies.alwaysInstallElevated.hklm, id: 'delete-machine-value' },
      { key: userKey, previous: policies.alwaysInstallElevated.hkcu, id: 'delete-user-value' },
    ];
    const steps: BuiltStep[] = values
      .filter((v) => v.previous !== null)
      .map((v) =>
        makeStep('remove-always-install-elevated', v.id, 'change', regDelete(v.key, 'AlwaysInstallElevated'), {
          elevated: true,
          params: { key: v.key, previous: v.previous! },
        }),
      );
    if (steps.length === 0) throw new RepairRefusal(text('repair.refusal.nothing-to-do'));
    return {
      steps,
      backups: [{ what: backupText('always-install-elevated'), path: context.journalPath }],
      warnings: [text('repair.warning.policy-may-reapply')],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: {
        previous: { hklm: policies.alwaysInstallElevated.hklm, hkcu: policies.alwaysInstallElevated.hkcu },
        userSid: context.user.sid,
      },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const data = dataSchema.parse(context.data);
    const actions: UndoAction[] = [];
    if (data.previous.hklm !== null)
      actions.push({
        stepIds: ['delete-machine-value'],
        elevated: true,
        specs: [regAdd(INSTALLER_POLICY_KEY, 'AlwaysInstallElevated', 'REG_DWORD', String(data.previous.hklm))],
      });
    if (data.previous.hkcu !== null) {
      if (data.userSid !== context.user.sid) throw new RepairRefusal(text('repair.refusal.other-user'), 'forbidden');
      const key = userPolicyKey(context.user.sid ? `HKU\\${context.user.sid}` : 'HKCU');
      actions.push({
        stepIds: ['delete-user-value'],
        elevated: true,
        specs: [regAdd(key, 'AlwaysInstallElevated', 'REG_DWORD', String(data.previous.hkcu))],
      });
    }
    return actions;
  },
  verify: (e) =>
    e.policies
      ? !e.policies.alwaysInstallElevatedActive &&
        !e.policies.alwaysInstallElevated.hklm &&
        !e.policies.alwaysInstallElevated.hkcu
      : null,
  touches: () => ['policy:always-install-elevated'],
};
