// Lines that tools which ran msiexec print around its log (winget, Chocolatey, PSAppDeployToolkit, Ansible): which
// tool, its own exit code, and the installer's exit code it carries ("ShellExecute installer failed: 1603").
import { codeFromDigits, parseCode } from './numbers.ts';
import { P } from './patterns.ts';

export type WrapperTool = 'winget' | 'chocolatey' | 'psadt' | 'ansible';

export interface WrapperEvent {
  kind: 'wrapper';
  tool: WrapperTool;
  /** The tool's own result (winget's 0x8A150006 as -1978335226), when this line gives it. */
  code: number | null;
  codeText: string | null;
  /** The installer's exit code the tool reports, when this line gives it. */
  carried: number | null;
}

function event(tool: WrapperTool, own: string | null, carried: string | null): WrapperEvent {
  return {
    kind: 'wrapper',
    tool,
    code: own !== null ? parseCode(own) : null,
    codeText: own,
    carried: carried !== null ? codeFromDigits(carried) : null,
  };
}

/** A cheap look at the line first: every pattern below contains one of these words. */
export function parseWrapperLine(line: string): WrapperEvent | null {
  if (!P.WRAPPER_HINT.test(line)) return null;
  let m = P.WINGET_INSTALLER_FAILED.exec(line);
  if (m) return event('winget', null, m[1]!);
  m = P.WINGET_INSTALL_FAILED.exec(line);
  if (m) return event('winget', m[1]!, null);
  m = P.WINGET_LOG_LINE.exec(line);
  if (m) return event('winget', null, null);
  m = P.CHOCO_EXIT_CODE.exec(line);
  if (m) return event('chocolatey', null, m[1]!);
  m = P.PSADT_EXIT_CODE.exec(line);
  if (m) {
    // Execute-MSI / Execute-Process / Start-ADTMsiProcess report the installer's code; the script's own result otherwise.
    const installer = P.PSADT_INSTALLER_STEP.test(line);
    return event('psadt', installer ? null : m[1]!, installer ? m[1]! : null);
  }
  m = P.ANSIBLE_RC.exec(line);
  if (m) return event('ansible', null, m[1]!);
  if (P.ANSIBLE_FAILED.test(line)) return event('ansible', null, null);
  return null;
}
