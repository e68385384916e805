// Repair: set a Disabled Windows Installer service back to Manual (demand start); the previous start type is kept for undo.
import { z } from 'zod';
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { buildSpec } from './command-builder.ts';
import { MSISERVER_KEY, makeStep, regExport, targetPath, text } from './repair-helpers.ts';

/** sc.exe `start=` values by our start-type names (sc wants the `start=` token and the value as separate argv items). */
const SC_START: Record<string, string> = {
  boot: 'boot',
  system: 'system',
  auto: 'auto',
  manual: 'demand',
  disabled: 'disabled',
};

const dataSchema = z.object({ previousStartType: z.enum(['boot', 'system', 'auto', 'manual', 'disabled']) });

function setStart(value: string) {
  return buildSpec('sc.exe', ['config', 'msiserver', 'start=', value], { label: 'sc config msiserver' });
}

export const enableMsiserver: RepairDefinition = {
  id: 'enable-msiserver',
  risk: 'low',
  reversible: true,
  elevation: 'required',
  targets: ['installer-service-disabled'],
  planProbes: ['installer-service'],
  verifyProbes: ['installer-service'],
  backupSummary: 'reg export of the msiserver service key; previous start type in the journal',
  undoSummary: 'sc config msiserver start= <previous start type>',
  build(context) {
    const service = context.evidence['installer-service'];
    if (service?.registrationMissing) throw new RepairRefusal(text('repair.refusal.service-missing'));
    const previous = service && service.startType !== 'unknown' ? service.startType : 'disabled';
    if (previous === 'manual') throw new RepairRefusal(text('repair.refusal.nothing-to-do'));
    const backup = targetPath(context.backupDir, 'msiserver.reg');
    return {
      steps: [
        makeStep('enable-msiserver', 'backup-key', 'backup', regExport(MSISERVER_KEY, backup), {
          elevated: true,
          params: { backup },
          backupFile: 'msiserver.reg',
        }),
        makeStep('enable-msiserver', 'set-manual', 'change', setStart('demand'), {
          elevated: true,
          params: { previous },
        }),
      ],
      backups: [{ what: MSISERVER_KEY, path: backup }],
      warnings: previous === 'disabled' ? [text('repair.warning.policy-may-reapply')] : [],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: { previousStartType: previous },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const { previousStartType } = dataSchema.parse(context.data);
    return [{ stepIds: ['set-manual'], elevated: true, specs: [setStart(SC_START[previousStartType]!)] }];
  },
  verify: (e) =>
    e['installer-service']
      ? e['installer-service'].startType !== 'disabled' && !e['installer-service'].registrationMissing
      : null,
  touches: () => ['service:msiserver:start'],
};
