// en + zh-CN texts of "after the install": the known products (product.<id>.name) and the new-terminal advice.
import type { TextTable } from '../local-text.ts';

export const PRODUCT_TEXTS = {
  // ------------------------------------------------------------ names (shared/knowledge/known-products.ts)
  'product.go.name': { en: 'Go', 'zh-CN': 'Go 语言' },
  'product.nodejs.name': { en: 'Node.js', 'zh-CN': 'Node.js' },
  'product.python.name': { en: 'Python', 'zh-CN': 'Python' },
  'product.git.name': { en: 'Git for Windows', 'zh-CN': 'Git for Windows' },
  'product.powershell.name': { en: 'PowerShell 7', 'zh-CN': 'PowerShell 7' },
  'product.dotnet-sdk.name': { en: '.NET SDK', 'zh-CN': '.NET SDK' },
  'product.java.name': {
    en: 'Java (Temurin / Microsoft Build of OpenJDK)',
    'zh-CN': 'Java（Temurin / Microsoft OpenJDK）',
  },
  'product.7zip.name': { en: '7-Zip', 'zh-CN': '7-Zip' },
  // ------------------------------------------------------------ after the install (wizard verify step, msi-doctor verify)
  'after-install.heading': { en: 'Does it work in a new terminal?', 'zh-CN': '在新终端中能运行吗？' },
  'after-install.intro': {
    en: 'MSI Doctor ran each installed program the way a newly opened terminal would (with PATH as it is now in the registry):',
    'zh-CN': 'MSI Doctor 按新打开的终端的方式（使用注册表中当前的 PATH）运行了每个已安装的程序：',
  },
  'after-install.state.works': { en: 'works.', 'zh-CN': '可以运行。' },
  'after-install.state.new-terminal': { en: 'works in a new terminal.', 'zh-CN': '在新终端中可以运行。' },
  'after-install.state.not-on-path': {
    en: 'is installed, but PATH does not lead to it.',
    'zh-CN': '已安装，但 PATH 中没有指向它的条目。',
  },
  'after-install.state.other-user-path': {
    en: 'is on the PATH of another account only.',
    'zh-CN': '只在另一个账户的 PATH 中。',
  },
  'after-install.state.shadowed': {
    en: 'is installed, but an older copy earlier in PATH answers instead.',
    'zh-CN': '已安装，但 PATH 中靠前的旧副本代替它运行。',
  },
  'after-install.state.not-broadcast': {
    en: 'is in PATH, but Windows Explorer was not told about the change: terminals it opens do not find it yet.',
    'zh-CN': '在 PATH 中，但 Windows 资源管理器没有收到这一更改的通知：它打开的终端暂时还找不到它。',
  },
  'after-install.state.store-alias': {
    en: "is installed, but the Microsoft Store's placeholder python.exe answers first (turn it off in Settings > Apps > App execution aliases).",
    'zh-CN': '已安装，但 Microsoft Store 的占位程序 python.exe 先应答（可在“设置 > 应用 > 应用执行别名”中关闭）。',
  },
  'after-install.state.past-limit': {
    en: 'is in PATH, but past the length Windows handles.',
    'zh-CN': '在 PATH 中，但超出了 Windows 能处理的长度。',
  },
  'after-install.state.fails': { en: 'is found, but does not print its version.', 'zh-CN': '能找到，但没有输出版本。' },
  'after-install.state.not-registered': {
    en: 'is listed in Add/Remove Programs, but Windows Installer does not have it installed.',
    'zh-CN': '出现在“添加/删除程序”中，但 Windows Installer 中并没有安装它。',
  },
  'after-install.state.missing-files': {
    en: 'is registered, but its program is missing.',
    'zh-CN': '已登记安装，但找不到它的程序。',
  },
  'after-install.no-output': { en: 'No output (exit code {code}).', 'zh-CN': '没有输出（退出代码 {code}）。' },
  'after-install.not-run.not-found': {
    en: 'Not run: a new terminal does not find this command.',
    'zh-CN': '未运行：新终端找不到这个命令。',
  },
  'after-install.not-run.elevated': {
    en: 'Not run: MSI Doctor never runs your programs as administrator.',
    'zh-CN': '未运行：MSI Doctor 绝不以管理员身份运行您的程序。',
  },
  'after-install.not-run.not-asked': { en: 'Not run.', 'zh-CN': '未运行。' },
  'after-install.asked.missing': { en: 'Not run: there is no such file.', 'zh-CN': '未运行：没有这个文件。' },
  'after-install.asked.heading': { en: 'Check that a program starts', 'zh-CN': '检查程序能否启动' },
  'after-install.asked.intro': {
    en: 'MSI Doctor does not know this product, so it has no version command for it. If you want, it can run the installed program once, as you (never as administrator), with the PATH a new terminal gets, and show what it prints. Nothing runs until you press the button.',
    'zh-CN':
      'MSI Doctor 不认识这个产品，所以没有它的版本命令。如果您愿意，它可以以您的身份（绝不以管理员身份）、使用新终端的 PATH 运行一次已安装的程序，并显示它的输出。在您按下按钮之前不会运行任何程序。',
  },
  'after-install.asked.program': {
    en: 'Program (full path to an .exe file)',
    'zh-CN': '程序（.exe 文件的完整路径）',
  },
  'after-install.asked.argument': { en: 'Ask it for', 'zh-CN': '让它显示' },
  'after-install.asked.argument.version': { en: 'its version (--version)', 'zh-CN': '版本（--version）' },
  'after-install.asked.argument.help': { en: 'its help (/?)', 'zh-CN': '帮助（/?）' },
  'after-install.asked.will-run': { en: 'This will run:', 'zh-CN': '将运行：' },
  'after-install.asked.run': { en: 'Run this program to check it starts', 'zh-CN': '运行此程序，检查它能否启动' },
  'after-install.asked.running': { en: 'Running the program…', 'zh-CN': '正在运行程序…' },
  'after-install.asked.not-absolute-exe': {
    en: 'Not run: give the full path of an .exe file, such as C:\\Program Files\\App\\app.exe.',
    'zh-CN': '未运行：请输入 .exe 文件的完整路径，例如 C:\\Program Files\\App\\app.exe。',
  },
  'after-install.asked.failed': { en: 'Not run: the check could not be made.', 'zh-CN': '未运行：无法进行检查。' },
  'after-install.not-run.timed-out': {
    en: 'Stopped: it did not finish within 5 seconds.',
    'zh-CN': '已停止：它在 5 秒内没有结束。',
  },
  'after-install.not-run.time-limit': {
    en: 'Not run: the check ran out of time.',
    'zh-CN': '未运行：检查时间已用完。',
  },
  'after-install.new-terminal': {
    en: 'Open a new terminal (or restart your editor): windows that were already open before the install or the fix keep the old PATH: there the command is still not recognized, or an old copy answers.',
    'zh-CN':
      '请打开一个新的终端（或重新启动您的编辑器）：在安装或修复之前就已打开的窗口仍使用旧的 PATH：在那里仍会提示找不到该命令，或者由旧副本应答。',
  },
  'after-install.sign-out': {
    en: 'If a terminal opened from the Start menu still does not find it, sign out and back in once: Windows Explorer, which starts new terminals, was running before the PATH change.',
    'zh-CN':
      '如果从“开始”菜单打开的终端仍然找不到它，请注销并重新登录一次：负责启动新终端的 Windows 资源管理器在 PATH 更改之前就已在运行。',
  },
  'after-install.none': {
    en: 'None of the products MSI Doctor knows is installed.',
    'zh-CN': '没有安装 MSI Doctor 认识的产品。',
  },
} satisfies TextTable;
