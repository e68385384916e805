// The one way to name a probe, a repair or an evidence status in any language (wizard, report, CLI): TextRefs into the
// shared words table (texts/words.ts), so every surface says the same words.
import type { EvidenceStatus, TextRef } from '../contract/evidence.ts';
import type { ProbeId, RepairId } from '../contract/ids.ts';

export function probeName(probe: ProbeId): TextRef {
  return { key: `probe.${probe}.name`, params: {} };
}

export function repairName(repair: RepairId): TextRef {
  return { key: `repair.${repair}.title`, params: {} };
}

export function statusWord(status: EvidenceStatus): TextRef {
  return { key: `status.${status}`, params: {} };
}
