// Validates repair parameters before any command is built: schema, then the .msi/.msp path on the target machine.
import { hasUnsafeDisplayChars } from '../../../shared/knowledge/display-safe.ts';
import { repairParamsSchema, type RepairParams } from '../../../shared/contract/repair.ts';
import { RepairRefusal, type PathKind } from './repair-definition.ts';
import { text } from './repair-helpers.ts';

/** Checks a path on the machine the repair runs on (real file system, or the simulated machine's). */
export type StatPath = (path: string) => Promise<PathKind>;

// Characters Windows never allows in a file name part; their presence means the text is not a real path.
const INVALID_PATH_CHARS = /["<>|?*]/;

/** Controls, line separators (U+2028/2029, U+0085) and bidi overrides: a path with them could be shown as another. */
function hasControlChars(path: string): boolean {
  return hasUnsafeDisplayChars(path);
}

export async function validateRepairParams(raw: unknown, statPath: StatPath): Promise<RepairParams> {
  const parsed = repairParamsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RepairRefusal(
      text('repair.refusal.bad-params', {
        detail: `${issue?.path.join('.') || 'params'}: ${issue?.message ?? 'invalid'}`,
      }),
    );
  }
  const params = parsed.data;
  if (params.msiPath !== undefined) {
    const path = params.msiPath;
    // ':' only after a drive letter (C:\...) — a colon elsewhere is an NTFS stream or garbage.
    const rest = path.replace(/^[A-Za-z]:/, '');
    if (path.trim() === '' || INVALID_PATH_CHARS.test(path) || hasControlChars(path) || rest.includes(':')) {
      throw new RepairRefusal(
        text(hasControlChars(path) ? 'repair.refusal.msi-spoofing' : 'repair.refusal.msi-invalid', { path }),
      );
    }
    if (!/\.(msi|msp)$/i.test(path)) throw new RepairRefusal(text('repair.refusal.msi-extension', { path }));
    const kind = await statPath(path);
    if (kind === 'missing') throw new RepairRefusal(text('repair.refusal.msi-missing', { path }), 'not-found');
    if (kind !== 'file') throw new RepairRefusal(text('repair.refusal.msi-not-file', { path }));
  }
  return params;
}
