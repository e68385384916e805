// Repair: delete the AlwaysInstallElevated values (HKLM and the real user's HKCU) that let every MSI run as SYSTEM.
import { RepairRefusal, type BuiltStep, type RepairDefinition } from './repair-definition.ts';
import { INSTALLER_POLICY_KEY, makeStep, regAdd, regDelete, text, userHive } from './repair-helpers.ts';

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
    const userKey = `${userHive(context, true)}\\Software\\Policies\\Microsoft\\Windows\\Installer`;
    const values: Array<{ key: string; previous: number | null; id: string }> = [
      { key: INSTALLER_POLICY_KEY, previous: policies.alwaysInstallElevated.hklm, id: 'delete-machine-value' },
      { key: userKey, previous: policies.alwaysInstallElevated.hkcu, id: 'delete-user-value' },
    ];
    const steps: BuiltStep[] = values
      .filter((v) => v.previous !== null)
      .map((v) =>
        makeStep('remove-always-install-elevated', v.id, 'change', regDelete(v.key, 'AlwaysInstallElevated'), {
          elevated: true,
          undo: [regAdd(v.key, 'AlwaysInstallElevated', 'REG_DWORD', String(v.previous))],
          params: { key: v.key, previous: v.previous! },
        }),
      );
    if (steps.length === 0) throw new RepairRefusal(text('repair.refusal.nothing-to-do'));
    return {
      steps,
      backups: [{ what: 'AlwaysInstallElevated (previous values)', path: context.journalPath }],
      warnings: [text('repair.warning.policy-may-reapply')],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: { previous: { hklm: policies.alwaysInstallElevated.hklm, hkcu: policies.alwaysInstallElevated.hkcu } },
      installLog: null,
    };
  },
};
