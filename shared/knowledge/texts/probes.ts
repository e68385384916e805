// en + zh-CN texts of the probes: each probe's name and every summary key a probe emits (probe.<id>.<variant>).
import type { TextTable } from '../local-text.ts';

export const PROBE_TEXTS = {
  // ------------------------------------------------------------ shared
  'probe.error': {
    en: 'This check could not be completed ({reason}).',
    'zh-CN': '这项检查未能完成（{reason}）。',
  },
  'probe.not-checked': {
    en: 'Not checked: this needs administrator rights, which were not granted.',
    'zh-CN': '未检查：这项检查需要管理员权限，但未获得授权。',
  },
  'probe.not-checked.powershell-constrained': {
    en: 'Not checked: PowerShell is restricted on this computer (Constrained Language).',
    'zh-CN': '未检查：这台电脑上的 PowerShell 受到限制（受约束的语言模式）。',
  },

  'probe.policies.registry-only': {
    en: 'The Windows Installer policies in the registry block nothing (Logging: {value}). AppLocker and Software Restriction Policies were not checked: PowerShell is restricted on this computer.',
    'zh-CN':
      '注册表中的 Windows Installer 策略没有阻止安装（日志：{value}）。未检查 AppLocker 和软件限制策略：这台电脑上的 PowerShell 受到限制。',
  },

  // ------------------------------------------------------------ installer-service
  'probe.installer-service.idle': {
    en: 'Windows Installer service is idle (stopped, starts when needed) — this is normal.',
    'zh-CN': 'Windows Installer 服务处于空闲状态（已停止，需要时会自动启动），这是正常的。',
  },
  'probe.installer-service.running': {
    en: 'Windows Installer service is running and not busy.',
    'zh-CN': 'Windows Installer 服务正在运行，当前没有在安装。',
  },
  'probe.installer-service.busy': {
    en: 'Windows Installer service is busy with an installation right now (process {pid}).',
    'zh-CN': 'Windows Installer 服务正在执行一项安装（进程 {pid}）。',
  },
  'probe.installer-service.disabled': {
    en: 'Windows Installer service is disabled, so no installation can run.',
    'zh-CN': 'Windows Installer 服务已被禁用，所以任何安装都无法进行。',
  },
  'probe.installer-service.missing': {
    en: 'Windows Installer service is not registered (or its settings are damaged).',
    'zh-CN': 'Windows Installer 服务没有注册（或者它的设置已损坏）。',
  },
  'probe.installer-service.msiexec-missing': {
    en: 'msiexec.exe is missing from the Windows system folder.',
    'zh-CN': 'Windows 系统文件夹中缺少 msiexec.exe。',
  },
  'probe.installer-service.bad-image-path': {
    en: 'Windows Installer service points to the wrong program: {imagePath}',
    'zh-CN': 'Windows Installer 服务指向了错误的程序：{imagePath}',
  },

  // ------------------------------------------------------------ install-in-progress
  'probe.install-in-progress.idle': {
    en: 'No other installation is running.',
    'zh-CN': '没有其他安装正在进行。',
  },
  'probe.install-in-progress.client-running': {
    en: 'Another installation has been running for {age} (process {pid}): {package}',
    'zh-CN': '另一个安装已经运行了 {age}（进程 {pid}）：{package}',
  },
  'probe.install-in-progress.background-install': {
    en: 'A background installation by Windows or your IT department is running (process {pid}, running for {age}): {package}',
    'zh-CN': 'Windows 或公司 IT 正在后台进行安装（进程 {pid}，已运行 {age}）：{package}',
  },
  'probe.install-in-progress.busy': {
    en: 'Windows Installer is busy with another installation.',
    'zh-CN': 'Windows Installer 正忙于另一个安装。',
  },
  'probe.install-in-progress.busy-hidden': {
    en: 'Windows Installer is busy, but which program is installing can only be seen with administrator rights.',
    'zh-CN': 'Windows Installer 正忙，但需要管理员权限才能看到是哪个程序在安装。',
  },
  'probe.install-in-progress.busy-background': {
    en: 'Windows Installer is busy while Windows Update or management software is active ({services}).',
    'zh-CN': 'Windows Installer 正忙，同时 Windows 更新或管理软件正在运行（{services}）。',
  },
  'probe.install-in-progress.in-progress-key': {
    en: 'An earlier installation was left unfinished; Windows Installer may refuse new ones until it is rolled back or the computer restarts.',
    'zh-CN': '之前有一个安装没有完成；在它被回滚或电脑重启之前，Windows Installer 可能会拒绝新的安装。',
  },
  'probe.install-in-progress.background-active': {
    en: 'Windows Update or management software is active ({services}); it may start installations at any time.',
    'zh-CN': 'Windows 更新或管理软件正在运行（{services}），它随时可能开始安装。',
  },

  // ------------------------------------------------------------ pending-reboot
  'probe.pending-reboot.none': {
    en: 'No restart is pending.',
    'zh-CN': '没有待完成的重启。',
  },
  'probe.pending-reboot.pending': {
    en: 'A restart is pending: {marker} (signs found: {count}).',
    'zh-CN': '系统需要重启：{marker}（发现的迹象：{count}）。',
  },
  'probe.pending-reboot.msi-renames': {
    en: 'A restart is pending: files of an earlier installation wait for it to be replaced ({count}).',
    'zh-CN': '系统需要重启：之前某次安装的文件正在等待重启后被替换（{count} 个）。',
  },
  'probe.pending-reboot.renames-only_one': {
    en: '{count} file is waiting to be replaced at the next restart (usually harmless).',
    'zh-CN': '有 {count} 个文件等待在下次重启时替换（通常没有影响）。',
  },
  'probe.pending-reboot.renames-only_other': {
    en: '{count} files are waiting to be replaced at the next restart (usually harmless).',
    'zh-CN': '有 {count} 个文件等待在下次重启时替换（通常没有影响）。',
  },
  'probe.pending-reboot.post-reboot-reporting': {
    en: 'Windows Update has not yet reported the updates of the last restart; no new restart is needed for that.',
    'zh-CN': 'Windows 更新尚未报告上次重启安装的更新；不需要为此再次重启。',
  },

  // ------------------------------------------------------------ temp-folders
  'probe.temp-folders.ok': {
    en: 'Temporary folders are fine and writable.',
    'zh-CN': '临时文件夹正常，可以写入。',
  },
  'probe.temp-folders.ok-acl-unchecked': {
    en: 'Your temporary folder is fine; the permissions of C:\\Windows\\Temp need administrator rights to check.',
    'zh-CN': '您的临时文件夹正常；C:\\Windows\\Temp 的权限需要管理员权限才能检查。',
  },
  'probe.temp-folders.windows-temp-missing': {
    en: 'The Windows temporary folder {path} is missing.',
    'zh-CN': 'Windows 临时文件夹 {path} 不存在。',
  },
  'probe.temp-folders.windows-temp-not-folder': {
    en: '{path} is a file instead of a folder.',
    'zh-CN': '{path} 是一个文件，而不是文件夹。',
  },
  'probe.temp-folders.windows-temp-acl': {
    en: 'The permissions of {path} are wrong: ordinary users cannot create files there.',
    'zh-CN': '{path} 的权限不正确：普通用户无法在其中创建文件。',
  },
  'probe.temp-folders.windows-temp-over-permissive': {
    en: 'C:\\Windows\\Temp gives too many rights to ordinary users ({sids}); other programs could tamper with installers.',
    'zh-CN': 'C:\\Windows\\Temp 给了普通用户过多的权限（{sids}），其他程序可能借此篡改安装程序。',
  },
  'probe.temp-folders.installer-folder-missing': {
    en: 'The Windows Installer cache folder {path} is missing.',
    'zh-CN': 'Windows Installer 缓存文件夹 {path} 不存在。',
  },
  'probe.temp-folders.installer-folder-acl': {
    en: 'The Windows Installer cache folder {path} has the wrong owner or permissions (owner {owner}).',
    'zh-CN': 'Windows Installer 缓存文件夹 {path} 的所有者或权限不正确（所有者 {owner}）。',
  },
  'probe.temp-folders.user-temp-unset': {
    en: 'The {variable} setting is empty, so programs have no temporary folder.',
    'zh-CN': '{variable} 设置为空，程序没有可用的临时文件夹。',
  },
  'probe.temp-folders.user-temp-missing': {
    en: 'Your temporary folder does not exist ({variable} = {path}).',
    'zh-CN': '您的临时文件夹不存在（{variable} = {path}）。',
  },
  'probe.temp-folders.user-temp-not-folder': {
    en: 'Your temporary folder is a file, not a folder ({variable} = {path}).',
    'zh-CN': '您的临时文件夹是一个文件，而不是文件夹（{variable} = {path}）。',
  },
  'probe.temp-folders.user-temp-not-writable': {
    en: 'You cannot write to your temporary folder ({variable} = {path}, error {error}).',
    'zh-CN': '您无法写入自己的临时文件夹（{variable} = {path}，错误 {error}）。',
  },
  'probe.temp-folders.user-temp-not-local': {
    en: 'Your temporary folder is not on a local disk ({path}).',
    'zh-CN': '您的临时文件夹不在本地磁盘上（{path}）。',
  },
  'probe.temp-folders.user-temp-non-ascii': {
    en: 'Your temporary folder path contains non-English characters ({path}); some older installers cannot handle that.',
    'zh-CN': '您的临时文件夹路径中含有中文等非英文字符（{path}），一些较旧的安装程序无法处理。',
  },
  'probe.temp-folders.low-space': {
    en: 'Very little free disk space on {drives} (less than 1 GB).',
    'zh-CN': '{drives} 的可用空间很少（不足 1 GB）。',
  },

  // ------------------------------------------------------------ elevation
  'probe.elevation.elevated': {
    en: 'MSI Doctor runs with administrator rights.',
    'zh-CN': 'MSI Doctor 正在以管理员权限运行。',
  },
  'probe.elevation.admin-not-elevated': {
    en: 'You are an administrator, but programs start without administrator rights until you confirm a prompt (normal with UAC).',
    'zh-CN': '您是管理员，但程序在您确认提示之前不会获得管理员权限（开启 UAC 时这是正常的）。',
  },
  'probe.elevation.standard-user': {
    en: 'You are a standard user: installing for all users needs an administrator’s password.',
    'zh-CN': '您是标准用户：为所有用户安装软件需要管理员密码。',
  },
  'probe.elevation.uac-disabled': {
    en: 'User Account Control is turned off: every program runs with full rights. This is unsafe.',
    'zh-CN': '用户账户控制（UAC）已关闭：所有程序都以完全权限运行，这不安全。',
  },

  // ------------------------------------------------------------ policies
  'probe.policies.none': {
    en: 'No policy blocks installations.',
    'zh-CN': '没有阻止安装的策略。',
  },
  'probe.policies.logging-on': {
    en: 'No policy blocks installations; installer logging is on ({value}).',
    'zh-CN': '没有阻止安装的策略；安装日志记录已开启（{value}）。',
  },
  'probe.policies.msi-disabled-unmanaged': {
    en: 'A policy blocks installations that were not deployed by your IT department (DisableMSI = 1).',
    'zh-CN': '有策略阻止了非 IT 部门部署的安装（DisableMSI = 1）。',
  },
  'probe.policies.msi-disabled-always': {
    en: 'A policy turns Windows Installer off completely (DisableMSI = 2).',
    'zh-CN': '有策略完全关闭了 Windows Installer（DisableMSI = 2）。',
  },
  'probe.policies.always-install-elevated': {
    en: 'AlwaysInstallElevated is on: any user can run any installer with full system rights. This is a security hole.',
    'zh-CN': 'AlwaysInstallElevated 已开启：任何用户都能以最高系统权限运行任意安装程序，这是一个安全漏洞。',
  },
  'probe.policies.applocker-msi': {
    en: 'AppLocker rules for installers are enforced (rules: {rules}); they may block this package.',
    'zh-CN': '已启用针对安装程序的 AppLocker 规则（{rules} 条），可能会阻止这个安装包。',
  },
  'probe.policies.user-installs-disabled': {
    en: 'A policy forbids installations for the current user only (DisableUserInstalls).',
    'zh-CN': '有策略禁止仅为当前用户安装（DisableUserInstalls）。',
  },
  'probe.policies.srp-disallowed': {
    en: 'Software restriction policies block programs by default.',
    'zh-CN': '软件限制策略默认阻止程序运行。',
  },

  // ------------------------------------------------------------ installer-events
  'probe.installer-events.none': {
    en: 'No installer events in the last {days} days.',
    'zh-CN': '最近 {days} 天没有安装事件。',
  },
  'probe.installer-events.no-failures_one': {
    en: '{count} installer event in the last {days} days, no failures.',
    'zh-CN': '最近 {days} 天有 {count} 条安装事件，没有失败。',
  },
  'probe.installer-events.no-failures_other': {
    en: '{count} installer events in the last {days} days, no failures.',
    'zh-CN': '最近 {days} 天有 {count} 条安装事件，没有失败。',
  },
  'probe.installer-events.failures': {
    en: '{count} failed installer events recently; the latest: {product} (code {code}).',
    'zh-CN': '最近有 {count} 条安装失败事件；最新一条：{product}（代码 {code}）。',
  },

  // ------------------------------------------------------------ recent-logs
  'probe.recent-logs.none': {
    en: 'No installer logs from the last {days} days were found.',
    'zh-CN': '没有找到最近 {days} 天的安装日志。',
  },
  'probe.recent-logs.found_one': {
    en: '{count} recent installer log found; newest: {newest}',
    'zh-CN': '找到 {count} 个最近的安装日志；最新的是：{newest}',
  },
  'probe.recent-logs.found_other': {
    en: '{count} recent installer logs found; newest: {newest}',
    'zh-CN': '找到 {count} 个最近的安装日志；最新的是：{newest}',
  },

  // ------------------------------------------------------------ deployment-logs
  'probe.deployment-logs.none': {
    en: 'No Configuration Manager, Intune or PSAppDeployToolkit logs from the last {days} days on this computer.',
    'zh-CN': '这台电脑上没有最近 {days} 天的 Configuration Manager、Intune 或 PSAppDeployToolkit 日志。',
  },
  'probe.deployment-logs.found_one': {
    en: '{count} deployment log from the last {days} days ({tools}); newest: {newest}',
    'zh-CN': '找到 {count} 个最近 {days} 天的部署日志（{tools}）；最新的是：{newest}',
  },
  'probe.deployment-logs.found_other': {
    en: '{count} deployment logs from the last {days} days ({tools}); newest: {newest}',
    'zh-CN': '找到 {count} 个最近 {days} 天的部署日志（{tools}）；最新的是：{newest}',
  },

  // ------------------------------------------------------------ installed-products
  'probe.scope.machine': { en: 'for all users', 'zh-CN': '为所有用户' },
  'probe.scope.user': { en: 'for this user only', 'zh-CN': '仅为当前用户' },
  'probe.installed-products.not-installed': {
    en: '{product} is not installed yet.',
    'zh-CN': '{product} 尚未安装。',
  },
  'probe.installed-products.same-installed': {
    en: '{product} version {version} is already installed ({scope}).',
    'zh-CN': '{product} {version} 版本已经安装（{scope}）。',
  },
  'probe.installed-products.newer-installed': {
    en: 'A newer version of {product} is installed ({installed}); this package is {package}.',
    'zh-CN': '已安装较新版本的 {product}（{installed}），而这个安装包是 {package}。',
  },
  'probe.installed-products.other-version-installed': {
    en: 'Another version of {product} is installed ({installed}); this package is {package}.',
    'zh-CN': '已安装 {product} 的另一个版本（{installed}），而这个安装包是 {package}。',
  },
  'probe.installed-products.older-installed': {
    en: 'An older version of {product} is installed ({installed}); this package should upgrade it.',
    'zh-CN': '已安装较旧版本的 {product}（{installed}），这个安装包应当会升级它。',
  },
  'probe.installed-products.package-unreadable': {
    en: 'The package {path} could not be read (error {error}).',
    'zh-CN': '无法读取安装包 {path}（错误 {error}）。',
  },
  // ------------------------------------------------------------ path-environment probe
  'probe.path-environment.works': {
    en: '{product} works in a new terminal: "{command}" answers {version}.',
    'zh-CN': '{product} 在新终端中可以运行：“{command}” 返回 {version}。',
  },
  'probe.path-environment.none': {
    en: 'None of the products MSI Doctor knows (Go, Node.js, Python, Git, PowerShell 7, .NET SDK, Java, 7-Zip) is installed.',
    'zh-CN': '没有安装 MSI Doctor 认识的产品（Go、Node.js、Python、Git、PowerShell 7、.NET SDK、Java、7-Zip）。',
  },
  'probe.path-environment.new-terminal': {
    en: '{product} is installed and a new terminal finds it ("{command}" answers {version}), but terminals and editors opened before the install still use the old PATH: close them and open a new one.',
    'zh-CN':
      '{product} 已安装，新终端可以找到它（“{command}” 返回 {version}），但安装之前打开的终端和编辑器仍在使用旧的 PATH：请关闭它们并打开一个新的终端。',
  },
  'probe.path-environment.not-on-path': {
    en: '{product} is installed in {folder}, but that folder is not in your PATH: "{command}" is not found, even in a new terminal.',
    'zh-CN': '{product} 已安装在 {folder}，但该文件夹不在您的 PATH 中：即使在新终端中也找不到 “{command}”。',
  },
  'probe.path-environment.shadowed': {
    en: 'A new terminal runs another copy of {product} from {shadow} (it answers {version}), not the installed {installed} in {folder}: an older folder comes earlier in PATH.',
    'zh-CN':
      '新终端运行的是 {shadow} 中的另一份 {product}（返回 {version}），而不是安装在 {folder} 的 {installed}：PATH 中较早的位置有一个旧文件夹。',
  },
  'probe.path-environment.not-broadcast': {
    en: 'PATH in the registry leads to {product} in {folder}, but Windows Explorer\'s own PATH does not: the change was written without telling Windows, so terminals opened from the Start menu do not find "{command}" yet. MSI Doctor can announce the change (no administrator needed); signing out and back in also works.',
    'zh-CN':
      '注册表中的 PATH 指向 {folder} 中的 {product}，但 Windows 资源管理器自己的 PATH 没有：更改写入时没有通知 Windows，所以从“开始”菜单打开的终端暂时还找不到 “{command}”。MSI Doctor 可以通知这一更改（不需要管理员权限）；注销后重新登录也可以。',
  },
  'probe.path-environment.store-alias': {
    en: "A new terminal runs the Microsoft Store's placeholder python.exe from {shadow}, not {product} installed in {folder}: turn off the python.exe aliases in Settings > Apps > App execution aliases, or put {folder} before {shadow} in PATH.",
    'zh-CN':
      '新终端运行的是 {shadow} 中 Microsoft Store 的占位程序 python.exe，而不是安装在 {folder} 的 {product}：请在“设置 > 应用 > 应用执行别名”中关闭 python.exe 别名，或者在 PATH 中把 {folder} 放到 {shadow} 之前。',
  },
  'probe.path-environment.past-limit': {
    en: "{product}'s folder {folder} is in PATH, but past the length Windows builds PATH with: a new terminal does not search it.",
    'zh-CN': '{product} 的文件夹 {folder} 在 PATH 中，但位于 Windows 构建 PATH 时的长度上限之后：新终端不会搜索它。',
  },
  'probe.path-environment.fails': {
    en: 'A new terminal finds {product}, but "{command}" does not print its version: the program does not start correctly.',
    'zh-CN': '新终端可以找到 {product}，但 “{command}” 没有输出版本：该程序无法正常启动。',
  },
  'probe.path-environment.not-registered': {
    en: '{product} is listed in Add/Remove Programs, but Windows Installer does not have it installed: its registration is incomplete. Repair or reinstall it from its installer.',
    'zh-CN':
      '{product} 出现在“添加/删除程序”中，但 Windows Installer 中并没有安装它：它的注册信息不完整。请用它的安装程序修复或重新安装。',
  },
  'probe.path-environment.missing-files': {
    en: '{product} is registered as installed, but its program was not found in {folder} or in PATH: repair or reinstall it.',
    'zh-CN': '{product} 登记为已安装，但在 {folder} 和 PATH 中都找不到它的程序：请修复或重新安装它。',
  },
  'probe.path-environment.over-limit': {
    en: 'PATH is {length} characters long; Windows builds it reliably only up to {limit}: the entries at its end may not be found.',
    'zh-CN': 'PATH 长度为 {length} 个字符；Windows 只能可靠地处理 {limit} 个字符以内的 PATH：末尾的条目可能找不到。',
  },
  // ------------------------------------------------------------ other-user-path probe
  'probe.other-user-path.found': {
    en: "The PATH entry {folder} is in another account's settings ({profile}): the install ran as that administrator, so only that account finds the program.",
    'zh-CN':
      'PATH 条目 {folder} 位于另一个账户的设置中（{profile}）：安装是以该管理员身份运行的，所以只有该账户能找到这个程序。',
  },
  'probe.other-user-path.none_one': {
    en: "No other account's PATH holds an installed product ({count} other account checked).",
    'zh-CN': '其他账户的 PATH 中没有已安装的产品（检查了 {count} 个其他账户）。',
  },
  'probe.other-user-path.none_other': {
    en: "No other account's PATH holds an installed product ({count} other accounts checked).",
    'zh-CN': '其他账户的 PATH 中没有已安装的产品（检查了 {count} 个其他账户）。',
  },
} satisfies TextTable;

export type ProbeTextKey = keyof typeof PROBE_TEXTS;
