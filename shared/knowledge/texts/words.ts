// The shared words of every surface (wizard, report, CLI): probe names, repair names and evidence statuses, one
// table so the same check is never called three things. Read them through shared/knowledge/words.ts.
import type { TextTable } from '../local-text.ts';

export const WORD_TEXTS = {
  // ------------------------------------------------------------ statuses of a check (EvidenceStatus)
  'status.ok': { en: 'OK', 'zh-CN': '正常' },
  'status.problem': { en: 'Problem', 'zh-CN': '有问题' },
  'status.warning': { en: 'Worth knowing', 'zh-CN': '值得注意' },
  'status.security': { en: 'Security risk', 'zh-CN': '安全风险' },
  'status.error': { en: 'Check failed', 'zh-CN': '检查出错' },
  'status.not-checked': { en: 'Not checked', 'zh-CN': '未检查' },

  // ------------------------------------------------------------ probe names (ProbeId)
  'probe.installer-service.name': { en: 'Windows Installer service', 'zh-CN': 'Windows Installer 服务' },
  'probe.install-in-progress.name': { en: 'Other installations in progress', 'zh-CN': '正在进行的其他安装' },
  'probe.pending-reboot.name': { en: 'Pending restart', 'zh-CN': '待完成的重启' },
  'probe.temp-folders.name': { en: 'Temporary folders and disk space', 'zh-CN': '临时文件夹和磁盘空间' },
  'probe.elevation.name': { en: 'Administrator rights', 'zh-CN': '管理员权限' },
  'probe.policies.name': { en: 'Installation policies', 'zh-CN': '安装策略' },
  'probe.installer-events.name': { en: 'Recent installer events', 'zh-CN': '最近的安装事件' },
  'probe.recent-logs.name': { en: 'Recent installer logs', 'zh-CN': '最近的安装日志' },
  'probe.installed-products.name': { en: 'Installed versions', 'zh-CN': '已安装的版本' },
  'probe.deployment-logs.name': {
    en: 'Company deployment logs (Configuration Manager, Intune, PSADT)',
    'zh-CN': '公司部署日志（Configuration Manager、Intune、PSADT）',
  },
  'probe.path-environment.name': { en: 'Works in a new terminal (PATH)', 'zh-CN': '在新终端中能否运行（PATH）' },
  'probe.other-user-path.name': { en: 'PATH entries in other accounts', 'zh-CN': '其他账户中的 PATH 条目' },

  // ------------------------------------------------------------ repair names (RepairId)
  'repair.wait-for-installer.title': { en: 'Wait for the other installation to finish', 'zh-CN': '等待另一个安装完成' },
  'repair.retry-install-elevated-logged.title': {
    en: 'Install again as administrator, with a detailed log',
    'zh-CN': '以管理员身份重新安装，并记录详细日志',
  },
  'repair.restore-windows-temp-acl.title': {
    en: 'Restore the default permissions of C:\\Windows\\Temp',
    'zh-CN': '恢复 C:\\Windows\\Temp 的默认权限',
  },
  'repair.recreate-user-temp.title': { en: 'Recreate your temporary folder', 'zh-CN': '重新创建您的临时文件夹' },
  'repair.enable-msiserver.title': {
    en: 'Turn the Windows Installer service back on',
    'zh-CN': '重新启用 Windows Installer 服务',
  },
  'repair.repair-msiserver-registration.title': {
    en: 'Repair the Windows Installer service registration',
    'zh-CN': '修复 Windows Installer 服务的注册信息',
  },
  'repair.end-stuck-client-install.title': { en: 'End the stuck installation', 'zh-CN': '结束卡住的安装' },
  'repair.restart-computer.title': { en: 'Restart the computer', 'zh-CN': '重新启动电脑' },
  'repair.enable-installer-logging.title': {
    en: 'Turn on Windows Installer logging',
    'zh-CN': '开启 Windows Installer 日志',
  },
  'repair.disable-installer-logging.title': {
    en: 'Turn Windows Installer logging off again',
    'zh-CN': '关闭 Windows Installer 日志',
  },
  'repair.remove-always-install-elevated.title': {
    en: 'Remove the "always install with elevated privileges" setting',
    'zh-CN': '移除“始终以提升的权限安装”设置',
  },
  'repair.uninstall-other-version.title': {
    en: 'Uninstall the version that is already installed',
    'zh-CN': '卸载已安装的其他版本',
  },
  'repair.add-to-path.title': { en: "Add the program's folder to PATH", 'zh-CN': '把程序的文件夹加入 PATH' },
  'repair.broadcast-environment-change.title': {
    en: 'Tell Windows that PATH changed',
    'zh-CN': '通知 Windows PATH 已更改',
  },
  'repair.remove-stale-path-entry.title': {
    en: 'Remove outdated PATH entries',
    'zh-CN': '删除过时的 PATH 条目',
  },
} satisfies TextTable;
