// Repair: restore a wrong/missing msiserver ImagePath (reg export first); re-register (msiexec /regserver) only when the key is missing.
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { buildSpec } from './command-builder.ts';
import {
  DEFAULT_IMAGE_PATH,
  MSISERVER_KEY,
  makeStep,
  regAdd,
  regDelete,
  regExport,
  targetPath,
  text,
} from './repair-helpers.ts';

export const repairMsiserverRegistration: RepairDefinition = {
  id: 'repair-msiserver-registration',
  risk: 'medium',
  reversible: true,
  elevation: 'required',
  targets: ['installer-service-registration-damaged', 'installer-service-unavailable'],
  planProbes: ['installer-service'],
  verifyProbes: ['installer-service'],
  backupSummary: 'reg export of the msiserver service key; previous ImagePath in the journal',
  undoSummary: 'previous ImagePath written back (not reversible when the service had to be re-registered)',
  build(context) {
    const service = context.evidence['installer-service'];
    if (service?.registrationMissing) {
      const spec = buildSpec('msiexec.exe', ['/regserver'], { label: 'msiexec /regserver' });
      return {
        steps: [makeStep('repair-msiserver-registration', 'regserver', 'change', spec, { elevated: true })],
        backups: [],
        warnings: [text('repair.warning.regserver')],
        confirmations: [],
        reversible: false,
        risk: 'medium',
        data: { mode: 'regserver' },
        installLog: null,
      };
    }
    if (service?.imagePathOk) throw new RepairRefusal(text('repair.refusal.nothing-to-do'));
    const previous = service?.imagePath ?? null;
    const backup = targetPath(context.backupDir, 'msiserver.reg');
    const undo =
      previous === null
        ? regDelete(MSISERVER_KEY, 'ImagePath')
        : regAdd(MSISERVER_KEY, 'ImagePath', 'REG_EXPAND_SZ', previous);
    return {
      steps: [
        makeStep('repair-msiserver-registration', 'backup-key', 'backup', regExport(MSISERVER_KEY, backup), {
          elevated: true,
          params: { backup },
        }),
        makeStep(
          'repair-msiserver-registration',
          'set-image-path',
          'change',
          regAdd(MSISERVER_KEY, 'ImagePath', 'REG_EXPAND_SZ', DEFAULT_IMAGE_PATH),
          {
            elevated: true,
            undo: [undo],
            params: { value: DEFAULT_IMAGE_PATH, previous: previous ?? '-' },
          },
        ),
      ],
      backups: [{ what: MSISERVER_KEY, path: backup }],
      warnings: [],
      confirmations: [],
      reversible: true,
      risk: 'medium',
      data: { mode: 'image-path', previousImagePath: previous },
      installLog: null,
    };
  },
};
