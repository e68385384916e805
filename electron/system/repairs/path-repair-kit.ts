// What the two PATH repairs share: the recorded previous value, its undo (exact value back, same scope, same
// account), and the verification "the product's version command answers from a fresh environment".
import { z } from 'zod';
import type { EvidenceDataMap } from '../../../shared/contract/evidence-data.ts';
import { hasUnsafeDisplayChars } from '../../../shared/knowledge/display-safe.ts';
import { RepairRefusal, type UndoAction, type UndoContext } from './repair-definition.ts';
import { text } from './repair-helpers.ts';
import { setPathValue } from './path-value.ts';

const pathText = z
  .string()
  .max(32_767)
  .refine((v) => !hasUnsafeDisplayChars(v), 'control or bidi characters');

/** The recorded Path values: as found (null = absent) with its type, and as written. */
export const pathValueData = {
  previous: pathText.nullable(),
  previousType: z.enum(['REG_EXPAND_SZ', 'REG_SZ']).nullable(),
  written: pathText,
};

/** The type to record: REG_EXPAND_SZ / REG_SZ / absent; any other type is not a PATH we rewrite. */
export function recordedType(type: string | null): 'REG_EXPAND_SZ' | 'REG_SZ' | null {
  if (type === null || type === 'REG_EXPAND_SZ' || type === 'REG_SZ') return type;
  throw new RepairRefusal(text('repair.refusal.path-odd-type', { type }));
}

interface RecordedPath {
  scope: 'machine' | 'user';
  sid: string | null;
  previous: string | null;
  previousType: 'REG_EXPAND_SZ' | 'REG_SZ' | null;
  written: string;
}

/**
 * Undo: Path back to the exact previous text and type, only if it still is what we wrote (the script refuses
 * otherwise, so a later change by someone else is never lost). A user value only for the same account.
 */
export function restorePathActions(context: UndoContext, recorded: RecordedPath[], stepIds: string[]): UndoAction[] {
  return recorded.map((r) => {
    if (r.scope === 'user' && r.sid !== null && r.sid !== context.user.sid)
      throw new RepairRefusal(text('repair.refusal.other-user', {}), 'forbidden');
    return {
      stepIds: stepIds.filter((id) => id.endsWith(r.scope)),
      elevated: r.scope === 'machine',
      specs: [
        setPathValue({ scope: r.scope, sid: r.sid, expected: r.written, value: r.previous, type: r.previousType }),
      ],
    };
  });
}

/** The product's main version command printed its version from a fresh environment (null: not checked). */
export function productWorks(evidence: Partial<EvidenceDataMap>, product: string): boolean | null {
  const d = evidence['path-environment'];
  if (!d) return null;
  const p = d.products.find((x) => x.id === product);
  if (!p) return false;
  if (!d.commandsRan) return p.state === 'works' || p.state === 'new-terminal' ? null : false;
  return (p.state === 'works' || p.state === 'new-terminal') && Boolean(p.runs[0]?.read);
}
