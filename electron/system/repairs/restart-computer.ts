// Repair: restart Windows for a pending reboot, now or in N minutes (shutdown /r /t N); a scheduled restart is cancelable
// (shutdown /a). Before it, a one-time resume of MSI Doctor for the current user (HKCU RunOnce), so the session comes back
// after the restart and checks it: built from our own validated app path, never from anything a file or the UI gave.
import { z } from 'zod';
import type { RepairDefinition } from './repair-definition.ts';
import { buildSpec } from './command-builder.ts';
import { makeStep, text } from './repair-helpers.ts';
import type { CommandSpec } from '../run/command-runner.ts';

/** Windows runs (then deletes) the values of this key once, at the user's next sign-in. Per user: no admin needed. */
export const RUN_ONCE_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce';
export const RUN_ONCE_VALUE = 'MSI Doctor resume';
/** The argument the app starts with after the restart (main/launch-options.ts); the session is found in our data. */
export const RESUME_ARG = '--resume-after-restart';

/**
 * The app's own executable as the main process knows it: an absolute local path to an .exe, without quotes or
 * characters that could end the quoted command in the RunOnce value. Anything else: no resume is registered.
 */
export function resumeAppPath(path: string | null | undefined): string | null {
  if (!path || path.length > 259) return null;
  // \p{Cc}: control characters (a line break would end the command Windows reads from the value).
  return /^[A-Za-z]:\\[^"<>|*?%\p{Cc}]+\.exe$/iu.test(path) ? path : null;
}

function registerResume(appPath: string): CommandSpec {
  return buildSpec(
    'reg.exe',
    ['add', RUN_ONCE_KEY, '/v', RUN_ONCE_VALUE, '/t', 'REG_SZ', '/d', `"${appPath}" ${RESUME_ARG}`, '/f'],
    { label: 'reg add RunOnce' },
  );
}

function unregisterResume(): CommandSpec {
  return buildSpec('reg.exe', ['delete', RUN_ONCE_KEY, '/v', RUN_ONCE_VALUE, '/f'], {
    label: 'reg delete RunOnce',
  });
}

const dataSchema = z.object({ minutes: z.number().int().min(0).max(1440), resume: z.boolean().optional() });

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
    const appPath = resumeAppPath(context.appPath);
    return {
      steps: [
        ...(appPath
          ? [
              makeStep('restart-computer', 'register-resume', 'change', registerResume(appPath), {
                elevated: false,
              }),
            ]
          : []),
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
      data: { minutes, resume: appPath !== null },
      installLog: null,
      restart: { minutes },
    };
  },
  dataSchema,
  // Cancelling a countdown also removes the resume it registered (nothing should start MSI Doctor at the next sign-in).
  undo(context) {
    const { minutes, resume } = dataSchema.parse(context.data);
    if (minutes === 0) return [];
    return [
      {
        stepIds: resume ? ['restart-later', 'register-resume'] : ['restart-later'],
        elevated: false,
        specs: [buildSpec('shutdown.exe', ['/a'], { label: 'shutdown /a' }), ...(resume ? [unregisterResume()] : [])],
      },
    ];
  },
  verify: (e, data) => (data.minutes !== 0 ? null : e['pending-reboot'] ? !e['pending-reboot'].pending : null),
  touches: () => ['machine:restart'],
};
