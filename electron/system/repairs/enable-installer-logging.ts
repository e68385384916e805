// Repair: turn on the Windows Installer Logging policy (voicewarmupx), recording whether a value existed before.
import { z } from 'zod';
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { INSTALLER_POLICY_KEY, makeStep, regAdd, regDelete, regQuery, text, backupText } from './repair-helpers.ts';

export const LOGGING_VALUE = 'voicewarmupx';

/** A Logging policy value as Windows Installer reads it: mode letters only (voicewarmupx, iwearucmopvx!+...). */
export const loggingValueSchema = z.string().regex(/^[a-z!+*]{0,40}$/i, 'not a Logging policy value');

/** Writes a previous Logging value back (or deletes it when there was none). */
export function restoreLogging(previous: string | null) {
  return previous === null
    ? regDelete(INSTALLER_POLICY_KEY, 'Logging')
    : regAdd(INSTALLER_POLICY_KEY, 'Logging', 'REG_SZ', previous);
}

const dataSchema = z.object({ previousLogging: loggingValueSchema.nullable() });

export const enableInstallerLogging: RepairDefinition = {
  id: 'enable-installer-logging',
  risk: 'low',
  reversible: true,
  elevation: 'required',
  targets: [],
  planProbes: ['policies'],
  verifyProbes: ['policies'],
  backupSummary: 'previous Logging value (or its absence) in the journal',
  undoSummary: 'previous value written back, or the value deleted if there was none',
  build(context) {
    const policies = context.evidence.policies;
    if (!policies) throw new RepairRefusal(text('repair.refusal.probe-unavailable', { probe: 'policies' }));
    const previous = policies.logging;
    if (previous === LOGGING_VALUE) throw new RepairRefusal(text('repair.refusal.nothing-to-do'));
    return {
      steps: [
        // reg query exits 1 when the value is absent: that absence is exactly what we record.
        makeStep('enable-installer-logging', 'record-previous', 'backup', regQuery(INSTALLER_POLICY_KEY, 'Logging'), {
          elevated: true,
          okExitCodes: [0, 1],
        }),
        makeStep(
          'enable-installer-logging',
          'set-logging',
          'change',
          regAdd(INSTALLER_POLICY_KEY, 'Logging', 'REG_SZ', LOGGING_VALUE),
          {
            elevated: true,
            params: { value: LOGGING_VALUE, previous: previous ?? '-' },
          },
        ),
      ],
      backups: [{ what: backupText('logging-previous', { key: INSTALLER_POLICY_KEY }), path: context.journalPath }],
      warnings: [text('repair.warning.logging-cost')],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: { previousLogging: previous },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const { previousLogging } = dataSchema.parse(context.data);
    return [{ stepIds: ['set-logging'], elevated: true, specs: [restoreLogging(previousLogging)] }];
  },
  verify: (e) => (e.policies ? e.policies.logging === LOGGING_VALUE : null),
  touches: () => ['policy:installer-logging'],
};
