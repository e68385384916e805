// Repair: run the user's .msi again, elevated, with verbose logging (the main fix for 2503/2502 and how a mystery 1603 gets a cause).
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { INSTALL_OK_CODES, installLogPath, makeStep, msiexecInstall, text } from './repair-helpers.ts';

export const retryInstallElevatedLogged: RepairDefinition = {
  id: 'retry-install-elevated-logged',
  risk: 'low',
  reversible: false,
  elevation: 'required',
  targets: ['not-elevated', 'insufficient-privileges', 'unknown', 'no-problem-found'],
  planProbes: [],
  verifyProbes: [],
  backupSummary: 'none (no setting is changed; the install writes a new verbose log under our data folder)',
  undoSummary: 'not reversible by us (uninstall the product from Settings if wanted)',
  build(context) {
    const msi = context.params.msiPath;
    if (!msi) throw new RepairRefusal(text('repair.refusal.msi-required'));
    const log = installLogPath(context, 'install');
    const spec = msiexecInstall(msi, log, context.params);
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
      installLog: log,
    };
  },
};
