// Repair: uninstall the installed version (by ProductCode) that blocks this install (1638 / downgrade), after explicit confirmation.
import { z } from 'zod';
import { RepairRefusal, combineVerdicts, type RepairDefinition } from './repair-definition.ts';
import { INSTALL_OK_CODES, installLogPath, makeStep, msiexecUninstall, text } from './repair-helpers.ts';

const BLOCKING = new Set(['same-version', 'same-product-other-version', 'newer-version']);

export const uninstallOtherVersion: RepairDefinition = {
  id: 'uninstall-other-version',
  risk: 'medium',
  reversible: false,
  elevation: 'required',
  targets: ['other-version-installed', 'newer-version-installed'],
  planProbes: ['installed-products'],
  verifyProbes: ['installed-products'],
  backupSummary: 'none (the product can be installed again from its own installer)',
  undoSummary: 'not reversible: reinstall that version from its installer',
  build(context) {
    const products = context.evidence['installed-products'];
    const blocking = (products?.installed ?? []).filter((p) => BLOCKING.has(p.relation));
    const code = context.params.productCode ?? (blocking.length === 1 ? blocking[0]!.productCode : undefined);
    if (!code)
      throw new RepairRefusal(
        text(blocking.length === 0 ? 'repair.refusal.no-other-version' : 'repair.refusal.pick-product'),
      );
    const product = (products?.installed ?? []).find((p) => p.productCode.toUpperCase() === code.toUpperCase());
    if (products && !product)
      throw new RepairRefusal(text('repair.refusal.product-not-installed', { productCode: code }), 'not-found');
    const name = product?.name ?? code;
    const version = product?.version ?? '?';
    const log = installLogPath(context, 'uninstall');
    // A per-user product belongs to the signed-in user: another administrator account would get 1605 (not installed).
    const spec = { ...msiexecUninstall(code, log, context.params), requiresSignedInUser: product?.scope !== 'machine' };
    return {
      steps: [
        makeStep('uninstall-other-version', 'uninstall', 'change', spec, {
          elevated: true,
          okExitCodes: INSTALL_OK_CODES,
          params: { product: name, version, productCode: code, log },
        }),
      ],
      backups: [],
      warnings: [text('repair.warning.uninstall', { product: name, version })],
      confirmations: ['uninstall-product'],
      reversible: false,
      risk: 'medium',
      data: { productCode: code, product: name, version },
      installLog: { stepId: 'uninstall', path: log },
    };
  },
  dataSchema: z.object({
    productCode: z.string().regex(/^\{[0-9A-Fa-f-]{36}\}$/),
    product: z.string().max(1024),
    version: z.string().max(100),
  }),
  verify: (e, data, install) =>
    combineVerdicts(
      e['installed-products']
        ? !e['installed-products'].installed.some(
            (p) => p.productCode.toUpperCase() === String(data.productCode).toUpperCase(),
          )
        : null,
      install,
    ),
  touches: (data) => [`product:${String(data.productCode).toUpperCase()}`],
};
