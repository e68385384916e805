// A Signal: one piece of evidence for or against one cause, with its weight, reference, reason and repair hints.
import type { CauseId, ProbeId, RepairId } from '../contract/ids.ts';
import type { EvidenceRef, TextRef } from '../contract/evidence.ts';
import type { RepairParams } from '../contract/repair.ts';
import { factKey, type FactId } from '../knowledge/facts.ts';
import type { TextParams } from '../knowledge/text-render.ts';

export interface Signal {
  cause: CauseId;
  /** 'for': probability this signal alone makes the cause real (combined by noisy-OR). 'against': how much it lowers it. */
  weight: number;
  polarity: 'for' | 'against';
  ref: EvidenceRef;
  reason?: TextRef;
  /** One sentence naming the cause specifically (the strongest signal with one wins): Finding.headline. */
  headline?: TextRef;
  /** The step the user takes by hand before any repair (the strongest signal with one wins): Finding.nextStep. */
  nextStep?: TextRef;
  /** Repairs for this cause in this situation, safest effective first (the strongest signal with a list wins). */
  repairs?: RepairId[];
  /** What those repairs act on here (the client's PID, a product code): the strongest signal naming one wins. */
  repairParams?: Partial<Record<RepairId, RepairParams>>;
  manualSteps?: TextRef[];
  /** The finding is a security finding (shown whatever the symptom). */
  security?: boolean;
  /** Skip the "does this cause explain the reported error?" discount (logs, security). */
  alwaysRelevant?: boolean;
}

export function reason(fact: FactId, params: TextParams = {}): TextRef {
  return { key: factKey(fact), params };
}

export function probeRef(probe: ProbeId, fact: FactId): EvidenceRef {
  return { kind: 'probe', probe, fact };
}

export function forCause(cause: CauseId, weight: number, ref: EvidenceRef, extra: Partial<Signal> = {}): Signal {
  return { cause, weight, polarity: 'for', ref, ...extra };
}

export function against(cause: CauseId, weight: number, ref: EvidenceRef): Signal {
  return { cause, weight, polarity: 'against', ref };
}

/** A probe fact supporting a cause, with the fact's sentence as the reason. */
export function probeFact(
  cause: CauseId,
  weight: number,
  probe: ProbeId,
  fact: FactId,
  params: TextParams = {},
  extra: Partial<Signal> = {},
): Signal {
  return forCause(cause, weight, probeRef(probe, fact), { reason: reason(fact, params), ...extra });
}
