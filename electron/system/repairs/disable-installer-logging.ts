// Repair: turn the Logging policy off again, restoring exactly what enable-installer-logging found (value or absence).
import { z } from 'zod';
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { INSTALLER_POLICY_KEY, makeStep, regAdd, regDelete, text, backupText } from './repair-helpers.ts';
import { loggingValueSchema, restoreLogging } from './enable-installer-logging.ts';

const dataSchema = z.object({
  previousLogging: loggingValueSchema,
  restoredTo: loggingValueSchema.nullable(),
  enableJournal: z.string().max(160).nullable(),
});

export const disableInstallerLogging: RepairDefinition = {
  id: 'disable-installer-logging',
  risk: 'low',
  reversible: true,
  elevation: 'required',
  targets: [],
  planProbes: ['policies'],
  verifyProbes: ['policies'],
  backupSummary: 'current Logging value in the journal',
  undoSummary: 'the Logging value written back',
  build(context) {
    const policies = context.evidence.policies;
    if (!policies) throw new RepairRefusal(text('repair.refusal.probe-unavailable', { probe: 'policies' }));
    const current = policies.logging;
    if (current === null) throw new RepairRefusal(text('repair.refusal.nothing-to-do'));
    // When we enabled logging earlier, go back to what was there then (maybe an admin's own value), not just "absent".
    const enabled = context.journals.latestFinished('enable-installer-logging');
    const recorded = enabled ? loggingValueSchema.nullable().safeParse(enabled.data.previousLogging) : null;
    const before = recorded?.success ? recorded.data : null;
    const change =
      before === null
        ? regDelete(INSTALLER_POLICY_KEY, 'Logging')
        : regAdd(INSTALLER_POLICY_KEY, 'Logging', 'REG_SZ', before);
    return {
      steps: [
        makeStep(
          'disable-installer-logging',
          before === null ? 'delete-logging' : 'restore-logging',
          'change',
          change,
          {
            elevated: true,
            params: { previous: current, value: before ?? '-' },
          },
        ),
      ],
      backups: [{ what: backupText('logging-current', { key: INSTALLER_POLICY_KEY }), path: context.journalPath }],
      warnings: [],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: { previousLogging: current, restoredTo: before, enableJournal: enabled?.journalId ?? null },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const data = dataSchema.parse(context.data);
    return [
      {
        stepIds: ['delete-logging', 'restore-logging'],
        elevated: true,
        specs: [restoreLogging(data.previousLogging)],
      },
    ];
  },
  verify: (e, data) => (e.policies ? e.policies.logging === ((data.restoredTo as string | null) ?? null) : null),
  touches: () => ['policy:installer-logging'],
};
