// Facts the diagnosis rules cite: one sentence each (en + zh-CN, with {placeholders}), keyed by id, tied to a probe or a log.
import type { ProbeId } from '../contract/ids.ts';
import type { LocalText } from './local-text.ts';

/** 'scan': about the scan itself (what could not be checked). */
export type FactSource = ProbeId | 'log' | 'symptom' | 'scan';

export interface FactInfo {
  source: FactSource;
  text: LocalText;
}

function factEntry(source: FactSource, en: string, zh: string): FactInfo {
  return { source, text: { en, 'zh-CN': zh } };
}

/** Text key of a fact: `fact.<id>` (what Finding.reasons carry). */
export function factKey(id: FactId): string {
  return `fact.${id}`;
}

export const FACTS = {
  // path-environment, other-user-path (after the install)
  'path-not-on-path': factEntry(
    'path-environment',
    '{product} is installed in {folder}, but no PATH entry leads to it: "{command}" is not found in a new terminal.',
    '{product} 已安装在 {folder}，但没有任何 PATH 条目指向它：在新终端中找不到 “{command}”。',
  ),
  'path-past-limit': factEntry(
    'path-environment',
    'The PATH entry {folder} comes after the first {limit} characters of PATH ({length} in all): Windows does not search it.',
    'PATH 条目 {folder} 位于 PATH 的前 {limit} 个字符之后（总长 {length}）：Windows 不会搜索它。',
  ),
  'path-other-account': factEntry(
    'other-user-path',
    'The PATH entry {folder} was written into another account ({profile}): the install ran as that administrator.',
    'PATH 条目 {folder} 被写入了另一个账户（{profile}）：安装是以该管理员身份运行的。',
  ),
  'path-shadowed': factEntry(
    'path-environment',
    '"{command}" runs the copy in {shadow} ({version}), which comes before the installed {installed} in {folder}.',
    '“{command}” 运行的是 {shadow} 中的副本（{version}），它排在 {folder} 中已安装的 {installed} 之前。',
  ),
  'path-not-broadcast': factEntry(
    'path-environment',
    "The registry's PATH leads to {folder}; the PATH Windows Explorer hands new terminals does not.",
    '注册表中的 PATH 包含 {folder}；Windows 资源管理器交给新终端的 PATH 不包含。',
  ),
  'path-store-alias': factEntry(
    'path-environment',
    '"{command}" runs the Microsoft Store\'s placeholder in {shadow}, which comes before the installed {product} in {folder}.',
    '“{command}” 运行的是 {shadow} 中 Microsoft Store 的占位程序，它排在 {folder} 中已安装的 {product} 之前。',
  ),
  'path-works-new-terminal': factEntry(
    'path-environment',
    '"{command}" answers {version} in a new terminal.',
    '“{command}” 在新终端中返回 {version}。',
  ),
  // installer-service
  'service-disabled': factEntry(
    'installer-service',
    'The Windows Installer service is disabled (startup type: Disabled).',
    'Windows Installer 服务已被禁用（启动类型：禁用）。',
  ),
  'service-registration-missing': factEntry(
    'installer-service',
    'The Windows Installer service is not registered: its service entry is missing or damaged.',
    'Windows Installer 服务未注册：它的服务项缺失或已损坏。',
  ),
  'service-image-path-wrong': factEntry(
    'installer-service',
    'The Windows Installer service points at "{imagePath}" instead of msiexec.exe /V.',
    'Windows Installer 服务指向的是 “{imagePath}”，而不是 msiexec.exe /V。',
  ),
  'msiexec-missing': factEntry(
    'installer-service',
    'msiexec.exe is missing from System32.',
    'System32 中缺少 msiexec.exe。',
  ),
  'service-idle-normal': factEntry(
    'installer-service',
    'The Windows Installer service is stopped with startup type Manual: that is its normal idle state.',
    'Windows Installer 服务处于停止状态、启动类型为“手动”：这是它正常的空闲状态。',
  ),
  'service-busy': factEntry(
    'installer-service',
    'The Windows Installer service is running an installation right now.',
    'Windows Installer 服务此刻正在执行一个安装。',
  ),
  // install-in-progress
  'mutex-busy': factEntry(
    'install-in-progress',
    'The Windows Installer lock (_MSIExecute) is held: an installation is running.',
    'Windows Installer 的锁（_MSIExecute）已被占用：有一个安装正在运行。',
  ),
  'mutex-free': factEntry(
    'install-in-progress',
    'No installation holds the Windows Installer lock right now.',
    '目前没有任何安装占用 Windows Installer 的锁。',
  ),
  'client-install-running': factEntry(
    'install-in-progress',
    '{package} has been running for {age} (msiexec process {pid}).',
    '{package} 已经运行了 {age}（msiexec 进程 {pid}）。',
  ),
  'client-install-hidden': factEntry(
    'install-in-progress',
    'Installer processes (msiexec) that could not be inspected without administrator rights: {count}.',
    '有 {count} 个 msiexec 进程在没有管理员权限时无法查看详情。',
  ),
  'in-progress-key': factEntry(
    'install-in-progress',
    'Windows records an unfinished installation (the Installer\\InProgress key exists).',
    'Windows 记录了一个未完成的安装（存在 Installer\\InProgress 注册表项）。',
  ),
  'unmatched-transaction': factEntry(
    'install-in-progress',
    'An installation started at {time} ({package}) has not ended.',
    '一个在 {time} 开始的安装（{package}）还没有结束。',
  ),
  'windows-update-active': factEntry(
    'install-in-progress',
    'Windows Update or Windows servicing is active ({name}).',
    'Windows 更新或 Windows 系统维护正在运行（{name}）。',
  ),
  'deployment-agent-active': factEntry(
    'install-in-progress',
    "Your organisation's software deployment agent is running ({name}).",
    '单位的软件分发代理正在运行（{name}）。',
  ),
  // pending-reboot
  'reboot-pending': factEntry(
    'pending-reboot',
    'A restart is pending: {marker} (signs found: {count}).',
    '有待完成的重启：{marker}（发现的迹象：{count}）。',
  ),
  'msi-file-renames': factEntry(
    'pending-reboot',
    'Files of an earlier installation that wait for a restart to be replaced: {count}.',
    '之前某次安装的 {count} 个文件正在等待重启后被替换。',
  ),
  'no-reboot-pending': factEntry('pending-reboot', 'No restart is pending.', '没有待完成的重启。'),
  // temp-folders
  'windows-temp-missing': factEntry(
    'temp-folders',
    'C:\\Windows\\Temp does not exist or is not a folder.',
    'C:\\Windows\\Temp 不存在，或者它不是一个文件夹。',
  ),
  'windows-temp-users-cannot-create': factEntry(
    'temp-folders',
    'C:\\Windows\\Temp does not let Users create files, which Windows Installer needs.',
    'C:\\Windows\\Temp 不允许 Users 创建文件，而 Windows Installer 需要这样做。',
  ),
  'windows-temp-deny': factEntry(
    'temp-folders',
    'C:\\Windows\\Temp has a deny entry for {sid}.',
    'C:\\Windows\\Temp 对 {sid} 设置了“拒绝”权限。',
  ),
  'windows-temp-missing-defaults': factEntry(
    'temp-folders',
    'C:\\Windows\\Temp lacks its default permission entries for {sids}.',
    'C:\\Windows\\Temp 缺少针对 {sids} 的默认权限项。',
  ),
  'windows-temp-over-permissive': factEntry(
    'temp-folders',
    'C:\\Windows\\Temp gives write or full control to {sids}: any user could plant files that SYSTEM installers run.',
    'C:\\Windows\\Temp 给 {sids} 授予了写入或完全控制权限：任何用户都可以放入将由 SYSTEM 安装程序执行的文件。',
  ),
  'windows-temp-ok': factEntry(
    'temp-folders',
    'C:\\Windows\\Temp exists and has its default permissions.',
    'C:\\Windows\\Temp 存在，权限为默认设置。',
  ),
  'user-temp-missing': factEntry(
    'temp-folders',
    'Your TEMP folder "{path}" does not exist.',
    '您的 TEMP 文件夹 “{path}” 不存在。',
  ),
  'user-temp-not-writable': factEntry(
    'temp-folders',
    'Your TEMP folder "{path}" cannot be written to.',
    '您的 TEMP 文件夹 “{path}” 无法写入。',
  ),
  'user-temp-not-local': factEntry(
    'temp-folders',
    'Your TEMP folder "{path}" is not on a local drive.',
    '您的 TEMP 文件夹 “{path}” 不在本地磁盘上。',
  ),
  'user-temp-ok': factEntry('temp-folders', 'Your TEMP folder exists and is writable.', '您的 TEMP 文件夹存在且可写。'),
  'installer-folder-missing': factEntry(
    'temp-folders',
    'C:\\Windows\\Installer is missing.',
    'C:\\Windows\\Installer 不存在。',
  ),
  'installer-folder-owner': factEntry(
    'temp-folders',
    'C:\\Windows\\Installer is owned by {owner}, not by SYSTEM or Administrators.',
    'C:\\Windows\\Installer 的所有者是 {owner}，而不是 SYSTEM 或 Administrators。',
  ),
  'installer-folder-system-access': factEntry(
    'temp-folders',
    'SYSTEM does not have full control of C:\\Windows\\Installer.',
    'SYSTEM 对 C:\\Windows\\Installer 没有完全控制权限。',
  ),
  'low-disk-space': factEntry(
    'temp-folders',
    'Drive {drives} has less than 1 GB free.',
    '磁盘 {drives} 的可用空间不足 1 GB。',
  ),
  'temp-acl-not-checked': factEntry(
    'temp-folders',
    'The permissions of C:\\Windows\\Temp could not be read without administrator rights.',
    '没有管理员权限，无法读取 C:\\Windows\\Temp 的权限设置。',
  ),
  // elevation
  'not-elevated': factEntry(
    'elevation',
    'Programs you start (including installers) run without administrator rights until you approve a UAC prompt.',
    '您启动的程序（包括安装程序）在您确认 UAC 提示之前都没有管理员权限。',
  ),
  'standard-user': factEntry(
    'elevation',
    "Your account is not an administrator: per-machine installs need an administrator's approval.",
    '您的账户不是管理员：面向整台电脑的安装需要管理员批准。',
  ),
  elevated: factEntry('elevation', 'This session runs with administrator rights.', '当前会话拥有管理员权限。'),
  // policies
  'always-install-elevated': factEntry(
    'policies',
    'AlwaysInstallElevated is on in both HKLM and HKCU: every .msi any user runs gets full system rights.',
    'AlwaysInstallElevated 在 HKLM 和 HKCU 中都已开启：任何用户运行的任何 .msi 都会获得系统最高权限。',
  ),
  'disable-msi': factEntry(
    'policies',
    'The DisableMSI policy is {value}: Windows Installer is blocked for {scope}.',
    'DisableMSI 策略的值为 {value}：Windows Installer 对{scope}被阻止。',
  ),
  'disable-user-installs': factEntry(
    'policies',
    'The DisableUserInstalls policy blocks per-user installations.',
    'DisableUserInstalls 策略阻止了按用户安装。',
  ),
  'applocker-msi': factEntry(
    'policies',
    'AppLocker enforces Windows Installer rules ({count}): packages they do not allow are blocked.',
    'AppLocker 正在执行 {count} 条 Windows Installer 规则：不被规则允许的安装包会被阻止。',
  ),
  'safer-configured': factEntry(
    'policies',
    'Software Restriction Policies are configured on this computer.',
    '这台电脑配置了软件限制策略。',
  ),
  'no-blocking-policy': factEntry(
    'policies',
    'No policy blocks Windows Installer on this computer.',
    '这台电脑上没有阻止 Windows Installer 的策略。',
  ),
  'logging-policy-on': factEntry(
    'policies',
    'The Windows Installer logging policy is on ("{value}"): logs are written for every installation.',
    'Windows Installer 日志策略已开启（“{value}”）：每次安装都会写日志。',
  ),
  // installer-events
  'event-failure': factEntry(
    'installer-events',
    'Windows recorded a failed installation of {product} at {time} (code {code}).',
    'Windows 记录了 {product} 在 {time} 的一次安装失败（代码 {code}）。',
  ),
  'event-message': factEntry(
    'installer-events',
    'The event log shows Windows Installer error {code} at {time}.',
    '事件日志显示在 {time} 出现了 Windows Installer 错误 {code}。',
  ),
  'event-file-in-use': factEntry(
    'installer-events',
    'The event log shows files in use during an installation at {time}.',
    '事件日志显示在 {time} 的安装过程中有文件正被使用。',
  ),
  'event-blocked-by-policy': factEntry(
    'installer-events',
    'The event log shows an installation blocked by policy at {time}.',
    '事件日志显示在 {time} 有一次安装被策略阻止。',
  ),
  'event-server-connect-failed': factEntry(
    'installer-events',
    'The event log shows the installer could not connect to the Windows Installer service at {time}.',
    '事件日志显示在 {time} 安装程序无法连接到 Windows Installer 服务。',
  ),
  // installed-products
  'same-version-installed': factEntry(
    'installed-products',
    '{name} {version} is already installed.',
    '{name} {version} 已经安装。',
  ),
  'newer-version-installed': factEntry(
    'installed-products',
    'A newer version of {name} ({version}) is installed.',
    '已安装了 {name} 的更新版本（{version}）。',
  ),
  'other-version-installed': factEntry(
    'installed-products',
    'Another version of {name} ({version}) is installed.',
    '已安装了 {name} 的另一个版本（{version}）。',
  ),
  'package-per-machine': factEntry(
    'installed-products',
    '{name} installs for all users of the computer (ALLUSERS={value}), which needs administrator rights.',
    '{name} 是为这台电脑所有用户安装的（ALLUSERS={value}），需要管理员权限。',
  ),
  'package-custom-action': factEntry(
    'installed-products',
    'In the package, {action} is: {description}.',
    '在安装包中，{action} 是：{description}。',
  ),
  'package-finding': factEntry('installed-products', 'The package itself: {title}.', '安装包本身：{title}。'),
  'package-unreadable': factEntry(
    'installed-products',
    'The .msi could not be read: {error}',
    '无法读取该 .msi：{error}',
  ),
  // logs
  'log-cause': factEntry(
    'log',
    'The log {file} points to this cause (line {line}).',
    '日志 {file} 指向这个原因（第 {line} 行）。',
  ),
  'log-failed-action': factEntry(
    'log',
    'The action {action} failed in {file} (line {line}).',
    '在 {file} 中，操作 {action} 失败了（第 {line} 行）。',
  ),
  'log-error-line': factEntry('log', 'Line {line}: {text}', '第 {line} 行：{text}'),
  'recent-log-hint': factEntry(
    'recent-logs',
    'A recent installer log ({file}, {time}) points to this cause.',
    '最近的一个安装日志（{file}，{time}）指向这个原因。',
  ),
  'log-exit-code': factEntry(
    'log',
    'The log {file} ends with exit code {code}.',
    '日志 {file} 以退出代码 {code} 结束。',
  ),
  'log-success': factEntry('log', 'The log {file} shows a successful installation.', '日志 {file} 显示安装成功。'),
  'log-reason': factEntry(
    'log',
    'In its own words ({file}, line {line}): “{text}”',
    '原话（{file} 第 {line} 行）：“{text}”',
  ),
  'log-old-product': factEntry(
    'log',
    'The upgrade could not remove the older version {product}: Windows needs that version\'s original .msi to remove it. Recache it with msiexec /fv "old-version.msi" (the same version), then run the upgrade again; do not delete its registry keys or files in C:\\Windows\\Installer.',
    '这次升级无法卸载旧版本 {product}：Windows 需要该版本当初的 .msi 才能卸载它。请用 msiexec /fv "旧版本.msi"（同一版本）重新缓存它，然后再运行升级；不要删除它的注册表项或 C:\\Windows\\Installer 中的文件。',
  ),
  'log-burn-package': factEntry(
    'log',
    "The bundle's package {package} failed (log {file}).",
    '安装套件中的程序包 {package} 失败了（日志 {file}）。',
  ),
  // any probe
  'probe-not-checked': factEntry(
    'scan',
    'Could not be checked: {probe} (administrator rights were declined, or the check failed).',
    '无法检查：{probe}（未获得管理员权限，或检查失败）。',
  ),
  // symptom
  'symptom-code': factEntry('symptom', 'The error you saw: {code}, {title}.', '您遇到的错误：{code}，{title}。'),
} satisfies Record<string, FactInfo>;

export type FactId = keyof typeof FACTS;

export function isFactId(value: string): value is FactId {
  return Object.hasOwn(FACTS, value);
}
