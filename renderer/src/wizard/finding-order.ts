// How findings are ordered and how confidence is worded: causes by confidence, then security, then notes.
import type { Finding } from '../../../shared/contract/finding.ts';

const KIND_ORDER: Record<Finding['kind'], number> = { cause: 0, security: 1, info: 2 };

export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.confidence - a.confidence);
}

/** Thresholds match the meter's low/high marks; a percentage is always shown next to the word. */
export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.45) return 'medium';
  return 'low';
}
