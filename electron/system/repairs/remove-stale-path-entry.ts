// Repair remove-stale-path-entry: removes PATH entries that are folders which no longer exist, or an older copy of a
// product found before the installed one (after confirmation); every other entry keeps its text and order.
import { z } from 'zod';
import type { PathEnvironmentData, PathScope } from '../../../shared/contract/evidence-data.ts';
import { RepairRefusal, type BuiltPlan, type BuiltStep, type RepairDefinition } from './repair-definition.ts';
import { makeStep, targetPath, text, backupText } from './repair-helpers.ts';
import { environmentKey, exportEnvironment, removeEntries, sameEntry, setPathValue } from './path-value.ts';
import { pathValueData, productWorks, recordedType, restorePathActions } from './path-repair-kit.ts';

const scopeData = z.object({
  scope: z.enum(['machine', 'user']),
  sid: z
    .string()
    .regex(/^S-1-[0-9-]+$/)
    .nullable(),
  removed: z.array(z.string().max(1024)).max(128),
  ...pathValueData,
});
const dataSchema = z.object({ scopes: z.array(scopeData).min(1).max(2), products: z.array(z.string()).max(16) });

/** Entries this repair may remove: missing folders, and the folder an older copy of a product is run from. */
export function removableEntries(data: PathEnvironmentData): Array<{ scope: PathScope; raw: string; why: string }> {
  const out: Array<{ scope: PathScope; raw: string; why: string }> = [];
  for (const e of data.entries) {
    if (!e.exists) out.push({ scope: e.scope, raw: e.raw, why: 'missing' });
    else if (
      data.products.some(
        (p) => p.state === 'shadowed' && p.resolved && p.resolved.position === e.position && p.binFolder !== null,
      )
    )
      out.push({ scope: e.scope, raw: e.raw, why: 'older-copy' });
  }
  return out;
}

export const removeStalePathEntry: RepairDefinition = {
  id: 'remove-stale-path-entry',
  risk: 'low',
  reversible: true,
  elevation: 'none',
  targets: ['program-not-on-path', 'older-program-on-path'],
  planProbes: ['path-environment'],
  verifyProbes: ['path-environment'],
  backupSummary: 'reg export of each Environment key changed; the previous Path values in the journal',
  undoSummary: 'the exact previous Path values (REG_EXPAND_SZ) written back, only while Path is still what we wrote',
  build(context) {
    const data = context.evidence['path-environment'];
    if (!data) throw new RepairRefusal(text('repair.refusal.path-not-checked'));
    const allowed = removableEntries(data);
    const asked = context.params.pathEntries ?? allowed.map((e) => e.raw);
    if (asked.length === 0) throw new RepairRefusal(text('repair.refusal.path-nothing-stale'), 'not-found');
    const chosen = asked.map((raw) => {
      const hit = allowed.find((a) => a.raw === raw) ?? allowed.find((a) => sameEntry(a.raw, raw));
      // Only what the fresh probe shows as stale can go: never a folder that exists and is not an older copy.
      if (!hit) throw new RepairRefusal(text('repair.refusal.path-not-stale', { entry: raw }));
      return hit;
    });
    const steps: BuiltStep[] = [];
    const scopes: Array<z.infer<typeof scopeData>> = [];
    const backups: BuiltPlan['backups'] = [];
    for (const scope of ['machine', 'user'] as const) {
      const mine = chosen.filter((c) => c.scope === scope);
      if (mine.length === 0) continue;
      const sid = scope === 'user' ? context.user.sid : null;
      const current = scope === 'machine' ? data.machinePath : data.userPath;
      if (current.raw === null) continue;
      const removed = [...new Set(mine.map((m) => m.raw))];
      const written = removeEntries(current.raw, removed);
      const elevated = scope === 'machine';
      const file = `environment-${scope}.reg`;
      const backup = targetPath(context.backupDir, file);
      steps.push(
        makeStep('remove-stale-path-entry', `backup-${scope}`, 'backup', exportEnvironment(scope, sid, backup), {
          elevated,
          params: { key: environmentKey(scope, sid), backup },
          backupFile: file,
        }),
        makeStep(
          'remove-stale-path-entry',
          `remove-${scope}`,
          'change',
          setPathValue({ scope, sid, expected: current.raw, value: written }),
          {
            elevated,
            params: {
              entries: removed.join('; '),
              count: removed.length,
            },
          },
        ),
      );
      backups.push({ what: environmentKey(scope, sid), path: backup });
      scopes.push({ scope, sid, removed, previous: current.raw, previousType: recordedType(current.type), written });
    }
    if (scopes.length === 0) throw new RepairRefusal(text('repair.refusal.path-nothing-stale'), 'not-found');
    // Elevated (machine) steps first and together: one administrator prompt.
    steps.sort((a, b) => Number(b.step.elevated) - Number(a.step.elevated));
    return {
      steps,
      backups: [...backups, { what: backupText('previous-paths'), path: context.journalPath }],
      warnings: [text('repair.warning.new-terminals-only')],
      confirmations: ['remove-path-entries'],
      reversible: true,
      risk: 'low',
      data: {
        scopes,
        products: data.products.filter((p) => p.state !== 'works' && p.state !== 'new-terminal').map((p) => p.id),
      },
      installLog: null,
    };
  },
  dataSchema,
  undo(context) {
    const data = dataSchema.parse(context.data);
    return restorePathActions(context, data.scopes, ['remove-machine', 'remove-user']);
  },
  verify: (evidence, data) => {
    const d = evidence['path-environment'];
    if (!d) return null;
    const removed = (Array.isArray(data.scopes) ? data.scopes : []).flatMap(
      (s: { removed?: string[] }) => s.removed ?? [],
    );
    const gone = removed.every((r) => !d.entries.some((e) => sameEntry(e.raw, r)));
    const products = Array.isArray(data.products) ? (data.products as string[]) : [];
    return gone && products.every((p) => productWorks(evidence, p) !== false);
  },
  touches: (data) =>
    (Array.isArray(data.scopes) ? data.scopes : []).map((s: { scope?: string }) => `path:${String(s.scope)}`),
};
