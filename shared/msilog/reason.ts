// The one line that explains a custom action's failure in its own words: among the free text it printed before it
// returned (WixQuietExec/CAQuietExec/WixShellExec pass on the command's output), the most telling one.
import { P } from './patterns.ts';

export interface LineRef {
  line: number;
  text: string;
}

/**
 * Scores: a line in words of failure ("Access is denied.", "CreateService X failed: 0x80070431 (...)", "must begin
 * with...") beats a wrapper's "Error 0x80070057: ..." which beats plain output (the echoed command). The wrappers'
 * generic closing lines ("QuietExec Failed", "Failed in ExecCommon method") never count. On a tie, the last one.
 */
export function pickOutputReason(output: readonly LineRef[], from: number, to: number): LineRef | null {
  let best: LineRef | null = null;
  let bestScore = -1;
  for (const o of output) {
    if (o.line <= from || o.line >= to || P.GENERIC_CA_OUTPUT.test(o.text)) continue;
    const body = afterSpeaker(o.text);
    if (!body.trim()) continue;
    const score = P.HRESULT_WRAPPER_LINE.test(body) ? 1 : P.HOT.test(body) ? 2 : 0;
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
