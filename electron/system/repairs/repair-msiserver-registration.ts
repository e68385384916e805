// Repair: restore a wrong/missing msiserver ImagePath (reg export first); re-register (msiexec /regserver) only when the key is missing.
import { z } from 'zod';
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

const dataSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('regserver') }),
  z.object({ mode: z.literal('image-path'), previousImagePath: z.string().max(1024).nullable() }),
]);

/**
 * A previous ImagePath we are willing to write back as administrator: Windows Installer's own program under the Windows
 * folder (any case, quoted or not, with or without /V). Anything else would make the service start another program as
 * SYSTEM: such a value is never restored (and a plan over it is not offered as reversible).
 */
export function isRestorableImagePath(value: string, windowsDir: string): boolean {
  const roots = ['%systemroot%', '%windir%', windowsDir.toLowerCase()].map((r) =>
    r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  const pattern = new RegExp(`^"?(?:${roots.join('|')})\\\\(?:system32|syswow64)\\\\msiexec\\.exe"?(?: /v)?$`, 'i');
  return pattern.test(value.trim());
}

function restoreImagePath(previous: string | null) {
  return previous === null
    ? regDelete(MSISERVER_KEY, 'ImagePath')
    : regAdd(MSISERVER_KEY, 'ImagePath', 'REG_EXPAND_SZ', previous);
}

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
    const reversible = previous === null || isRestorableImagePath(previous, context.windowsDir);
    return {
      steps: [
        makeStep('repair-msiserver-registration', 'backup-key', 'backup', regExport(MSISERVER_KEY, backup), {
          elevated: true,
          params: { backup },
          backupFile: 'msiserver.reg',
        }),
        makeStep(
          'repair-msiserver-registration',
          'set-image-path',
          'change',
          regAdd(MSISERVER_KEY, 'ImagePath', 'REG_EXPAND_SZ', DEFAULT_IMAGE_PATH),
          {
            elevated: true,
            params: { value: DEFAULT_IMAGE_PATH, previous: previous ?? '-' },
          },
        ),
      ],
      backups: [{ what: MSISERVER_KEY, path: backup }],
      warnings: [],
      confirmations: [],
      reversible,
      risk: 'medium',
      data: { mode: 'image-path', previousImagePath: previous },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const data = dataSchema.parse(context.data);
    if (data.mode !== 'image-path') return [];
    const previous = data.previousImagePath;
    if (previous !== null && !isRestorableImagePath(previous, context.windowsDir))
      throw new RepairRefusal(text('repair.refusal.unsafe-previous-value', { value: previous }), 'forbidden');
    return [{ stepIds: ['set-image-path'], elevated: true, specs: [restoreImagePath(previous)] }];
  },
  verify: (e) =>
    e['installer-service'] ? !e['installer-service'].registrationMissing && e['installer-service'].imagePathOk : null,
  touches: () => ['service:msiserver:image-path'],
};
