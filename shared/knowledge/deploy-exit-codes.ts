// The one table of deployment tools' own exit-code semantics (ConfigMgr and Intune default return codes, PSADT's
// codes) and of the codes their consoles show. Windows Installer codes themselves come from shared/knowledge.
import type { DeployTool, ExitMeaning } from '../contract/deployment.ts';
import { type LocalText, localText } from './local-text.ts';
import { lookupErrorCode } from './error-codes.ts';

export interface ToolExitCode {
  tool: DeployTool;
  code: number;
  meaning: ExitMeaning;
  text: LocalText;
}

const SUCCESS = localText('success', '成功');
const SOFT = localText('success, restart needed (soft reboot)', '成功，需要重启（软重启）');
const HARD = localText('success, the device restarts (hard reboot)', '成功，设备将重启（硬重启）');

// Sources: ConfigMgr default deployment-type return codes (0/1707 Success, 3010 SoftReboot, 1641 HardReboot,
// 1618 FastRetry); Intune Win32 default return codes (same, 1618 = Retry); PSAppDeployToolkit 3.10.2 exit-code
// page and 4.x config (60012 defer / UI timeout, 1618 UI timeout or mutex busy, 1602 = 4.1 defer code).
export const TOOL_EXIT_CODES: readonly ToolExitCode[] = [
  { tool: 'configmgr', code: 0, meaning: 'success', text: SUCCESS },
  { tool: 'configmgr', code: 1707, meaning: 'success', text: SUCCESS },
  { tool: 'configmgr', code: 3010, meaning: 'soft-reboot', text: SOFT },
  { tool: 'configmgr', code: 1641, meaning: 'hard-reboot', text: HARD },
  {
    tool: 'configmgr',
    code: 1618,
    meaning: 'retry',
    text: localText(
      'fast retry: another installation was running; the client tries again in about 2 hours',
      '快速重试：当时有另一个安装在运行；客户端约 2 小时后会自动重试',
    ),
  },
  { tool: 'intune', code: 0, meaning: 'success', text: SUCCESS },
  { tool: 'intune', code: 1707, meaning: 'success', text: SUCCESS },
  { tool: 'intune', code: 3010, meaning: 'soft-reboot', text: SOFT },
  { tool: 'intune', code: 1641, meaning: 'hard-reboot', text: HARD },
  {
    tool: 'intune',
    code: 1618,
    meaning: 'retry',
    text: localText(
      'retry: another installation was running; the agent retries up to 3 times, 5 minutes apart',
      '重试：当时有另一个安装在运行；代理最多重试 3 次，每次间隔 5 分钟',
    ),
  },
  { tool: 'psadt', code: 0, meaning: 'success', text: SUCCESS },
  { tool: 'psadt', code: 3010, meaning: 'soft-reboot', text: SOFT },
  { tool: 'psadt', code: 1641, meaning: 'hard-reboot', text: HARD },
  {
    tool: 'psadt',
    code: 1618,
    meaning: 'retry',
    text: localText(
      'a prompt timed out, or another installation held the Windows Installer lock: the deployment comes back later',
      '提示框超时，或另一个安装占用了 Windows Installer 锁：部署稍后会再次运行',
    ),
  },
  {
    tool: 'psadt',
    code: 60001,
    meaning: 'failure',
    text: localText(
      'the deployment script stopped on an error (see the error record above it)',
      '部署脚本因错误而停止（见其上方的错误记录）',
    ),
  },
  {
    tool: 'psadt',
    code: 60002,
    meaning: 'failure',
    text: localText('running a program from the script failed', '脚本运行某个程序时失败'),
  },
  {
    tool: 'psadt',
    code: 60003,
    meaning: 'failure',
    text: localText('administrator rights are needed to run a program as the user', '以用户身份运行程序需要管理员权限'),
  },
  {
    tool: 'psadt',
    code: 60008,
    meaning: 'failure',
    text: localText('the toolkit failed to load', '部署工具包加载失败'),
  },
  {
    tool: 'psadt',
    code: 60012,
    meaning: 'deferred',
    text: localText(
      'the user deferred the installation, or the prompt timed out: the deployment comes back later',
      '用户推迟了安装，或提示框超时：部署稍后会再次运行',
    ),
  },
  {
    tool: 'psadt',
    code: 60013,
    meaning: 'failure',
    text: localText('a program returned an exit code out of range', '某个程序返回了超出范围的退出代码'),
  },
];

const BY_TOOL_CODE = new Map(TOOL_EXIT_CODES.map((e) => [`${e.tool}:${e.code}`, e]));

/** The tool's own entry for a code, if it has one. */
export function toolExitCode(tool: DeployTool, code: number): ToolExitCode | undefined {
  return BY_TOOL_CODE.get(`${tool}:${code}`);
}

/** How the tool reads a code when the log shows no mapping line: its default table, else Windows' meaning. */
export function defaultMeaning(tool: DeployTool, code: number): ExitMeaning {
  const own = toolExitCode(tool, code);
  if (own) return own.meaning;
  // ConfigMgr and Intune: a code missing from the table is a failure; PSADT passes installer codes through.
  if (tool !== 'psadt') return 'failure';
  const info = lookupErrorCode(code);
  if (info?.success) return code === 3010 ? 'soft-reboot' : code === 1641 ? 'hard-reboot' : 'success';
  return 'failure';
}

/** Console codes admins see for these attempts (hex, upper case). */
export const REPORTED_CODES: ReadonlyMap<string, LocalText> = new Map([
  [
    '0x87D1041C',
    localText(
      'Intune: the application was not detected after installation completed',
      'Intune：安装完成后未检测到应用程序',
    ),
  ],
  [
    '0x87D00324',
    localText(
      'Configuration Manager: the application was not detected after installation completed',
      'Configuration Manager：安装完成后未检测到应用程序',
    ),
  ],
  [
    '0x87D00325',
    localText(
      'Configuration Manager: the application was still detected after uninstall completed',
      'Configuration Manager：卸载完成后仍检测到应用程序',
    ),
  ],
  [
    '0x87D00215',
    localText(
      'Configuration Manager: no content location (distribution point) was found for the content',
      'Configuration Manager：找不到该内容的内容位置（分发点）',
    ),
  ],
  [
    '0x87D01106',
    localText(
      'Configuration Manager: the app could not be enforced (its content request data is missing; seen after client upgrades)',
      'Configuration Manager：无法执行该应用（其内容请求数据缺失；常见于客户端升级后）',
    ),
  ],
]);

/** 0x87D1041C from -2016345060 or 2278622236. */
export function hexCode(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** The HRESULT a console shows for a Win32 exit code: 1603 -> 0x80070643 (low 16 bits, as IME computes it). */
export function hresultOfExitCode(code: number): string | null {
  if (code === 0) return null;
  if (code < 0 || code > 0xffff) return hexCode(code);
  return hexCode(0x80070000 | (code & 0xffff));
}
