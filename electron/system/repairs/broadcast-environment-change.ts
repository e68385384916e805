// Repair: announce a PATH change Windows was not told about (WM_SETTINGCHANGE "Environment", the prelude's one
// broadcast), so Explorer re-reads PATH from the registry and the terminals it starts find the program. Writes nothing
// (so nothing to back up or undo) and needs no administrator.
import { z } from 'zod';
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { broadcastEnvironment, makeStep, text } from './repair-helpers.ts';

export const broadcastEnvironmentChange: RepairDefinition = {
  id: 'broadcast-environment-change',
  risk: 'none',
  reversible: false,
  elevation: 'none',
  targets: ['path-change-not-broadcast'],
  planProbes: ['path-environment'],
  verifyProbes: ['path-environment'],
  backupSummary: '— (nothing is written)',
  undoSummary: '— (a notice only: nothing to undo)',
  build(context) {
    const data = context.evidence['path-environment'];
    if (!data) throw new RepairRefusal(text('repair.refusal.probe-unavailable', { probe: 'path-environment' }));
    // Only when the fresh check shows it: Explorer's PATH read, and a product the registry reaches but Explorer does not.
    if (!data.products.some((p) => p.state === 'not-broadcast'))
      throw new RepairRefusal(text('repair.refusal.nothing-to-do'));
    return {
      steps: [
        makeStep('broadcast-environment-change', 'broadcast', 'change', broadcastEnvironment(), { elevated: false }),
      ],
      backups: [],
      warnings: [text('repair.warning.new-terminals-only')],
      confirmations: [],
      reversible: false,
      risk: 'none',
      data: {},
      installLog: null,
    };
  },
  dataSchema: z.object({}).strict(),
  // Explorer's PATH now leads to every product the registry's does (null: Explorer's environment not readable).
  verify: (e) => {
    const d = e['path-environment'];
    if (!d || !d.shellPathRead) return null;
    return !d.products.some((p) => p.state === 'not-broadcast');
  },
  touches: () => [],
};
