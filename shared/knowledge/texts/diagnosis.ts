// en + zh-CN texts of the symptom parser's notes and of the findings formatter (CLI / plain-text output).
import type { TextTable } from '../local-text.ts';

export const DIAGNOSIS_TEXTS = {
  // ------------------------------------------------------------ symptom notes
  'symptom.note.empty': {
    en: 'No error code given: MSI Doctor will check the system and any logs you add.',
    'zh-CN': '没有提供错误代码：MSI Doctor 会检查系统以及您添加的日志。',
  },
  'symptom.note.unrecognized': {
    en: 'No error code or known message was recognised in this text. Type the number from the error window (for example 2503 or 1603), paste the whole message, or just check the system.',
    'zh-CN':
      '在这段文字中没有识别出错误代码或已知的提示。请输入错误窗口中的数字（例如 2503 或 1603），粘贴完整的提示内容，或者直接检查系统。',
  },
  'symptom.note.hresult': {
    en: '{hresult} is Windows error {code} wrapped in an HRESULT.',
    'zh-CN': '{hresult} 是被包装成 HRESULT 的 Windows 错误 {code}。',
  },
  'symptom.note.negative-hresult': {
    en: '{value} is the HRESULT {hresult} written as a signed number, i.e. Windows error {code}.',
    'zh-CN': '{value} 是以有符号数表示的 HRESULT {hresult}，即 Windows 错误 {code}。',
  },
  'symptom.note.short-hex': {
    en: '{hex} is error {code} written in hexadecimal.',
    'zh-CN': '{hex} 是以十六进制表示的错误 {code}。',
  },
  'symptom.note.other-hresult': {
    en: '{hresult} is not a Windows Installer code; it comes from another component.',
    'zh-CN': '{hresult} 不是 Windows Installer 的代码，它来自其他组件。',
  },
  'symptom.note.message-number': {
    en: '{code} is a Windows Installer message number (shown in dialogs and logs), not an exit code: {title}.',
    'zh-CN': '{code} 是 Windows Installer 的消息编号（出现在对话框和日志中），不是退出代码：{title}。',
  },
  'symptom.note.info-1603': {
    en: '"Info 1603" is the informational message "file in use", not the fatal error 1603.',
    'zh-CN': '“Info 1603” 是提示性消息“文件正在使用”，不是严重错误 1603。',
  },
  'symptom.note.exit-code': {
    en: 'Exit code {code}: {title}.',
    'zh-CN': '退出代码 {code}：{title}。',
  },
  'symptom.note.success-code': {
    en: 'Code {code} means success: {title}.',
    'zh-CN': '代码 {code} 表示成功：{title}。',
  },
  'symptom.note.unknown-number': {
    en: "{code} is not in MSI Doctor's catalog of Windows Installer numbers.",
    'zh-CN': '{code} 不在 MSI Doctor 的 Windows Installer 编号目录中。',
  },
  'symptom.note.dialog-text': {
    en: 'Recognised the Windows Installer message "{title}" ({code}).',
    'zh-CN': '识别出 Windows Installer 的提示“{title}”（{code}）。',
  },
  'symptom.note.winget': {
    en: 'WinGet code {hresult}: {meaning}.',
    'zh-CN': 'WinGet 代码 {hresult}：{meaning}。',
  },
  'symptom.note.winget-exit': {
    en: "WinGet reports the installer's own exit code {code}.",
    'zh-CN': 'WinGet 报告了安装程序自己的退出代码 {code}。',
  },
  'symptom.note.chocolatey': {
    en: "Chocolatey reports the installer's exit code {code}.",
    'zh-CN': 'Chocolatey 报告了安装程序的退出代码 {code}。',
  },
  'symptom.note.burn': {
    en: "This comes from a setup bundle (WiX Burn): the failing package's own log has the details.",
    'zh-CN': '这来自安装套件（WiX Burn）：失败程序包自己的日志中有详细信息。',
  },
  'symptom.note.intune': {
    en: "This comes from Intune: its codes wrap the installer's exit code.",
    'zh-CN': '这来自 Intune：它的代码包装了安装程序的退出代码。',
  },
  'symptom.note.intune-detection': {
    en: '"The application was not detected after installation completed successfully" is Intune\'s detection rule failing, not a Windows Installer error: the install itself reported success. Check the app\'s detection rule in Intune.',
    'zh-CN':
      '“安装成功完成后未检测到应用程序”是 Intune 的检测规则未通过，而不是 Windows Installer 错误：安装本身报告的是成功。请检查 Intune 中该应用的检测规则。',
  },
  'symptom.note.newer-version-text': {
    en: 'The message says a newer version is already installed.',
    'zh-CN': '提示说明已经安装了更新的版本。',
  },
  // ------------------------------------------------------------ winget meanings (used as {meaning})
  'winget.install-package-in-use': {
    en: 'the application is running; close it and try again',
    'zh-CN': '应用程序正在运行，请关闭后再试',
  },
  'winget.install-in-progress': { en: 'another installation is already in progress', 'zh-CN': '另一个安装正在进行' },
  'winget.install-file-in-use': { en: 'one or more files are in use', 'zh-CN': '一个或多个文件正被使用' },
  'winget.missing-dependency': { en: 'a dependency is missing', 'zh-CN': '缺少依赖项' },
  'winget.disk-full': { en: 'not enough disk space', 'zh-CN': '磁盘空间不足' },
  'winget.insufficient-memory': { en: 'not enough memory', 'zh-CN': '内存不足' },
  'winget.no-network': { en: 'the installer needs a network connection', 'zh-CN': '安装程序需要网络连接' },
  'winget.contact-support': { en: 'the installer asks you to contact support', 'zh-CN': '安装程序要求联系技术支持' },
  'winget.reboot-to-finish': { en: 'installed; a restart is required to finish', 'zh-CN': '已安装，需要重启才能完成' },
  'winget.reboot-for-install': { en: 'a restart is required before installing', 'zh-CN': '安装前需要先重启' },
  'winget.reboot-initiated': { en: 'the installer started a restart', 'zh-CN': '安装程序已发起重启' },
  'winget.cancelled': { en: 'the installation was cancelled', 'zh-CN': '安装已被取消' },
  'winget.already-installed': { en: 'this version is already installed', 'zh-CN': '该版本已经安装' },
  'winget.downgrade': {
    en: 'a newer version is installed (downgrade blocked)',
    'zh-CN': '已安装更新的版本（禁止降级）',
  },
  'winget.blocked-by-policy': { en: 'blocked by policy', 'zh-CN': '被策略阻止' },
  'winget.dependencies-failed': { en: 'installing dependencies failed', 'zh-CN': '安装依赖项失败' },
  'winget.in-use-by-application': {
    en: 'the package is in use by another application',
    'zh-CN': '程序包正被其他应用程序使用',
  },
  'winget.invalid-parameter': { en: 'the installer was given an invalid parameter', 'zh-CN': '安装程序收到了无效参数' },
  'winget.system-not-supported': { en: 'this system is not supported', 'zh-CN': '不支持此系统' },
  'winget.msi-install-failed': { en: 'the MSI installation failed', 'zh-CN': 'MSI 安装失败' },
  'winget.shellexec-failed': {
    en: 'the installer failed (see its exit code)',
    'zh-CN': '安装程序失败（请查看其退出代码）',
  },
  'winget.other': { en: 'a WinGet error', 'zh-CN': 'WinGet 错误' },
  // ------------------------------------------------------------ plain-text findings output
  'format.heading': { en: 'Findings', 'zh-CN': '诊断结果' },
  'format.none': { en: 'No findings.', 'zh-CN': '没有诊断结果。' },
  'format.finding': {
    en: '{rank}. {title} ({confidence}% confidence)',
    'zh-CN': '{rank}. {title}（可信度 {confidence}%）',
  },
  'format.finding.security': { en: '{rank}. [Security] {title}', 'zh-CN': '{rank}. 【安全】{title}' },
  'format.finding.info': { en: '{rank}. {title}', 'zh-CN': '{rank}. {title}' },
  // A label before its value, anywhere text is laid out as "label: value" (Chinese uses the full-width colon).
  'format.label': { en: '{label}:', 'zh-CN': '{label}：' },
  'format.labelled': { en: '{label}: {value}', 'zh-CN': '{label}：{value}' },
  'format.label.why': { en: 'Why:', 'zh-CN': '依据：' },
  'format.label.against': { en: 'Against it:', 'zh-CN': '不支持的证据：' },
  'format.label.repairs': { en: 'What to do (safest first):', 'zh-CN': '怎么做（最安全的在前）：' },
  'format.label.steps': { en: 'Steps:', 'zh-CN': '步骤：' },
  'format.label.myths': { en: 'Do NOT:', 'zh-CN': '不要这样做：' },
  'format.evidence.probe': { en: 'check "{probe}"', 'zh-CN': '检查项“{probe}”' },
  'format.evidence.log': { en: '{file}, line {line}', 'zh-CN': '{file} 第 {line} 行' },
  'format.evidence.symptom': { en: 'the error you saw ({code})', 'zh-CN': '您遇到的错误（{code}）' },
  // ------------------------------------------------------------ values used inside reasons
  'value.age.minutes_one': { en: '{count} minute', 'zh-CN': '{count} 分钟' },
  'value.age.minutes_other': { en: '{count} minutes', 'zh-CN': '{count} 分钟' },
  'value.age.hours_one': { en: '{count} hour', 'zh-CN': '{count} 小时' },
  'value.age.hours_other': { en: '{count} hours', 'zh-CN': '{count} 小时' },
  'value.age.days_one': { en: '{count} day', 'zh-CN': '{count} 天' },
  'value.age.days_other': { en: '{count} days', 'zh-CN': '{count} 天' },
  'value.unknown-package': { en: 'an installation', 'zh-CN': '一个安装' },
  'value.scope.non-managed': { en: 'non-managed applications', 'zh-CN': '非托管应用程序' },
  'value.scope.all': { en: 'all applications', 'zh-CN': '所有应用程序' },
  // The signs Windows leaves when it waits for a restart (pending-reboot's indicator ids), named for a person.
  'value.reboot-marker.cbs-reboot-pending': {
    en: 'Windows servicing (CBS) waits for a restart',
    'zh-CN': 'Windows 组件服务（CBS）在等待重启',
  },
  'value.reboot-marker.cbs-reboot-in-progress': {
    en: 'a restart of Windows servicing (CBS) has not finished',
    'zh-CN': 'Windows 组件服务（CBS）的重启尚未完成',
  },
  'value.reboot-marker.cbs-packages-pending': {
    en: 'Windows updates are staged and wait for a restart',
    'zh-CN': '已暂存的 Windows 更新在等待重启',
  },
  'value.reboot-marker.wu-reboot-required': { en: 'Windows Update needs a restart', 'zh-CN': 'Windows 更新需要重启' },
  'value.reboot-marker.wu-post-reboot-reporting': {
    en: 'Windows Update still reports on its last restart',
    'zh-CN': 'Windows 更新仍在报告上次重启的结果',
  },
  'value.reboot-marker.wu-services-pending': {
    en: 'Windows Update services wait for a restart',
    'zh-CN': 'Windows 更新服务在等待重启',
  },
  'value.reboot-marker.pending-file-rename': {
    en: 'files wait to be replaced at the restart (PendingFileRenameOperations)',
    'zh-CN': '有文件在等待重启时被替换（PendingFileRenameOperations）',
  },
  'value.reboot-marker.update-exe-volatile': {
    en: 'an update program waits for a restart (UpdateExeVolatile)',
    'zh-CN': '某个更新程序在等待重启（UpdateExeVolatile）',
  },
  'value.reboot-marker.computer-rename': {
    en: "the computer's new name takes effect at the restart",
    'zh-CN': '电脑的新名称在重启后才生效',
  },
  'value.reboot-marker.domain-join': {
    en: 'joining the domain finishes at the restart',
    'zh-CN': '加入域要在重启后才完成',
  },
  'value.reboot-marker.configmgr': {
    en: 'Configuration Manager asks for a restart',
    'zh-CN': 'Configuration Manager 要求重启',
  },
  'value.reboot-marker.dvd-reboot-signal': {
    en: 'a setup program left a restart signal (DVDRebootSignal)',
    'zh-CN': '某个安装程序留下了重启标记（DVDRebootSignal）',
  },
  'value.reboot-marker.server-manager-attempts': {
    en: 'Server Manager waits to finish after a restart',
    'zh-CN': '服务器管理器在等待重启后完成',
  },
  'value.reboot-marker.intune-reboot-flag': { en: 'Intune asks for a restart', 'zh-CN': 'Intune 要求重启' },
  'value.reboot-marker.appv-pending-tasks': {
    en: 'App-V has tasks that wait for a restart',
    'zh-CN': 'App-V 有等待重启的任务',
  },
  // The Windows Installer service's state (installer-service's state), as a person reads it.
  'value.service-state.stopped': { en: 'stopped', 'zh-CN': '已停止' },
  'value.service-state.start-pending': { en: 'starting', 'zh-CN': '正在启动' },
  'value.service-state.stop-pending': { en: 'stopping', 'zh-CN': '正在停止' },
  'value.service-state.running': { en: 'running', 'zh-CN': '正在运行' },
  'value.service-state.continue-pending': { en: 'resuming', 'zh-CN': '正在恢复' },
  'value.service-state.pause-pending': { en: 'pausing', 'zh-CN': '正在暂停' },
  'value.service-state.paused': { en: 'paused', 'zh-CN': '已暂停' },
  'value.service-state.missing': { en: 'missing', 'zh-CN': '不存在' },
  'value.service-state.unknown': { en: 'in an unknown state', 'zh-CN': '状态未知' },
} satisfies TextTable;

export type DiagnosisTextKey = keyof typeof DIAGNOSIS_TEXTS;
