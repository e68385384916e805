// Repair add-to-path: appends an installed product's folder to the PATH of the right scope (machine for a
// per-machine install, else the signed-in user's own), after a backup; undo writes back the exact previous value.
import { z } from 'zod';
import type { PathEnvironmentData, ProductReach } from '../../../shared/contract/evidence-data.ts';
import { hasUnsafeDisplayChars } from '../../../shared/knowledge/display-safe.ts';
import { isKnownProductId, knownProduct } from '../../../shared/knowledge/known-products.ts';
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { makeStep, targetPath, text, backupText } from './repair-helpers.ts';
import { appendEntry, environmentKey, exportEnvironment, setPathValue } from './path-value.ts';
import { pathValueData, productWorks, recordedType, restorePathActions } from './path-repair-kit.ts';

const BACKUP = 'environment.reg';

const dataSchema = z.object({
  product: z.string().regex(/^[a-z0-9-]{1,32}$/),
  scope: z.enum(['machine', 'user']),
  sid: z
    .string()
    .regex(/^S-1-[0-9-]+$/)
    .nullable(),
  entry: z
    .string()
    .max(1024)
    .refine((v) => !hasUnsafeDisplayChars(v), 'control or bidi characters'),
  ...pathValueData,
});

/** The product to add: the one asked for, else the only installed one a new terminal does not find. */
function productToAdd(data: PathEnvironmentData, asked: string | undefined): ProductReach {
  const candidates = data.products.filter((p) => p.state === 'not-on-path' && p.binFolder !== null);
  const chosen = asked
    ? data.products.find((p) => p.id === asked)
    : candidates.length === 1
      ? candidates[0]
      : undefined;
  if (!chosen) throw new RepairRefusal(text('repair.refusal.path-no-product', { product: asked ?? '-' }), 'not-found');
  if (!chosen.binFolder)
    throw new RepairRefusal(text('repair.refusal.path-no-folder', { product: productName(chosen.id) }), 'not-found');
  if (chosen.entry !== null) throw new RepairRefusal(text('repair.refusal.path-already', { folder: chosen.binFolder }));
  return chosen;
}

/**
 * Whether a folder is one only administrators can write: under Program Files (either view). A folder the user can write
 * (the profile, AppData, another drive's root) must never reach the machine PATH, where every administrator's and
 * SYSTEM's processes search it for bare program names; a product found only there is added to the user's PATH instead
 * by the user, not by us as administrator.
 */
export function isAdminOnlyFolder(folder: string): boolean {
  if (/(^|\\)\.\.?(\\|$)/.test(folder)) return false;
  return /^[A-Za-z]:\\Program Files( \(x86\))?\\[^\\]/i.test(folder);
}

const productName = (id: string): string => (isKnownProductId(id) ? `@${knownProduct(id).nameKey}` : id);

export const addToPath: RepairDefinition = {
  id: 'add-to-path',
  risk: 'low',
  reversible: true,
  elevation: 'none',
  targets: ['program-not-on-path'],
  planProbes: ['path-environment'],
  verifyProbes: ['path-environment'],
  backupSummary: 'reg export of the Environment key (machine or user); the previous Path value in the journal',
  undoSummary: 'the exact previous Path value (REG_EXPAND_SZ) written back, only while Path is still what we wrote',
  build(context) {
    const data = context.evidence['path-environment'];
    if (!data) throw new RepairRefusal(text('repair.refusal.path-not-checked'));
    const product = productToAdd(data, context.params.product);
    const folder = product.binFolder!;
    const scope = product.intendedScope;
    const sid = scope === 'user' ? context.user.sid : null;
    const current = scope === 'machine' ? data.machinePath : data.userPath;
    if (scope === 'machine' && !isAdminOnlyFolder(folder))
      throw new RepairRefusal(text('repair.refusal.path-user-writable', { folder }));
    const written = appendEntry(current.raw, folder);
    // The new terminal's PATH after the change: refuse rather than write an entry Windows would not search.
    const length = data.freshLength + (data.freshLength > 0 ? 1 : 0) + folder.length;
    if (length > data.limit)
      throw new RepairRefusal(text('repair.refusal.path-too-long', { length, limit: data.limit, folder }));
    const elevated = scope === 'machine';
    const backup = targetPath(context.backupDir, BACKUP);
    const name = productName(product.id);
    const steps = [
      makeStep('add-to-path', 'backup-environment', 'backup', exportEnvironment(scope, sid, backup), {
        elevated,
        params: { key: environmentKey(scope, sid), backup },
        backupFile: BACKUP,
      }),
      makeStep(
        'add-to-path',
        scope === 'machine' ? 'append-machine' : 'append-user',
        'change',
        setPathValue({ scope, sid, expected: current.raw, value: written }),
        { elevated, params: { folder, product: name } },
      ),
    ];
    return {
      steps,
      backups: [
        { what: environmentKey(scope, sid), path: backup },
        { what: backupText('previous-path'), path: context.journalPath },
      ],
      warnings: [text('repair.warning.new-terminals-only')],
      confirmations: [],
      reversible: true,
      risk: 'low',
      data: {
        product: product.id,
        scope,
        sid,
        entry: folder,
        previous: current.raw,
        previousType: recordedType(current.type),
        written,
      },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const data = dataSchema.parse(context.data);
    return restorePathActions(context, [data], ['append-machine', 'append-user']);
  },
  verify: (evidence, data) => productWorks(evidence, String(data.product)),
  touches: (data) => [`path:${String(data.scope)}`],
};
