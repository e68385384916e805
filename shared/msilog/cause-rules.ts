// Which cause each message number, exit code and text symptom points to, and how signals add up to a confidence.
import type { CauseId } from '../contract/ids.ts';

/** Windows Installer message numbers (log "Error NNNN" / "Note: 1: NNNN") -> cause. */
export const MESSAGE_CAUSES = {
  1920: 'service-start-failed',
  1921: 'service-start-failed',
  1923: 'service-install-failed',
  1939: 'service-install-failed',
  1925: 'insufficient-privileges',
  1303: 'insufficient-privileges',
  1730: 'insufficient-privileges',
  1406: 'insufficient-privileges',
  1500: 'another-install-in-progress',
  1618: 'another-install-in-progress',
  1601: 'installer-service-unavailable',
  1719: 'installer-service-unavailable',
  2774: 'installer-service-unavailable',
  1612: 'source-missing',
  1706: 'source-missing',
  1311: 'source-missing',
  1305: 'source-missing',
  1620: 'package-invalid',
  1619: 'package-path-invalid',
  1324: 'package-path-invalid',
  1638: 'other-version-installed',
  1642: 'patch-not-applicable',
  1625: 'policy-blocked',
  1643: 'policy-blocked',
  1260: 'policy-blocked',
  1602: 'user-cancelled',
  1720: 'custom-action-failed',
  1721: 'custom-action-failed',
  1722: 'custom-action-failed',
  1723: 'custom-action-failed',
  2503: 'installer-folders-access',
  2502: 'installer-folders-access',
  1632: 'installer-folders-access',
  1306: 'files-in-use',
  1308: 'files-in-use',
  1327: 'unsupported-drive',
  1316: 'source-missing',
  1335: 'package-invalid',
  2755: 'installer-folders-access',
} as const satisfies Record<number, CauseId>;

/** Process exit codes (Win32) -> cause, used when the log itself shows nothing more specific. */
export const EXIT_CODE_CAUSES = {
  2: 'package-path-invalid',
  3: 'package-path-invalid',
  5: 'insufficient-privileges',
  112: 'disk-full',
  1601: 'installer-service-unavailable',
  1602: 'user-cancelled',
  1612: 'source-missing',
  1618: 'another-install-in-progress',
  1619: 'package-path-invalid',
  1620: 'package-invalid',
  1625: 'policy-blocked',
  1632: 'installer-folders-access',
  1638: 'other-version-installed',
  1642: 'patch-not-applicable',
  1643: 'policy-blocked',
  1641: 'reboot-required-to-finish',
  3010: 'reboot-required-to-finish',
} as const satisfies Record<number, CauseId>;

export function messageCause(code: number): CauseId | null {
  return (MESSAGE_CAUSES as Record<number, CauseId>)[code] ?? null;
}
export function exitCodeCause(code: number): CauseId | null {
  return (EXIT_CODE_CAUSES as Record<number, CauseId>)[code] ?? null;
}

export interface CauseSignal {
  id: CauseId;
  /** 0..1: how strongly this one signal alone points at the cause. */
  weight: number;
  line: number;
}

/** Independent signals combine as 1 - prod(1 - w): several agreeing signals score higher than any one. */
export function rankCauses(
  signals: readonly CauseSignal[],
): Array<{ id: CauseId; confidence: number; lines: number[] }> {
  const by = new Map<CauseId, { miss: number; lines: number[]; first: number }>();
  signals.forEach((s, i) => {
    const e = by.get(s.id) ?? { miss: 1, lines: [], first: i };
    e.miss *= 1 - Math.min(0.95, Math.max(0, s.weight));
    if (s.line > 0 && !e.lines.includes(s.line) && e.lines.length < 10) e.lines.push(s.line);
    by.set(s.id, e);
  });
  return [...by.entries()]
    .map(([id, e]) => ({
      id,
      confidence: Math.round((1 - e.miss) * 100) / 100,
      lines: e.lines.sort((a, b) => a - b),
      first: e.first,
    }))
    .sort((a, b) => b.confidence - a.confidence || a.first - b.first)
    .map(({ id, confidence, lines }) => ({ id, confidence, lines }));
}
