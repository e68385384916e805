// Building blocks of the error-number catalog: its types, the authoring shape, and steps many entries share.
import type { CauseId, RepairId } from '../contract/ids.ts';
import { localText, type LocalText } from './local-text.ts';

/**
 * 'exit-code': what msiexec / a setup returns (Win32 codes). 'message': a Windows Installer message number
 * ("Error 1722" in a dialog or log). 'both': the two number spaces overlap (1601-1611, 1651, 1707) and the
 * same number means different things; `title`/`explanation` are the exit-code meaning, `asMessage` the other.
 */
export type ErrorKind = 'exit-code' | 'message' | 'both';

/**
 * One cause a number points to and how strongly the number alone says so (0..1). The catalog is the only place that
 * says which number means which cause: the log analyzer's tables and the diagnosis rules' weights derive from it.
 * Weight 0 = related (the cause explains this number) but the number alone is no evidence for it.
 */
export interface WeightedCause {
  id: CauseId;
  weight: number;
}

/** Authoring: a cause id (weighted by its rank, see rankWeight) or [id, weight] when the entry knows better. */
export type CauseLink = CauseId | readonly [CauseId, number];

/**
 * Default weight of the i-th of n causes written as bare ids: specific numbers say more than generic ones (1603,
 * with seven causes, says little about each).
 */
export function rankWeight(i: number, n: number): number {
  if (n === 1) return 0.5;
  if (n === 2) return i === 0 ? 0.35 : 0.25;
  if (n === 3) return i === 0 ? 0.3 : 0.2;
  return i === 0 ? 0.12 : 0.08;
}

export interface ErrorMeaning {
  title: LocalText;
  explanation: LocalText;
  /** Not a failure (success notes, look-ups the engine expects to fail, informational lines). */
  noise: boolean;
  /** The causes this meaning points to, strongest first. */
  causes: WeightedCause[];
}

export interface ErrorCodeInfo {
  code: number;
  kind: ErrorKind;
  /** Symbolic name of the exit code (ERROR_INSTALL_FAILURE), null for message numbers. */
  name: string | null;
  title: LocalText;
  explanation: LocalText;
  /** For kind 'both': the meaning of the number as a message in logs and dialogs (with its own causes). */
  asMessage: ErrorMeaning | null;
  /** Not a failure by itself (success codes, noise messages). */
  noise: boolean;
  /** A follow-on error whose real cause sits earlier (2502/2503). */
  followOn: boolean;
  /** An exit code that means success (0, 1641, 3010, 1707). */
  success: boolean;
  /** False when Microsoft's published tables do not list the number (kept because users meet it). */
  documented: boolean;
  /** The causes of the number's main meaning (the exit code for kind 'both'), strongest first. */
  causes: WeightedCause[];
  check: LocalText[];
  repairs: RepairId[];
  manualSteps: LocalText[];
  docs: string[];
}

/** Authoring shape: everything but code, kind, title and explanation is optional. */
export interface ErrorCodeEntry {
  code: number;
  kind: ErrorKind;
  name?: string;
  title: LocalText;
  explanation: LocalText;
  asMessage?: { title: LocalText; explanation: LocalText; noise?: boolean; causes?: readonly CauseLink[] };
  noise?: boolean;
  followOn?: boolean;
  success?: boolean;
  documented?: boolean;
  causes?: readonly CauseLink[];
  check?: LocalText[];
  repairs?: RepairId[];
  manual?: LocalText[];
  docs?: string[];
}

/** Steps reused by many entries. */
export const COMMON_STEPS = {
  verboseLog: localText(
    'Run the install again with a verbose log (msiexec /i "package.msi" /L*v "%TEMP%\\install.log") and open the log in MSI Doctor: the first "Return value 3" shows what failed.',
    '用详细日志重新运行安装（msiexec /i "package.msi" /L*v "%TEMP%\\install.log"），再用 MSI Doctor 打开这个日志：第一个 “Return value 3” 就是出错的地方。',
  ),
  vendor: localText(
    'This points at the package itself: tell the software vendor, with the verbose log attached (redacted).',
    '这说明安装包本身有问题：请把（已脱敏的）详细日志发给软件厂商。',
  ),
  redownload: localText(
    'Download the installer again from the vendor (the file may be incomplete or damaged), copy it to a local folder and run it from there.',
    '从厂商处重新下载安装程序（文件可能不完整或已损坏），复制到本机文件夹后再从那里运行。',
  ),
  localCopy: localText(
    'Copy the .msi to a local folder such as C:\\Install (not a network share, a mapped or SUBST drive, or a removable disk) and run it from there.',
    '把 .msi 复制到本机文件夹（例如 C:\\Install），不要放在网络共享、映射盘、SUBST 虚拟盘或移动磁盘上，然后从那里运行。',
  ),
  admin: localText(
    'Start the install from an elevated prompt (right-click Command Prompt > Run as administrator, then msiexec /i "package.msi"): double-clicking an .msi does not elevate it.',
    '从管理员命令提示符启动安装（右键“命令提示符”>“以管理员身份运行”，再执行 msiexec /i "package.msi"）：双击 .msi 并不会以管理员身份运行。',
  ),
  restart: localText('Restart the computer, then try the install again.', '重新启动电脑，然后再试一次安装。'),
  waitRetry: localText(
    'Wait until the other installation finishes (it can take several minutes, e.g. during Windows Update), then try again.',
    '等另一个安装完成（可能需要几分钟，例如 Windows 更新正在进行时），然后再试。',
  ),
  closeApps: localText(
    "Close the programs that use the product's files (the log or dialog names them), then click Retry or run the install again.",
    '关闭正在使用该产品文件的程序（日志或对话框里会列出名字），然后点“重试”或重新运行安装。',
  ),
  diskSpace: localText(
    'Free disk space on the drive named in the message (and on the system drive), then try again.',
    '在提示中提到的磁盘（以及系统盘）上腾出空间，然后再试。',
  ),
  policyAdmin: localText(
    'This is a system policy set by your organisation: ask your IT administrator. Changing it yourself is usually undone by Group Policy or Intune.',
    '这是组织设置的系统策略：请联系 IT 管理员。自行修改通常会被组策略或 Intune 改回去。',
  ),
  uninstallFirst: localText(
    'Open Settings > Apps (or Programs and Features), uninstall the version that is installed, then install this one.',
    '打开“设置”>“应用”（或“程序和功能”），先卸载已安装的版本，再安装这个版本。',
  ),
  checkTempFolders: localText(
    "Check that C:\\Windows\\Temp and your own %TEMP% folder exist and are writable (MSI Doctor's scan does this).",
    '检查 C:\\Windows\\Temp 和您自己的 %TEMP% 文件夹是否存在且可写（MSI Doctor 的扫描会检查这一点）。',
  ),
  readEarlier: localText(
    'This error is a consequence, not the cause: look at the lines before it in the log, and at the state of the temp folders and elevation.',
    '这个错误只是后果，不是原因：请查看日志中它之前的内容，以及临时文件夹和管理员权限的情况。',
  ),
  sourceMedia: localText(
    'Windows needs the original installer of the product already installed: download the same version again (or insert its media) and point the repair/uninstall at it.',
    'Windows 需要当初安装这个产品时用的原始安装包：重新下载同一版本（或插入安装介质），在修复或卸载时指定它。',
  ),
  noCache: localText(
    'Do not delete files in C:\\Windows\\Installer or "Package Cache" to fix this: that is what makes the source go missing.',
    '不要为了解决这个问题去删除 C:\\Windows\\Installer 或 “Package Cache” 里的文件：正是这种做法导致找不到安装源。',
  ),
  services: localText(
    'Open the log around this line: it names the service. Check the service account and password, and that the program the service runs exists and its dependencies are installed.',
    '打开日志中这一行附近的内容：里面有服务的名字。检查服务账户和密码，以及服务要运行的程序是否存在、它依赖的组件是否已安装。',
  ),
  patchMatch: localText(
    'Check that the product this update is for is installed, in the version the update expects (same edition, language and architecture).',
    '确认这个更新所针对的产品已经安装，且版本符合更新的要求（相同的版本类型、语言和位数）。',
  ),
  platform: localText(
    'Download the build that matches this Windows (x64, x86 or ARM64) and its version.',
    '下载与这台 Windows 相匹配的版本（x64、x86 或 ARM64）。',
  ),
  quoting: localText(
    'Check the msiexec command line: put paths with spaces in double quotes and use only documented options (msiexec /? lists them).',
    '检查 msiexec 命令行：含空格的路径要用双引号括起来，只使用文档列出的参数（msiexec /? 会列出它们）。',
  ),
};
