// The answer's one sentence per fact: what is wrong on this machine, named specifically (the process, the folder,
// the policy, the marker), with the fact's own params. Used as Finding.headline when no rule gives a better one.
import type { TextRef } from '../contract/evidence.ts';
import type { LocalText, TextTable } from './local-text.ts';
import type { FactId } from './facts.ts';
import { headlineKey } from './headline-keys.ts';

function h(en: string, zh: string): LocalText {
  return { en, 'zh-CN': zh };
}

/**
 * A fact that names what is wrong here gets a headline. It uses only the params its fact's sentence has, so a rule
 * that gives the fact gives its headline too. Facts that only describe (an event, "checked and fine") have none.
 */
export const HEADLINES: Partial<Record<FactId, LocalText>> = {
  // install-in-progress (1618)
  'client-install-running': h(
    'Another installation is blocking yours: msiexec.exe (process {pid}) has been running {package} for {age}.',
    '另一个安装挡住了您的安装：msiexec.exe（进程 {pid}）运行 {package} 已经 {age}了。',
  ),
  'deployment-agent-active': h(
    "Your organisation's deployment agent ({name}) is installing software right now, and Windows Installer runs one installation at a time.",
    '单位的软件分发代理（{name}）此刻正在安装软件，而 Windows Installer 一次只能运行一个安装。',
  ),
  'windows-update-active': h(
    'Windows Update is installing right now ({name}), and Windows Installer runs one installation at a time: yours has to wait until it finishes.',
    'Windows 更新此刻正在安装（{name}），而 Windows Installer 一次只能运行一个安装：您的安装需要等它完成。',
  ),
  'mutex-busy': h(
    'Another installation holds the Windows Installer lock right now, so Windows refuses to start yours.',
    '另一个安装此刻占用着 Windows Installer 的锁，所以 Windows 拒绝启动您的安装。',
  ),
  'service-busy': h(
    'The Windows Installer service is busy with another installation right now, so yours cannot start.',
    'Windows Installer 服务此刻正忙于另一个安装，所以您的安装无法开始。',
  ),
  'unmatched-transaction': h(
    'An installation that started at {time} ({package}) never finished, and Windows may still count it as running.',
    '一个在 {time} 开始的安装（{package}）一直没有结束，Windows 可能仍把它当作正在运行。',
  ),
  'in-progress-key': h(
    'Windows still marks an earlier installation as unfinished (the Installer\\InProgress key), which blocks new ones until a restart.',
    'Windows 仍把之前的一个安装标记为未完成（Installer\\InProgress 注册表项），在重启之前它会挡住新的安装。',
  ),
  // pending-reboot
  'reboot-pending': h(
    'Windows is waiting for a restart: {marker}. Installations can fail until the computer has restarted.',
    'Windows 正在等待重启：{marker}。在电脑重启之前，安装可能会失败。',
  ),
  'msi-file-renames': h(
    'An earlier installation left files that Windows replaces only at the next restart (files waiting: {count}): restart before installing again.',
    '之前的一次安装留下了只有在下次重启时才会被替换的文件（等待中的文件：{count}）：请先重启，再重新安装。',
  ),
  // temp-folders (2503/2502)
  'windows-temp-missing': h(
    'C:\\Windows\\Temp, the folder Windows Installer works in, is missing, so the install script cannot run.',
    'Windows Installer 工作用的文件夹 C:\\Windows\\Temp 不存在，所以安装脚本无法运行。',
  ),
  'windows-temp-users-cannot-create': h(
    'The permissions of C:\\Windows\\Temp were changed: standard users (Users) can no longer create files in it, so Windows Installer cannot run the install script.',
    'C:\\Windows\\Temp 的权限被改过：普通用户（Users）不能再在其中创建文件，所以 Windows Installer 无法运行安装脚本。',
  ),
  'windows-temp-deny': h(
    'C:\\Windows\\Temp has a Deny permission entry for {sid}, which stops Windows Installer from working in it.',
    'C:\\Windows\\Temp 对 {sid} 设置了“拒绝”权限项，这会让 Windows Installer 无法在其中工作。',
  ),
  'windows-temp-missing-defaults': h(
    'C:\\Windows\\Temp lacks its default permission entries for {sids}, so Windows Installer may not be able to work in it.',
    'C:\\Windows\\Temp 缺少针对 {sids} 的默认权限项，Windows Installer 可能无法在其中工作。',
  ),
  'windows-temp-over-permissive': h(
    'C:\\Windows\\Temp lets {sids} write or take full control: any program could plant files that installers running as SYSTEM execute.',
    'C:\\Windows\\Temp 允许 {sids} 写入或完全控制：任何程序都可以放入由以 SYSTEM 身份运行的安装程序执行的文件。',
  ),
  'user-temp-missing': h(
    'Your TEMP folder "{path}" does not exist, so installers have nowhere to unpack their files.',
    '您的 TEMP 文件夹 “{path}” 不存在，所以安装程序无处解压它们的文件。',
  ),
  'user-temp-not-writable': h(
    'You cannot write to your own TEMP folder "{path}" any more (its permissions were changed), so installers cannot unpack their files.',
    '您已无法写入自己的 TEMP 文件夹 “{path}”（它的权限被改过），所以安装程序无法解压它们的文件。',
  ),
  'user-temp-not-local': h(
    'Your TEMP folder "{path}" is not on a local drive, and Windows Installer needs a local one.',
    '您的 TEMP 文件夹 “{path}” 不在本地磁盘上，而 Windows Installer 需要本地文件夹。',
  ),
  'installer-folder-missing': h(
    'C:\\Windows\\Installer, where Windows keeps the package of every installed program, is missing.',
    'Windows 用来保存每个已安装程序的安装包的 C:\\Windows\\Installer 文件夹不存在。',
  ),
  'installer-folder-owner': h(
    'C:\\Windows\\Installer is owned by {owner} instead of SYSTEM or Administrators, so Windows Installer cannot manage it.',
    'C:\\Windows\\Installer 的所有者是 {owner}，而不是 SYSTEM 或 Administrators，所以 Windows Installer 无法管理它。',
  ),
  'installer-folder-system-access': h(
    'SYSTEM lost full control of C:\\Windows\\Installer, so Windows Installer cannot store or read packages there.',
    'SYSTEM 失去了对 C:\\Windows\\Installer 的完全控制权限，所以 Windows Installer 无法在其中保存或读取安装包。',
  ),
  'low-disk-space': h(
    'Drive {drives} has less than 1 GB free: not enough room for the installation and its rollback files.',
    '磁盘 {drives} 的可用空间不足 1 GB：放不下安装文件和它的回滚文件。',
  ),
  // elevation, installed-products
  'standard-user': h(
    "Your account is not an administrator, and this installation needs an administrator's approval.",
    '您的账户不是管理员，而这次安装需要管理员批准。',
  ),
  'package-per-machine': h(
    '{name} installs for all users of this computer (ALLUSERS={value}), which needs administrator rights, and it was started without them.',
    '{name} 是为这台电脑所有用户安装的（ALLUSERS={value}），需要管理员权限，而它是在没有管理员权限的情况下启动的。',
  ),
  'same-version-installed': h(
    '{name} {version} is already installed, so Windows Installer does not install the same version again.',
    '{name} {version} 已经安装，所以 Windows Installer 不会再次安装同一版本。',
  ),
  'newer-version-installed': h(
    'A newer version of {name} ({version}) is already installed, and this package does not replace it with an older one.',
    '已安装了 {name} 的更新版本（{version}），这个安装包不会用旧版本替换它。',
  ),
  'package-unreadable': h('The .msi could not be read: {error}', '无法读取该 .msi：{error}'),
  // installer-service
  'service-disabled': h(
    'The Windows Installer service is disabled (startup type: Disabled; now {state}), so no package can install until its startup type is Manual again.',
    'Windows Installer 服务已被禁用（启动类型：禁用；当前{state}），在启动类型改回“手动”之前，任何安装包都无法安装。',
  ),
  'service-registration-missing': h(
    'The Windows Installer service is not registered (its service entry is missing or damaged), so Windows cannot start it.',
    'Windows Installer 服务未注册（它的服务项缺失或已损坏），所以 Windows 无法启动它。',
  ),
  'service-image-path-wrong': h(
    'The Windows Installer service starts "{imagePath}" instead of msiexec.exe /V, so installations cannot reach it.',
    'Windows Installer 服务启动的是 “{imagePath}”，而不是 msiexec.exe /V，所以安装无法连接到它。',
  ),
  'msiexec-missing': h(
    'msiexec.exe, the Windows Installer program, is missing from C:\\Windows\\System32.',
    'Windows Installer 程序 msiexec.exe 不在 C:\\Windows\\System32 中。',
  ),
  // policies
  'always-install-elevated': h(
    'AlwaysInstallElevated is on in both HKLM and HKCU: any user can run any .msi with full system rights.',
    'AlwaysInstallElevated 在 HKLM 和 HKCU 中都已开启：任何用户都能以系统最高权限运行任何 .msi。',
  ),
  'disable-msi': h(
    'The DisableMSI policy (value {value}) blocks Windows Installer for {scope} on this computer.',
    'DisableMSI 策略（值为 {value}）在这台电脑上对{scope}阻止了 Windows Installer。',
  ),
  'disable-user-installs': h(
    'The DisableUserInstalls policy blocks installations for a single user on this computer.',
    'DisableUserInstalls 策略在这台电脑上阻止了仅为单个用户的安装。',
  ),
  'applocker-msi': h(
    'AppLocker enforces Windows Installer rules on this computer ({count}), and a package they do not allow is blocked.',
    'AppLocker 在这台电脑上执行 Windows Installer 规则（{count} 条），不被规则允许的安装包会被阻止。',
  ),
  'safer-configured': h(
    'Software Restriction Policies on this computer can block this package.',
    '这台电脑上的软件限制策略可能会阻止这个安装包。',
  ),
  // path-environment, other-user-path (after the install)
  'path-not-on-path': h(
    '{product} is installed in {folder}, but no PATH entry leads there, so "{command}" is not found in a new terminal.',
    '{product} 已安装在 {folder}，但没有 PATH 条目指向那里，所以在新终端中找不到 “{command}”。',
  ),
  'path-past-limit': h(
    'The PATH entry {folder} lies past the first {limit} characters of PATH ({length} in all), so Windows never searches it.',
    'PATH 条目 {folder} 位于 PATH 的前 {limit} 个字符之后（总长 {length}），所以 Windows 从不搜索它。',
  ),
  'path-other-account': h(
    'The PATH entry {folder} was written into another account ({profile}) because the install ran as that administrator: your own PATH lacks it.',
    'PATH 条目 {folder} 被写入了另一个账户（{profile}），因为安装是以该管理员身份运行的：您自己的 PATH 中没有它。',
  ),
  'path-shadowed': h(
    'An older copy in {shadow} ({version}) comes first in PATH, so "{command}" runs it instead of the installed {installed} in {folder}.',
    '{shadow} 中的旧副本（{version}）在 PATH 中排在前面，所以 “{command}” 运行的是它，而不是 {folder} 中已安装的 {installed}。',
  ),
  'path-not-broadcast': h(
    '{folder} was added to PATH in the registry, but Windows Explorer was not told, so new terminals do not see it yet.',
    '{folder} 已添加到注册表中的 PATH，但没有通知 Windows 资源管理器，所以新终端还看不到它。',
  ),
  'path-store-alias': h(
    '"{command}" runs the Microsoft Store\'s placeholder in {shadow} instead of the installed {product} in {folder}.',
    '“{command}” 运行的是 {shadow} 中 Microsoft Store 的占位程序，而不是 {folder} 中已安装的 {product}。',
  ),
};

export const HEADLINE_TEXTS: TextTable = Object.fromEntries(
  Object.entries(HEADLINES).map(([fact, text]) => [headlineKey(fact as FactId), text]),
);

/** The headline a fact's reason gives (same params), or undefined when the fact names nothing specific. */
export function headlineForReason(reason: TextRef): TextRef | undefined {
  const fact = reason.key.startsWith('fact.') ? (reason.key.slice('fact.'.length) as FactId) : null;
  if (!fact || !Object.hasOwn(HEADLINES, fact)) return undefined;
  return { key: headlineKey(fact), params: reason.params };
}
