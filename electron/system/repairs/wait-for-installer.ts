// Repair: wait until the install lock is free (countdown, cancelable), then retry the user's install; changes nothing itself.
import type { RepairDefinition } from './repair-definition.ts';
import type { BuiltStep } from './repair-definition.ts';
import { INSTALL_OK_CODES, installLogPath, makeStep, msiexecInstall, stepText, text } from './repair-helpers.ts';

export const DEFAULT_WAIT_LIMIT_SECONDS = 600;
export const WAIT_POLL_SECONDS = 5;

export const waitForInstaller: RepairDefinition = {
  id: 'wait-for-installer',
  risk: 'none',
  reversible: false,
  elevation: 'when-install',
  targets: ['another-install-in-progress', 'windows-update-busy'],
  planProbes: ['install-in-progress'],
  verifyProbes: ['install-in-progress'],
  backupSummary: 'none (no system change)',
  undoSummary: 'nothing to undo',
  build(context) {
    const limit = context.params.waitLimitSeconds ?? DEFAULT_WAIT_LIMIT_SECONDS;
    const wait: BuiltStep = {
      step: {
        id: 'wait-lock',
        kind: 'wait',
        description: stepText('wait-for-installer', 'wait-lock', { seconds: limit, interval: WAIT_POLL_SECONDS }),
        // No command of its own: it re-runs the install-in-progress probe (read-only) every few seconds.
        commandLine: `(check the install-in-progress probe every ${WAIT_POLL_SECONDS} s, for at most ${limit} s)`,
        elevated: false,
      },
      spec: null,
      okExitCodes: [0],
      undo: [],
    };
    const steps: BuiltStep[] = [wait];
    const msi = context.params.msiPath;
    let installLog: string | null = null;
    if (msi) {
      installLog = installLogPath(context, 'install');
      steps.push(
        makeStep('wait-for-installer', 'run-install', 'run-install', msiexecInstall(msi, installLog, context.params), {
          elevated: true,
          okExitCodes: INSTALL_OK_CODES,
          params: { msi, log: installLog },
        }),
      );
    }
    return {
      steps,
      backups: [],
      warnings: msi ? [text('repair.warning.install-runs-elevated')] : [],
      confirmations: [],
      reversible: false,
      risk: msi ? 'low' : 'none',
      data: { limitSeconds: limit, msiPath: msi ?? null },
      installLog,
    };
  },
};
