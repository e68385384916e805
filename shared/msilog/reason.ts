// The one line that explains a custom action's failure in its own words: among the free text it printed before it
// returned (WixQuietExec/CAQuietExec/WixShellExec pass on the command's output), the most telling one.
import { P } from './patterns.ts';

export interface LineRef {
  line: number;
  text: string;
}

/**
 * Scores: a line that says how it failed ("Access is denied.", "Cannot create file...") beats one that says it failed
 * or threw ("CreateService X failed: 0x80070431 (...)", "must begin with..."), which beats a wrapper's "Error 0x80070057: ..." which
 * beats plain output (the echoed command). Never counted: the wrappers' generic closing lines ("QuietExec Failed",
 * "Failed in ExecCommon method"), banners ("-----END OF ERROR REPORT-----", rows of stars) and labels with nothing after
 * them ("Inner Exception  : "). On a tie, the last one (the innermost error of a report comes last).
 */
export function pickOutputReason(output: readonly LineRef[], from: number, to: number): LineRef | null {
  let best: LineRef | null = null;
  let bestScore = -1;
  for (const o of output) {
    if (o.line <= from || o.line >= to || P.GENERIC_CA_OUTPUT.test(o.text)) continue;
    const body = afterSpeaker(o.text).trim();
    if (!body || body.endsWith(':') || isDecoration(body)) continue;
    const score = P.HRESULT_WRAPPER_LINE.test(body) ? 1 : P.SPECIFIC.test(body) ? 3 : P.HOT.test(body) ? 2 : 0;
    if (score >= bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

/** "WixQuietExec64:  text" -> "text" (the custom action DLL's name before its output). */
function afterSpeaker(text: string): string {
  const colon = text.indexOf(':  ');
  return colon > 0 && colon < 48 ? text.slice(colon + 3) : text;
}

/** A banner or separator: fewer than a third of its characters are letters or digits (any script). */
function isDecoration(text: string): boolean {
  let word = 0;
  let other = 0;
  for (const c of text) {
    if (c === ' ' || c === '\t') continue;
    if (c.toLowerCase() !== c.toUpperCase() || (c >= '0' && c <= '9') || c.charCodeAt(0) >= 0x2e80) word++;
    else other++;
  }
  return word * 2 < other;
}
