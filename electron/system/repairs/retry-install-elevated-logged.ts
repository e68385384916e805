// Repair: run the user's .msi again, elevated, with verbose logging (the main fix for 2503/2502 and how a mystery 1603 gets a cause).
import { z } from 'zod';
import { RepairRefusal, combineVerdicts, type RepairDefinition } from './repair-definition.ts';
import {
  INSTALL_OK_CODES,
  installLogPath,
  makeStep,
  msiexecInstall,
  perMachinePackage,
  text,
} from './repair-helpers.ts';

export const retryInstallElevatedLogged: RepairDefinition = {
  id: 'retry-install-elevated-logged',
  risk: 'low',
  reversible: false,
  elevation: 'required',
  targets: ['not-elevated', 'insufficient-privileges', 'unknown', 'no-problem-found'],
  planProbes: [],
  // After the install: does the product work in a new terminal (its version command from a fresh environment)?
  // Shown to the user; the verdict itself stays the install's exit code.
  verifyProbes: ['path-environment'],
  backupSummary: 'none (no setting is changed; the install writes a new verbose log under our data folder)',
  undoSummary: 'not reversible by us (uninstall the product from Settings if wanted)',
  build(context) {
    const msi = context.params.msiPath;
    if (!msi) throw new RepairRefusal(text('repair.refusal.msi-required'));
    const log = installLogPath(context, 'install');
    const spec = { ...msiexecInstall(msi, log, context.params), requiresSignedInUser: !perMachinePackage(context) };
    return {
      steps: [
        makeStep('retry-install-elevated-logged', 'run-install', 'run-install', spec, {
          elevated: true,
          okExitCodes: INSTALL_OK_CODES,
          params: { msi, log },
        }),
      ],
      backups: [],
      warnings: [text('repair.warning.install-runs-elevated')],
      confirmations: [],
      reversible: false,
      risk: 'low',
      data: { msiPath: msi, log },
      installLog: { stepId: 'run-install', path: log },
    };
  },
  dataSchema: z.object({ msiPath: z.string().max(32_767), log: z.string().max(32_767) }),
  // Judged by the install's own exit code (and its new log), not by a probe.
  verify: (_e, _data, install) => combineVerdicts(null, install),
  touches: (data) => [`package:${String(data.msiPath).toLowerCase()}`],
};
