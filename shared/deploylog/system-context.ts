// Why an install can fail only when a deployment tool runs it as SYSTEM: what in the command line or the MSI log
// points at something the SYSTEM account does not have (mapped drives, shares it reaches as the computer account,
// a user's profile, HKCU, the user's TEMP, a prompt nobody can answer under /qn).
import type { Deployment } from '../contract/deployment.ts';
import type { LogAnalysis } from '../contract/log-analysis.ts';

export type SystemHintKind = 'mapped-drive' | 'unc-path' | 'user-profile' | 'hkcu' | 'user-temp' | 'no-one-to-answer';

export interface SystemHint {
  kind: SystemHintKind;
  /** The piece of text that shows it (a path, a key, a line). */
  text: string;
  /** The log and line it was seen in (the deployment log for the command line, else the MSI log). */
  file: string;
  line: number;
}

const CHECKS: ReadonlyArray<{ kind: SystemHintKind; re: RegExp }> = [
  { kind: 'unc-path', re: /\\\\[A-Za-z0-9._$-]{1,64}\\[^\s"']{1,200}/ },
  // Drive letters other than the system drive: D:..Z: are often mapped network drives, which SYSTEM does not have.
  { kind: 'mapped-drive', re: /(?<![A-Za-z])[D-Zd-z]:\\[^\s"']{0,200}/ },
  {
    kind: 'user-profile',
    re: /(?:[A-Za-z]:\\Users\\(?!Public\\|Default\\|All Users\\)[^\\\s"']{1,64}\\[^\s"']{0,200}|%(?:USERPROFILE|APPDATA|LOCALAPPDATA|HOMEPATH)%|config\\systemprofile)/i,
  },
  { kind: 'hkcu', re: /\b(?:HKEY_CURRENT_USER|HKCU)\b[^\s"']{0,200}/i },
  { kind: 'user-temp', re: /%(?:TEMP|TMP)%/i },
];

/** Windows Installer messages that name an unreachable drive, folder or share (1327 Invalid drive, 1309-1311, 1303). */
const PATH_ERRORS = new Set([1303, 1309, 1310, 1311, 1327]);

function scan(text: string, file: string, line: number, out: SystemHint[], kinds: Set<SystemHintKind>): void {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  for (const { kind, re } of CHECKS) {
    if (kinds.has(kind)) continue;
    const m = re.exec(sample);
    if (!m) continue;
    kinds.add(kind);
    out.push({ kind, text: m[0], file, line });
  }
}

/** Hints that a SYSTEM-context failure comes from the account, not the package; empty when none or not SYSTEM. */
export function systemContextHints(
  deployment: Deployment,
  deployLog: LogAnalysis,
  msiLog: LogAnalysis | null,
): SystemHint[] {
  if (deployment.context !== 'system' || deployment.outcome === 'success') return [];
  const hints: SystemHint[] = [];
  const kinds = new Set<SystemHintKind>();
  const commandLine = deployment.commandLine ?? '';
  const commandLine1 = deployment.evidence[0] ?? 0;
  if (commandLine) scan(commandLine, deployLog.file, commandLine1, hints, kinds);
  if (msiLog) {
    for (const e of msiLog.errors) if (PATH_ERRORS.has(e.code)) scan(e.text, msiLog.file, e.line, hints, kinds);
    for (const e of msiLog.evidence)
      if (/denied|not found|cannot|invalid|fail/i.test(e.text)) scan(e.text, msiLog.file, e.line, hints, kinds);
  }
  if (deployment.facts.includes('installer-timeout'))
    hints.push({
      kind: 'no-one-to-answer',
      text: commandLine,
      file: deployLog.file,
      line: deployment.evidence.at(-1) ?? 0,
    });
  return hints;
}
