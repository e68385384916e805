// Repair: restart Windows for a pending reboot, now or in N minutes (shutdown /r /t N); a scheduled restart is cancelable (shutdown /a).
import { z } from 'zod';
import type { RepairDefinition } from './repair-definition.ts';
import { buildSpec } from './command-builder.ts';
import { makeStep, text } from './repair-helpers.ts';

export const restartComputer: RepairDefinition = {
  id: 'restart-computer',
  risk: 'low',
  reversible: true,
  elevation: 'none',
  targets: ['pending-reboot', 'reboot-required-to-finish'],
  planProbes: [],
  verifyProbes: ['pending-reboot'],
  backupSummary: 'none needed',
  undoSummary: 'shutdown /a cancels a restart that is still counting down (not possible after "now")',
  build(context) {
    const minutes = context.params.restartInMinutes ?? 0;
    const seconds = minutes * 60;
    return {
      steps: [
        makeStep(
          'restart-computer',
          minutes === 0 ? 'restart-now' : 'restart-later',
          'change',
          buildSpec('shutdown.exe', ['/r', '/t', String(seconds)], { label: 'shutdown /r' }),
          {
            elevated: false,
            params: { minutes },
          },
        ),
      ],
      backups: [],
      warnings: [text('repair.warning.save-work')],
      confirmations: ['save-your-work'],
      reversible: minutes > 0,
      risk: 'low',
      data: { minutes },
      installLog: null,
      restart: { minutes },
    };
  },
  dataSchema: z.object({ minutes: z.number().int().min(0).max(1440) }),
  undo(context) {
    const { minutes } = z.object({ minutes: z.number().int().min(0).max(1440) }).parse(context.data);
    if (minutes === 0) return [];
    return [
      {
        stepIds: ['restart-later'],
        elevated: false,
        specs: [buildSpec('shutdown.exe', ['/a'], { label: 'shutdown /a' })],
      },
    ];
  },
  verify: (e, data) => (data.minutes !== 0 ? null : e['pending-reboot'] ? !e['pending-reboot'].pending : null),
  touches: () => ['machine:restart'],
};
