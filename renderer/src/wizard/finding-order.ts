// How confidence is worded (findings keep the order diagnose() gave them: one ranking, in shared/diagnosis).

/** Thresholds match the meter's low/high marks; a percentage is always shown next to the word. */
export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.45) return 'medium';
  return 'low';
}
