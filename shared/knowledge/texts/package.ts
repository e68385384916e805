// en + zh-CN texts about an .msi package: each package finding's title, explanation and WiX fix
// (package.finding.<id>.title|explanation|fix), and the words that describe a custom action.
import type { TextTable } from '../local-text.ts';

export const PACKAGE_TEXTS = {
  // ------------------------------------------------------------ findings
  'package.finding.deferred-without-rollback.title': {
    en: 'Custom action {action} changes the system but has no rollback',
    'zh-CN': '自定义操作 {action} 会修改系统，但没有回滚操作',
  },
  'package.finding.deferred-without-rollback.explanation': {
    en: 'The deferred action {action} (sequence {sequence}) runs code, and no rollback action is sequenced before it. If the installation fails after it ran, Windows Installer undoes its own changes but not what {action} did: the machine is left half-configured, and the next attempt may fail on the leftovers.',
    'zh-CN':
      '延迟操作 {action}（顺序号 {sequence}）会运行代码，但在它之前没有安排回滚操作。如果安装在它运行之后失败，Windows Installer 只会撤销自己的更改，不会撤销 {action} 所做的事：机器会处于配置了一半的状态，下次安装可能会因为这些残留而失败。',
  },
  'package.finding.deferred-without-rollback.fix': {
    en: 'Add a rollback custom action that undoes {action} (Execute="rollback") and schedule it immediately before it: <Custom Action="Rollback{action}" Before="{action}">same condition</Custom>.',
    'zh-CN':
      '添加一个撤销 {action} 的回滚自定义操作（Execute="rollback"），并把它安排在紧挨着它之前：<Custom Action="Rollback{action}" Before="{action}">相同条件</Custom>。',
  },
  'package.finding.rollback-after-action.title': {
    en: 'Rollback action {rollback} comes after the action it should undo',
    'zh-CN': '回滚操作 {rollback} 排在它要撤销的操作之后',
  },
  'package.finding.rollback-after-action.explanation': {
    en: 'Windows Installer only runs rollback actions that were already reached in the script when the failure happened. {rollback} (sequence {rollbackSequence}) comes after {action} (sequence {sequence}): if {action} itself fails, or fails half-way, its rollback never runs.',
    'zh-CN':
      'Windows Installer 只会执行失败发生时脚本中已经经过的回滚操作。{rollback}（顺序号 {rollbackSequence}）排在 {action}（顺序号 {sequence}）之后：如果 {action} 本身失败或只完成一半，它的回滚永远不会运行。',
  },
  'package.finding.rollback-after-action.fix': {
    en: 'Schedule the rollback before the action: <Custom Action="{rollback}" Before="{action}">…</Custom>, with the same condition as {action}.',
    'zh-CN':
      '把回滚操作安排在该操作之前：<Custom Action="{rollback}" Before="{action}">…</Custom>，并使用与 {action} 相同的条件。',
  },
  'package.finding.runs-on-install-and-uninstall.title': {
    en: 'Custom action {action} runs on install and on uninstall',
    'zh-CN': '自定义操作 {action} 在安装和卸载时都会运行',
  },
  'package.finding.runs-on-install-and-uninstall.explanation': {
    en: '{action} changes the system, and its condition ("{condition}") does not tell an installation from a removal (no REMOVE, Installed, NOT Installed or component/feature state). It runs again during uninstall and repair, typically re-creating what the uninstall removes or failing because its target is gone.',
    'zh-CN':
      '{action} 会修改系统，而它的条件（“{condition}”）无法区分安装和卸载（没有 REMOVE、Installed、NOT Installed 或组件/功能状态）。它在卸载和修复时会再次运行，常常会重新创建卸载要删除的东西，或因为目标已不存在而失败。',
  },
  'package.finding.runs-on-install-and-uninstall.fix': {
    en: 'Give it a condition: NOT Installed (first install only), NOT REMOVE~="ALL" (install, repair, modify), or a component state such as $Component=3 (being installed locally).',
    'zh-CN':
      '给它加上条件：NOT Installed（仅首次安装）、NOT REMOVE~="ALL"（安装、修复、更改），或组件状态条件，例如 $Component=3（正在本地安装）。',
  },
  'package.finding.uninstall-action-on-upgrade.title': {
    en: 'Uninstall action {action} also runs when a newer version upgrades this one',
    'zh-CN': '卸载操作 {action} 在新版本升级此版本时也会运行',
  },
  'package.finding.uninstall-action-on-upgrade.explanation': {
    en: '{action} runs on removal ("{condition}"). A major upgrade removes the old version too, so {action} also runs when the user installs a newer version: data or settings the new version needs are deleted, or services it just set up are removed.',
    'zh-CN':
      '{action} 在卸载时运行（“{condition}”）。重大升级也会卸载旧版本，所以用户安装新版本时 {action} 同样会运行：新版本需要的数据或设置会被删除，或者刚配置好的服务会被移除。',
  },
  'package.finding.uninstall-action-on-upgrade.fix': {
    en: 'Add AND NOT UPGRADINGPRODUCTCODE to its condition: REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE.',
    'zh-CN': '在它的条件中加上 AND NOT UPGRADINGPRODUCTCODE：REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE。',
  },
  'package.finding.immediate-changes-system.title': {
    en: 'Immediate custom action {action} seems to change the system (heuristic)',
    'zh-CN': '立即执行的自定义操作 {action} 似乎会修改系统（推测）',
  },
  'package.finding.immediate-changes-system.explanation': {
    en: 'This is a guess from its command line or entry point ({target}): {action} runs immediately, outside the installation script, so it has no rollback and runs with the user\u2019s own rights, not the installer\u2019s. On a machine where the user is not an administrator, or under UAC, it fails; when it works, a later failure leaves its change behind.',
    'zh-CN':
      '这是根据它的命令行或入口点（{target}）做出的推测：{action} 是立即执行的，不在安装脚本内，因此没有回滚，并且以用户自己的权限运行，而不是安装程序的权限。在用户不是管理员或启用 UAC 的机器上它会失败；即使成功，后续失败时它的更改也会留下。',
  },
  'package.finding.immediate-changes-system.fix': {
    en: 'Make it deferred and not impersonated (Execute="deferred" Impersonate="no"), pass values through CustomActionData, and give it a rollback action.',
    'zh-CN':
      '把它改为延迟执行且不模拟用户（Execute="deferred" Impersonate="no"），通过 CustomActionData 传递数据，并为它添加回滚操作。',
  },
  'package.finding.impersonated-deferred-needs-admin.title': {
    en: 'Custom action {action} writes to machine locations as the user (heuristic)',
    'zh-CN': '自定义操作 {action} 以用户身份写入系统位置（推测）',
  },
  'package.finding.impersonated-deferred-needs-admin.explanation': {
    en: 'A guess from its command line or entry point ({target}): {action} is deferred but impersonates the installing user, so it runs without the installer\u2019s administrator rights. Writing to HKLM, Program Files or Windows folders then fails with "access denied" (often error 1603 or 1722), even though the rest of the installation is elevated.',
    'zh-CN':
      '根据它的命令行或入口点（{target}）推测：{action} 虽然是延迟执行的，但模拟了安装用户，所以运行时没有安装程序的管理员权限。此时写入 HKLM、Program Files 或 Windows 文件夹会因“拒绝访问”而失败（常见错误 1603 或 1722），即使安装的其余部分已提升权限。',
  },
  'package.finding.impersonated-deferred-needs-admin.fix': {
    en: 'Set Impersonate="no" on the custom action so it runs as LocalSystem.',
    'zh-CN': '在该自定义操作上设置 Impersonate="no"，让它以 LocalSystem 身份运行。',
  },
  'package.finding.per-machine-needs-elevation.title': {
    en: 'The package installs for all users: it needs administrator rights',
    'zh-CN': '该安装包为所有用户安装：需要管理员权限',
  },
  'package.finding.per-machine-needs-elevation.explanation': {
    en: 'ALLUSERS is {allUsers}: Windows Installer installs it per machine and needs administrator rights, and an .msi has no bootstrapper that asks for them up front. Double-clicked by a standard user, or when the UAC prompt is declined or never shown, it fails with 2503, 2502, 1925 or 1303. Install it from an elevated, logged command instead.',
    'zh-CN':
      'ALLUSERS 为 {allUsers}：Windows Installer 会按“每台计算机”安装，需要管理员权限，而 .msi 本身没有预先请求权限的引导程序。标准用户双击运行，或 UAC 提示被拒绝或根本没有出现时，会出现 2503、2502、1925 或 1303 错误。请改用以管理员身份运行并记录日志的命令安装。',
  },
  'package.finding.per-machine-needs-elevation.uac-flag': {
    en: 'The package also claims it does not need elevation (summary Word Count bit 8), so Windows will not even ask for consent: a standard user\u2019s install fails every time.',
    'zh-CN':
      '该安装包还声明自己不需要提升权限（摘要信息 Word Count 第 8 位），因此 Windows 根本不会请求同意：标准用户每次安装都会失败。',
  },
  'package.finding.per-machine-needs-elevation.fix': {
    en: 'Ship it in a bootstrapper that elevates (a WiX Burn bundle with a per-machine package), or document msiexec /i from an elevated prompt. Do not set InstallPrivileges="limited" on a per-machine package.',
    'zh-CN':
      '用会提升权限的引导程序分发（含“每台计算机”安装包的 WiX Burn 捆绑包），或在说明中要求从管理员命令提示符运行 msiexec /i。不要在“每台计算机”安装包上设置 InstallPrivileges="limited"。',
  },
  'package.finding.script-custom-action.title': {
    en: 'Custom action {action} is a {engine} script',
    'zh-CN': '自定义操作 {action} 是 {engine} 脚本',
  },
  'package.finding.script-custom-action.explanation': {
    en: '{action} runs {engine} inside Windows Installer. It fails (usually error 1720) where that script engine is disabled or removed: VBScript is an optional feature being retired from Windows 11, and security policies or antivirus often block script hosts.',
    'zh-CN':
      '{action} 在 Windows Installer 内运行 {engine} 脚本。在该脚本引擎被禁用或删除的机器上它会失败（通常是 1720 错误）：VBScript 是 Windows 11 中正在被淘汰的可选功能，安全策略或杀毒软件也常常会阻止脚本宿主。',
  },
  'package.finding.script-custom-action.fix': {
    en: 'Replace it with a DLL custom action (C++ or WiX DTF in C#), or with built-in WiX elements (util:RegistrySearch, util:XmlFile, util:ServiceConfig...).',
    'zh-CN':
      '用 DLL 自定义操作（C++ 或 C# 的 WiX DTF）或 WiX 内置元素（util:RegistrySearch、util:XmlFile、util:ServiceConfig 等）替代它。',
  },
  'package.finding.already-installed.title': {
    en: '{product} {installed} is already installed',
    'zh-CN': '{product} {installed} 已经安装',
  },
  'package.finding.already-installed.explanation': {
    en: 'This exact product ({productCode}) and version are installed. Running the package again opens maintenance (repair or remove) instead of installing; if the package was rebuilt with the same product code, Windows Installer stops with 1638 ("another version of this product is already installed").',
    'zh-CN':
      '这个产品（{productCode}）的相同版本已经安装。再次运行安装包会进入维护模式（修复或删除），而不是重新安装；如果安装包用相同的产品代码重新生成过，Windows Installer 会以 1638（“已经安装了此产品的另一个版本”）停止。',
  },
  'package.finding.already-installed.fix': {
    en: 'To repair it, use Settings > Apps or msiexec /fa with the package; to reinstall, remove the installed one first.',
    'zh-CN': '要修复它，请使用“设置 > 应用”或对安装包运行 msiexec /fa；要重新安装，请先卸载已安装的版本。',
  },
  'package.finding.same-product-other-package.title': {
    en: 'Another build of {product} ({installed}) is installed with the same product code',
    'zh-CN': '已安装的 {product}（{installed}）是同一产品代码的另一个版本',
  },
  'package.finding.same-product-other-package.explanation': {
    en: 'The package is {package}, the machine has {installed} with the same product code {productCode}. Windows Installer refuses a second package for an installed product: installing it fails with 1638 unless it is applied as a small update (REINSTALL=ALL REINSTALLMODE=vomus).',
    'zh-CN':
      '安装包版本为 {package}，机器上已安装的 {installed} 使用相同的产品代码 {productCode}。Windows Installer 不允许为已安装的产品使用另一个安装包：除非按小型更新方式应用（REINSTALL=ALL REINSTALLMODE=vomus），否则安装会以 1638 失败。',
  },
  'package.finding.same-product-other-package.fix': {
    en: 'Package authors: change the ProductCode for every release (WiX Product Id="*") and add a MajorUpgrade element. Users: remove {installed} first, then install.',
    'zh-CN':
      '安装包作者：每次发布都更换 ProductCode（WiX Product Id="*"）并添加 MajorUpgrade 元素。用户：先卸载 {installed}，再安装。',
  },
  'package.finding.newer-installed.title': {
    en: 'A newer {product} ({installed}) is already installed',
    'zh-CN': '已安装更新版本的 {product}（{installed}）',
  },
  'package.finding.newer-installed.explanation': {
    en: 'The package is version {package}, the machine has {installed} of the same product family (same upgrade code). A package with a MajorUpgrade refuses to downgrade with its own message; one without installs beside the newer version.',
    'zh-CN':
      '安装包版本为 {package}，机器上已安装同一产品系列（相同的升级代码）的 {installed}。带有 MajorUpgrade 的安装包会用自己的提示拒绝降级；没有的则会与新版本并存安装。',
  },
  'package.finding.newer-installed.fix': {
    en: 'Keep the newer version, or remove it first if you really need {package}.',
    'zh-CN': '保留较新的版本；如果确实需要 {package}，请先卸载较新的版本。',
  },

  // ------------------------------------------------------------ why a file is not a readable package (MsiReadError)
  'package.read-error.not-found': { en: 'the file does not exist.', 'zh-CN': '文件不存在。' },
  'package.read-error.not-a-file': { en: 'this is a folder, not a file.', 'zh-CN': '这是文件夹，不是文件。' },
  'package.read-error.unreadable': {
    en: 'the file cannot be read ({detail}).',
    'zh-CN': '无法读取该文件（{detail}）。',
  },
  'package.read-error.empty': { en: 'the file is empty (0 bytes).', 'zh-CN': '文件是空的（0 字节）。' },
  'package.read-error.not-compound-file': {
    en: 'this is not a Windows Installer package (.msi): it does not start like one.',
    'zh-CN': '这不是 Windows Installer 安装包（.msi）：文件开头不是安装包的格式。',
  },
  'package.read-error.truncated': {
    en: 'the package is incomplete (cut short, e.g. an unfinished download): {detail}. Download it again.',
    'zh-CN': '安装包不完整（被截断，例如下载未完成）：{detail}。请重新下载。',
  },
  'package.read-error.corrupt': {
    en: 'the package is damaged: {detail}. Download it again or ask the vendor for a good copy.',
    'zh-CN': '安装包已损坏：{detail}。请重新下载，或向厂商索取完好的文件。',
  },
  'package.read-error.too-large': {
    en: 'the package declares a table or stream too large to be real: {detail}.',
    'zh-CN': '安装包声明的表或数据流大得不合常理：{detail}。',
  },
  'package.read-error.patch': {
    en: 'this is a patch (.msp), not a package: it updates an installed product (msiexec /p), it cannot be inspected as an .msi.',
    'zh-CN': '这是补丁（.msp），不是安装包：它用于更新已安装的产品（msiexec /p），不能作为 .msi 检查。',
  },
  'package.read-error.transform': {
    en: 'this is a transform (.mst), not a package: it customizes an .msi at install time (TRANSFORMS=...), it cannot be inspected alone.',
    'zh-CN': '这是转换文件（.mst），不是安装包：它在安装时定制某个 .msi（TRANSFORMS=...），不能单独检查。',
  },
  'package.read-error.merge-module': {
    en: 'this is a merge module (.msm): it is built into an .msi by its author and is never installed by itself.',
    'zh-CN': '这是合并模块（.msm）：它由作者合并进 .msi 中使用，本身不能直接安装。',
  },
  'package.read-error.not-installer-database': {
    en: 'this compound document is not a Windows Installer package (perhaps an Office document renamed to .msi).',
    'zh-CN': '这个复合文档不是 Windows Installer 安装包（可能是改了扩展名的 Office 文档）。',
  },

  // ------------------------------------------------------------ the wizard's package card
  'package.card.heading': { en: 'About the package: {name}', 'zh-CN': '关于安装包：{name}' },
  'package.card.scope.per-machine': {
    en: 'It installs for all users of this computer: it needs administrator rights.',
    'zh-CN': '它为这台电脑的所有用户安装：需要管理员权限。',
  },
  'package.card.scope.per-user': {
    en: 'It installs for the current user only: no administrator rights needed.',
    'zh-CN': '它只为当前用户安装：不需要管理员权限。',
  },
  'package.card.scope.dual': {
    en: 'It can install for all users (with administrator rights) or for the current user only.',
    'zh-CN': '它可以为所有用户安装（需要管理员权限），也可以只为当前用户安装。',
  },
  'package.card.clean': {
    en: 'Nothing in the package itself looks risky.',
    'zh-CN': '安装包本身没有发现风险。',
  },
  'package.card.heuristic': { en: 'a guess from names and command lines', 'zh-CN': '根据名称和命令行推测' },

  // ------------------------------------------------------------ custom action words
  'package.ca.execution.immediate': { en: 'immediate', 'zh-CN': '立即执行' },
  'package.ca.execution.deferred': { en: 'deferred', 'zh-CN': '延迟执行' },
  'package.ca.execution.rollback': { en: 'rollback', 'zh-CN': '回滚' },
  'package.ca.execution.commit': { en: 'commit', 'zh-CN': '提交' },
  'package.ca.summary': {
    en: '{execution}{context}{rollback}{options}, {what}',
    'zh-CN': '{execution}{context}{rollback}{options}，{what}',
  },
  'package.ca.ctx.as-system': { en: ', as SYSTEM', 'zh-CN': '，以 SYSTEM 身份' },
  'package.ca.ctx.as-user': { en: ', as the installing user', 'zh-CN': '，以安装用户身份' },
  'package.ca.ctx.no-rollback': { en: ', no rollback', 'zh-CN': '，没有回滚' },
  'package.ca.ctx.late-rollback': {
    en: ', its rollback {rollback} comes after it',
    'zh-CN': '，其回滚操作 {rollback} 排在它之后',
  },
  'package.ca.ctx.return-ignored': { en: ', errors ignored', 'zh-CN': '，忽略错误' },
  'package.ca.ctx.async': { en: ', asynchronous', 'zh-CN': '，异步' },
  'package.ca.kind.dll': { en: 'a DLL function {target} from {source}', 'zh-CN': '来自 {source} 的 DLL 函数 {target}' },
  'package.ca.kind.exe': { en: 'an EXE with this command line: {target}', 'zh-CN': '一个 EXE，命令行：{target}' },
  'package.ca.kind.script': { en: 'a {engine} script ({source})', 'zh-CN': '{engine} 脚本（{source}）' },
  'package.ca.kind.property': { en: 'sets property {source} to {target}', 'zh-CN': '把属性 {source} 设为 {target}' },
  'package.ca.kind.directory': { en: 'sets folder {source} to {target}', 'zh-CN': '把文件夹 {source} 设为 {target}' },
  'package.ca.kind.error': { en: 'stops the install with: {target}', 'zh-CN': '以此消息停止安装：{target}' },
  'package.ca.kind.nested': { en: 'a nested installation ({source})', 'zh-CN': '嵌套安装（{source}）' },
  'package.ca.kind.unknown': { en: 'custom action type {type}', 'zh-CN': '自定义操作类型 {type}' },
  'package.no-condition': { en: 'none', 'zh-CN': '无' },
  'package.ca.hidden': { en: '(hidden)', 'zh-CN': '（已隐藏）' },
} satisfies TextTable;
