// Dangerous or wrong advice users will have read: why it is wrong, what to do instead (en + zh-CN), and when to warn.
import type { CauseId } from '../contract/ids.ts';
import { type LocalText, localText } from './local-text.ts';
import { DOCS } from './doc-links.ts';

export const MYTH_IDS = [
  'delete-installer-cache',
  'delete-package-cache',
  'msizap-cleanup',
  'msiexec-a-as-admin',
  'kill-msiexec',
  'delete-inprogress-key',
  'everyone-full-control-temp',
  'always-install-elevated-fix',
  'disable-uac',
  'logging-policy-forever',
  'share-logs-unredacted',
  'unreg-regserver-sfc',
  'delete-pending-file-rename',
  'info-1603-is-failure',
] as const;
export type MythId = (typeof MYTH_IDS)[number];

export interface MythInfo {
  id: MythId;
  /** The advice as people repeat it. */
  advice: LocalText;
  whyWrong: LocalText;
  instead: LocalText;
  /** Show the myth on these paths: exit codes / message numbers the user has, and causes a finding names. */
  codes: number[];
  causes: CauseId[];
  docs: string[];
}

const MYTHS = [
  {
    id: 'delete-installer-cache',
    advice: localText(
      'Delete the files in C:\\Windows\\Installer to clean up and fix the error.',
      '删除 C:\\Windows\\Installer 里的文件来清理空间、解决错误。',
    ),
    whyWrong: localText(
      'C:\\Windows\\Installer holds the cached package of every installed product and patch. Windows needs them to repair, update and uninstall. Deleting them leaves products that can no longer be updated or removed (errors 1612, 1706, 1714).',
      'C:\\Windows\\Installer 保存着每个已安装产品和补丁的缓存安装包，Windows 修复、更新和卸载时都要用到。删掉它们会让这些产品再也无法更新或卸载（出现 1612、1706、1714 等错误）。',
    ),
    instead: localText(
      'Leave the folder alone. If space is the problem, use Disk Cleanup; if a product complains about a missing source, give it the original installer of the same version.',
      '不要动这个文件夹。如果是空间不足，请使用“磁盘清理”；如果某个产品提示找不到安装源，请提供同一版本的原始安装包。',
    ),
    codes: [1603, 1612, 1618, 1706, 1714, 2503, 2502],
    causes: [
      'source-missing',
      'installer-folders-access',
      'disk-full',
      'other-version-installed',
      'another-install-in-progress',
    ],
    docs: [DOCS.installerCache],
  },
  {
    id: 'delete-package-cache',
    advice: localText(
      'Delete C:\\ProgramData\\Package Cache to free space.',
      '删除 C:\\ProgramData\\Package Cache 来释放空间。',
    ),
    whyWrong: localText(
      'Package Cache holds the installers that bundles (Visual Studio, .NET, Python, Visual C++ runtimes...) need for repair, update and uninstall. Without them those programs get stuck: they can be neither updated nor removed.',
      'Package Cache 保存着各种安装套件（Visual Studio、.NET、Python、Visual C++ 运行库等）修复、更新和卸载时需要的安装包。删掉后，这些程序会卡住：既无法更新也无法卸载。',
    ),
    instead: localText(
      'Uninstall programs you do not need from Settings > Apps; their cached installers go away with them.',
      '在“设置”>“应用”中卸载不需要的程序，它们缓存的安装包会随之删除。',
    ),
    codes: [1612, 1706, 1714],
    causes: ['source-missing', 'disk-full'],
    docs: [DOCS.installerCache],
  },
  {
    id: 'msizap-cleanup',
    advice: localText(
      'Use msizap or the Windows Installer CleanUp Utility to remove the product.',
      '用 msizap 或 Windows Installer 清理实用工具（CleanUp Utility）把产品清除掉。',
    ),
    whyWrong: localText(
      "These tools only erase Windows Installer's records of a product; they leave its files, services and registry entries behind. The result is a half-installed product that nothing can repair. Microsoft withdrew the CleanUp Utility.",
      '这些工具只会抹掉 Windows Installer 对产品的登记记录，却把它的文件、服务和注册表项留在原处，结果是一个什么工具都修不好的“半安装”状态。Microsoft 已经撤下了这个清理工具。',
    ),
    instead: localText(
      'Uninstall from Settings > Apps or with msiexec /x; if that fails, read why in its verbose log (MSI Doctor can), and fix that cause.',
      '在“设置”>“应用”中或用 msiexec /x 卸载；如果失败，查看详细日志里的原因（MSI Doctor 可以帮您读），再解决这个原因。',
    ),
    codes: [1603, 1605, 1612, 1638, 1714],
    causes: ['other-version-installed', 'newer-version-installed', 'source-missing'],
    docs: [DOCS.msizapNotUninstall],
  },
  {
    id: 'msiexec-a-as-admin',
    advice: localText(
      'Run "msiexec /a package.msi" to install it as administrator.',
      '用 “msiexec /a package.msi” 以管理员身份安装。',
    ),
    whyWrong: localText(
      '/a is not "admin rights": it runs an administrative installation, which only unpacks the package into a network image. Nothing gets installed and nothing is elevated.',
      '/a 的意思不是“管理员权限”：它执行的是“管理安装”，只会把安装包解压成一个网络安装映像，既不会真正安装，也不会提升权限。',
    ),
    instead: localText(
      'Open Command Prompt with "Run as administrator" and run msiexec /i "package.msi" /L*v "%TEMP%\\install.log", or let MSI Doctor do that for you.',
      '用“以管理员身份运行”打开命令提示符，执行 msiexec /i "package.msi" /L*v "%TEMP%\\install.log"，或者让 MSI Doctor 替您完成。',
    ),
    codes: [2503, 2502, 1925, 1603],
    causes: ['not-elevated', 'insufficient-privileges'],
    docs: [DOCS.adminAction],
  },
  {
    id: 'kill-msiexec',
    advice: localText(
      'Kill every msiexec.exe in Task Manager to get rid of error 1618.',
      '在任务管理器里结束所有 msiexec.exe 进程来消除 1618 错误。',
    ),
    whyWrong: localText(
      'One msiexec.exe is the Windows Installer service itself, and another may be an installation halfway through changing your system. Killing them mid-way can leave a product half installed, with a rollback that never ran.',
      '其中一个 msiexec.exe 就是 Windows Installer 服务本身，另一个可能是正在修改系统的安装。中途结束它们可能让某个产品处于“半安装”状态，回滚也没有执行。',
    ),
    instead: localText(
      'Find out which installation is running (MSI Doctor names it), wait for it, or restart the computer. Only end a client install that is clearly stuck, knowing the risk.',
      '先弄清是哪个安装在运行（MSI Doctor 会指出它），等它完成，或者重启电脑。只有在某个安装明显卡死时，才在了解风险的前提下结束那一个安装。',
    ),
    codes: [1618, 1500],
    causes: ['another-install-in-progress', 'windows-update-busy'],
    docs: [DOCS.mutex],
  },
  {
    id: 'delete-inprogress-key',
    advice: localText(
      'Delete the Installer\\InProgress registry key to clear "another installation is in progress".',
      '删除注册表中的 Installer\\InProgress 项来清除“另一个安装正在进行”。',
    ),
    whyWrong: localText(
      'That key records an unfinished installation so Windows can complete or roll it back. Deleting it orphans a half-applied change instead of finishing it.',
      '这个注册表项记录着一个未完成的安装，Windows 靠它来完成或回滚那次安装。删掉它只会让那次只做了一半的更改变成“孤儿”，而不是把它完成。',
    ),
    instead: localText(
      'Restart the computer: Windows finishes or rolls back the pending installation itself.',
      '重新启动电脑：Windows 会自己完成或回滚那个未完成的安装。',
    ),
    codes: [1618, 1704, 1705],
    causes: ['another-install-in-progress', 'pending-reboot'],
    docs: [DOCS.mutex],
  },
  {
    id: 'everyone-full-control-temp',
    advice: localText(
      'Give Everyone (or Users) Full Control on C:\\Windows\\Temp to fix 2503.',
      '给 Everyone（或 Users）授予 C:\\Windows\\Temp 的完全控制权限来解决 2503。',
    ),
    whyWrong: localText(
      'Installers running as SYSTEM use C:\\Windows\\Temp. If every user can change files there, any program can plant files that SYSTEM later runs: a known way to take over a computer.',
      '以 SYSTEM 身份运行的安装程序会使用 C:\\Windows\\Temp。如果所有用户都能修改里面的文件，任何程序都可以放入稍后由 SYSTEM 执行的文件，这是一种已知的控制整台电脑的方法。',
    ),
    instead: localText(
      'Restore the default permissions (Users may only create files, SYSTEM and Administrators have full control): MSI Doctor\'s "Restore C:\\Windows\\Temp permissions" does exactly that, with a backup.',
      '恢复默认权限（Users 只能创建文件，SYSTEM 和 Administrators 拥有完全控制）：MSI Doctor 的“恢复 C:\\Windows\\Temp 权限”正是这样做的，并且会先备份。',
    ),
    codes: [2503, 2502, 1632],
    causes: ['installer-folders-access', 'user-temp-broken'],
    docs: [DOCS.getTempPath2],
  },
  {
    id: 'always-install-elevated-fix',
    advice: localText(
      'Turn on the AlwaysInstallElevated policy so installs always have admin rights.',
      '开启 AlwaysInstallElevated 策略，让安装总能获得管理员权限。',
    ),
    whyWrong: localText(
      'With it on, every .msi that any user runs gets full system rights: any program can use it to take over the computer. Microsoft warns against it.',
      '开启后，任何用户运行的任何 .msi 都会获得系统最高权限：任何程序都能借此控制整台电脑。Microsoft 明确警告不要这样做。',
    ),
    instead: localText(
      'Run the one install you need elevated (MSI Doctor offers this), and keep the policy off.',
      '只把您需要的那一次安装以管理员身份运行（MSI Doctor 提供这个功能），并保持该策略关闭。',
    ),
    codes: [2503, 2502, 1925, 1603],
    causes: ['not-elevated', 'insufficient-privileges', 'always-install-elevated'],
    docs: [DOCS.alwaysInstallElevated],
  },
  {
    id: 'disable-uac',
    advice: localText(
      'Disable UAC (User Account Control) so installers stop failing.',
      '关闭 UAC（用户帐户控制），这样安装就不会失败了。',
    ),
    whyWrong: localText(
      'Turning UAC off removes a core protection for every program on the computer and does not fix the cause: it hides it.',
      '关闭 UAC 会让电脑上所有程序失去一项核心保护，而且并没有解决问题的原因，只是把它掩盖了。',
    ),
    instead: localText(
      'Keep UAC on and run the specific install elevated.',
      '保持 UAC 开启，只让这一次安装以管理员身份运行。',
    ),
    codes: [2503, 2502, 1925],
    causes: ['not-elevated', 'insufficient-privileges'],
    docs: [DOCS.uac],
  },
  {
    id: 'logging-policy-forever',
    advice: localText(
      'Enable the Windows Installer logging policy (or Debug=7) and leave it on.',
      '开启 Windows Installer 日志策略（或 Debug=7）后一直不关。',
    ),
    whyWrong: localText(
      'Every installation then writes a log, which costs time and disk space; with Debug=7 even hidden values such as passwords passed on the command line are written to the logs.',
      '这样每一次安装都会写日志，既耗时间又占磁盘空间；开启 Debug=7 时，连命令行中传入的隐藏值（例如密码）也会被写进日志。',
    ),
    instead: localText(
      'Turn logging on only to capture one failing install, then turn it off again (MSI Doctor does both and remembers the previous state).',
      '只在需要记录一次失败的安装时开启日志，之后再关闭（MSI Doctor 会完成这两步，并记住原来的设置）。',
    ),
    codes: [1603],
    causes: ['unknown', 'custom-action-failed'],
    docs: [DOCS.logging, DOCS.confidentialInfo],
  },
  {
    id: 'share-logs-unredacted',
    advice: localText(
      'Post the full verbose log on a forum so people can help.',
      '把完整的详细日志贴到论坛上，让别人帮忙看。',
    ),
    whyWrong: localText(
      'Installer logs contain your user name, computer name, folder paths and sometimes passwords or keys passed to the installer.',
      '安装日志中包含您的用户名、电脑名、文件夹路径，有时还有传给安装程序的密码或密钥。',
    ),
    instead: localText(
      "Share MSI Doctor's redacted report, or at least the lines around the failure after removing personal data.",
      '分享 MSI Doctor 生成的脱敏报告，或者至少只分享出错位置附近的几行，并删除个人信息。',
    ),
    codes: [1603, 1722, 1920],
    causes: ['custom-action-failed', 'service-start-failed', 'unknown'],
    docs: [DOCS.confidentialInfo],
  },
  {
    id: 'unreg-regserver-sfc',
    advice: localText(
      'Run "msiexec /unregister", "msiexec /regserver" and "sfc /scannow" to fix any installer error.',
      '运行 “msiexec /unregister”、“msiexec /regserver” 和 “sfc /scannow” 来解决各种安装错误。',
    ),
    whyWrong: localText(
      'Re-registering Windows Installer only helps when its service registration is actually damaged (error 1601/1719 with a missing or wrong service entry). For 2503, 1618 or 1603 it changes nothing, takes time, and a failed /regserver leaves you with no installer at all.',
      '重新注册 Windows Installer 只有在服务注册确实损坏时（1601/1719 错误且服务项缺失或错误）才有用。对 2503、1618 或 1603 毫无作用，还很耗时，而且 /regserver 一旦失败，您就完全没有安装程序可用了。',
    ),
    instead: localText(
      "Find the actual cause first (MSI Doctor's scan); re-register only when the scan shows the service registration is damaged.",
      '先找到真正的原因（用 MSI Doctor 扫描）；只有扫描显示服务注册损坏时才重新注册。',
    ),
    codes: [2503, 2502, 1618, 1603, 1601, 1719],
    causes: [
      'installer-folders-access',
      'another-install-in-progress',
      'custom-action-failed',
      'installer-service-unavailable',
    ],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'delete-pending-file-rename',
    advice: localText(
      'Delete the PendingFileRenameOperations registry value to clear "restart pending".',
      '删除注册表值 PendingFileRenameOperations 来清除“等待重启”状态。',
    ),
    whyWrong: localText(
      'That value lists files Windows must replace at the next start (often from an earlier installation or update). Deleting it leaves old and new files mixed, which breaks programs in ways that are hard to trace. Microsoft documents it as internal: do not change it.',
      '这个值列出了 Windows 下次启动时必须替换的文件（常常来自之前的安装或更新）。删掉它会导致新旧文件混杂，程序会以难以追查的方式出错。Microsoft 说明它仅供内部使用，不要修改。',
    ),
    instead: localText(
      'Restart the computer; the pending operations complete and the value clears itself.',
      '重新启动电脑；待处理的操作会完成，这个值也会自动清除。',
    ),
    codes: [1603, 3010, 1641],
    causes: ['pending-reboot', 'reboot-required-to-finish'],
    docs: [DOCS.pendMoves],
  },
  {
    id: 'info-1603-is-failure',
    advice: localText('The log says 1603, so that line is the failure.', '日志里出现了 1603，那一行就是失败原因。'),
    whyWrong: localText(
      '"Info 1603" in a log only says a file is in use (a restart will replace it). The fatal error 1603 is the exit code; its cause is just above the first "Return value 3".',
      '日志中的 “Info 1603” 只表示某个文件正被使用（重启后会被替换）。真正的严重错误 1603 是退出代码，它的原因在第一个 “Return value 3” 的上方。',
    ),
    instead: localText(
      'Let MSI Doctor read the log: it skips the informational lines and points at the action that failed.',
      '让 MSI Doctor 读取日志：它会跳过提示性的行，直接指出失败的操作。',
    ),
    codes: [1603],
    causes: ['files-in-use', 'custom-action-failed'],
    docs: [DOCS.rebootRequests],
  },
] satisfies readonly MythInfo[];

const BY_ID: ReadonlyMap<MythId, MythInfo> = new Map(MYTHS.map((m) => [m.id, m]));

export function mythInfo(id: MythId): MythInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown myth ${id}`);
  return info;
}

export function allMyths(): readonly MythInfo[] {
  return MYTHS;
}

export function isMythId(value: string): value is MythId {
  return (MYTH_IDS as readonly string[]).includes(value);
}

/** Myths to warn about for a path: the user's codes and the causes the findings name, in catalog order. */
export function mythsFor(codes: readonly number[], causes: readonly CauseId[]): MythId[] {
  return MYTHS.filter((m) => m.codes.some((c) => codes.includes(c)) || m.causes.some((c) => causes.includes(c))).map(
    (m) => m.id,
  );
}
