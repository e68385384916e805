// Repair: wait until the install lock is free (countdown, cancelable), then retry the user's install; changes nothing itself.
import { z } from 'zod';
import type { BuiltStep, RepairDefinition } from './repair-definition.ts';
import {
  INSTALL_OK_CODES,
  installLogPath,
  makeStep,
  msiexecInstall,
  perMachinePackage,
  stepText,
  text,
} from './repair-helpers.ts';
import { lockFree } from './verification.ts';

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
        // No command of its own (the description says what it does): it re-runs the install-in-progress probe
        // (read-only) every few seconds, whose commands the verification step below shows.
        commandLine: '',
        elevated: false,
      },
      spec: null,
      okExitCodes: [0],
    };
    const steps: BuiltStep[] = [wait];
    const msi = context.params.msiPath;
    let installLog: string | null = null;
    if (msi) {
      installLog = installLogPath(context, 'install');
      steps.push(
        makeStep(
          'wait-for-installer',
          'run-install',
          'run-install',
          { ...msiexecInstall(msi, installLog, context.params), requiresSignedInUser: !perMachinePackage(context) },
          {
            elevated: true,
            okExitCodes: INSTALL_OK_CODES,
            params: { msi, log: installLog },
          },
        ),
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
      installLog: installLog ? { stepId: 'run-install', path: installLog } : null,
    };
  },
  dataSchema: z.object({ limitSeconds: z.number().int().min(0).max(3600), msiPath: z.string().max(32_767).nullable() }),
  wait: {
    probe: 'install-in-progress',
    pollSeconds: WAIT_POLL_SECONDS,
    done: (e) => (e['install-in-progress'] ? lockFree(e['install-in-progress']) : false),
  },
  // After a retried install, its exit code decides (the lock may be held again by something new); else the lock.
  verify: (e, _data, install) =>
    install !== null ? install.ok : e['install-in-progress'] ? lockFree(e['install-in-progress']) : null,
  touches: (data) => (data.msiPath ? [`package:${String(data.msiPath).toLowerCase()}`] : []),
};
