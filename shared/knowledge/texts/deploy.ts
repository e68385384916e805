// en + zh-CN texts about deployment tools (ConfigMgr, Intune, PSADT): the reasons findings give (fact.deploy-*), the
// labels of the CLI and the app (deploy.*), and the tools' exit codes and console codes (from deploy-exit-codes.ts).
import type { TextTable } from '../local-text.ts';
import { REPORTED_CODES, TOOL_EXIT_CODES } from '../deploy-exit-codes.ts';

const STATIC = {
  // ------------------------------------------------------------ reasons (findings)
  'fact.deploy-ran': {
    en: '{tool} ran {command} for "{app}" {account} at {time}; it returned {code}: {meaning}.',
    'zh-CN': '{tool} 于 {time} {account}为“{app}”运行了 {command}；它返回了 {code}：{meaning}。',
  },
  'fact.deploy-tried': {
    en: '{tool} tried to install "{app}" {account} at {time}: {outcome}.',
    'zh-CN': '{tool} 于 {time} {account}尝试安装“{app}”：{outcome}。',
  },
  'fact.deploy-joined-ca': {
    en: '{tool} ran {command} {account} at {time}; it returned {code} because custom action {action} failed: "{output}".',
    'zh-CN':
      '{tool} 于 {time} {account}运行了 {command}；它返回了 {code}，因为自定义操作 {action} 失败了：“{output}”。',
  },
  'fact.deploy-joined-action': {
    en: '{tool} ran {command} {account} at {time}; it returned {code} because the action {action} failed: "{output}".',
    'zh-CN': '{tool} 于 {time} {account}运行了 {command}；它返回了 {code}，因为操作 {action} 失败了：“{output}”。',
  },
  'fact.deploy-joined-cause': {
    en: '{tool} ran {command} {account} at {time}; it returned {code}. Its MSI log {file} says why: {cause}.',
    'zh-CN': '{tool} 于 {time} {account}运行了 {command}；它返回了 {code}。它的 MSI 日志 {file} 说明了原因：{cause}。',
  },
  'fact.deploy-msi-log-missing': {
    en: 'The MSI log of this install should be at {path} on the computer that ran it, but it was not among the files read. Add that file to see why the installer failed.',
    'zh-CN':
      '这次安装的 MSI 日志应该位于运行它的那台电脑上的 {path}，但它不在已读取的文件中。添加这个文件即可看到安装程序失败的原因。',
  },
  'fact.deploy-no-msi-log': {
    en: 'The command writes no MSI log. Add {switch} to {where} command line so the next failure explains itself.',
    'zh-CN': '这条命令不会写 MSI 日志。请在{where}命令行中加上 {switch}，这样下次失败时日志就能说明原因。',
  },
  'fact.deploy-not-detected': {
    en: 'The installer returned {code} (success), then the detection rule did not find "{app}" ({console}): the rule is the problem, not Windows Installer.',
    'zh-CN':
      '安装程序返回了 {code}（成功），随后检测规则没有找到“{app}”（{console}）：问题在于检测规则，而不是 Windows Installer。',
  },
  'fact.deploy-still-detected': {
    en: 'The uninstaller returned {code} (success), but the detection rule still finds "{app}" (Configuration Manager 0x87D00325): check the rule, and whether another version or another deployment installed it.',
    'zh-CN':
      '卸载程序返回了 {code}（成功），但检测规则仍然能找到“{app}”（Configuration Manager 0x87D00325）：请检查检测规则，以及是否有其他版本或其他部署安装了它。',
  },
  'fact.deploy-rule-code-differs': {
    en: 'The detection rule looks for product code {rule}, but the MSI log shows the package installed product code {actual}.',
    'zh-CN': '检测规则查找的产品代码是 {rule}，但 MSI 日志显示安装包安装的产品代码是 {actual}。',
  },
  'fact.deploy-msi-log-success': {
    en: 'Its MSI log {file} shows the installation itself succeeded.',
    'zh-CN': '它的 MSI 日志 {file} 显示安装本身是成功的。',
  },
  'fact.deploy-content': {
    en: '{tool} could not get the installation files for "{app}" ({detail}); nothing was installed and Windows Installer never ran.',
    'zh-CN': '{tool} 无法获取“{app}”的安装文件（{detail}）；什么也没有安装，Windows Installer 也没有运行。',
  },
  'fact.deploy-requirements': {
    en: 'A requirement rule of "{app}" was not met on this computer; nothing was installed.',
    'zh-CN': '“{app}”的某条需求规则在这台电脑上没有满足；什么也没有安装。',
  },
  'fact.deploy-dependency': {
    en: '"{app}" was not installed because the app it depends on ({dependency}) failed first.',
    'zh-CN': '“{app}”没有安装，因为它依赖的应用（{dependency}）先失败了。',
  },
  'fact.deploy-deferred': {
    en: 'The user deferred "{app}" ({tool} exit code {code}); the deployment will come back.',
    'zh-CN': '用户推迟了“{app}”（{tool} 退出代码 {code}）；部署稍后会再次运行。',
  },
  'fact.deploy-mutex': {
    en: '{tool} waited for the Windows Installer lock, held by {blocker}, then gave up with exit code {code}.',
    'zh-CN': '{tool} 等待 Windows Installer 锁，但它被 {blocker} 占用，最后以退出代码 {code} 放弃。',
  },
  'fact.deploy-retries_one': {
    en: '{tool} tried "{app}" {count} time; it returned {code} (another installation was running), then it reported the app as failed.',
    'zh-CN': '{tool} 尝试了“{app}” {count} 次；每次都返回 {code}（当时有另一个安装在运行），然后把该应用报告为失败。',
  },
  'fact.deploy-retries_other': {
    en: '{tool} tried "{app}" {count} times; each attempt returned {code} (another installation was running), then it reported the app as failed.',
    'zh-CN': '{tool} 尝试了“{app}” {count} 次；每次都返回 {code}（当时有另一个安装在运行），然后把该应用报告为失败。',
  },
  'fact.deploy-retry-pending': {
    en: '{tool} will try "{app}" again by itself: {meaning}.',
    'zh-CN': '{tool} 会自动再次尝试“{app}”：{meaning}。',
  },
  'fact.deploy-script-error': {
    en: 'The deployment script of "{app}" stopped on an error (exit code {code}).',
    'zh-CN': '“{app}”的部署脚本因错误而停止（退出代码 {code}）。',
  },
  'fact.deploy-masked': {
    en: 'The toolkit reported success, but the installer it ran returned {code}: the product is not installed.',
    'zh-CN': '部署工具包报告了成功，但它运行的安装程序返回了 {code}：产品并没有安装。',
  },
  'fact.deploy-system-hint-mapped-drive': {
    en: 'The install refers to {text}: if that is a mapped network drive, SYSTEM does not have it.',
    'zh-CN': '这次安装引用了 {text}：如果这是映射的网络驱动器，SYSTEM 账户没有它。',
  },
  'fact.deploy-system-hint-unc-path': {
    en: 'The install reads {text}: SYSTEM reaches network shares as the computer account, which needs its own read access there.',
    'zh-CN': '这次安装读取 {text}：SYSTEM 以计算机账户访问网络共享，该账户需要在那里有读取权限。',
  },
  'fact.deploy-system-hint-user-profile': {
    en: "The install refers to a user's profile ({text}): SYSTEM has its own profile, not the user's.",
    'zh-CN': '这次安装引用了用户的配置文件（{text}）：SYSTEM 有自己的配置文件，而不是该用户的。',
  },
  'fact.deploy-system-hint-hkcu': {
    en: "The install uses {text}: as SYSTEM, HKEY_CURRENT_USER is SYSTEM's own registry hive, not the user's.",
    'zh-CN':
      '这次安装使用了 {text}：以 SYSTEM 运行时，HKEY_CURRENT_USER 是 SYSTEM 自己的注册表配置单元，而不是该用户的。',
  },
  'fact.deploy-system-hint-user-temp': {
    en: "The install uses {text}: for SYSTEM that is C:\\Windows\\Temp, not the user's TEMP folder.",
    'zh-CN': '这次安装使用了 {text}：对 SYSTEM 来说它是 C:\\Windows\\Temp，而不是该用户的 TEMP 文件夹。',
  },
  'fact.deploy-system-hint-no-one-to-answer': {
    en: 'The installer ran until the time limit and was stopped: as SYSTEM, in a session nobody sees, a prompt it shows can never be answered.',
    'zh-CN':
      '安装程序一直运行到时间上限后被终止：以 SYSTEM 身份在一个谁也看不到的会话中运行时，它显示的提示永远无人应答。',
  },
  // ------------------------------------------------------------ values used inside sentences
  'deploy.tool.configmgr': { en: 'Configuration Manager', 'zh-CN': 'Configuration Manager' },
  'deploy.tool.intune': { en: 'Intune', 'zh-CN': 'Intune' },
  'deploy.tool.psadt': { en: 'PSAppDeployToolkit', 'zh-CN': 'PSAppDeployToolkit' },
  'deploy.account.system': { en: 'as SYSTEM', 'zh-CN': '以 SYSTEM 身份' },
  'deploy.account.user': { en: 'as the signed-in user', 'zh-CN': '以登录用户身份' },
  'deploy.account.unknown': { en: 'in its own account', 'zh-CN': '以其自身账户' },
  'deploy.value.no-time': { en: 'an unknown time', 'zh-CN': '某个时间' },
  'deploy.value.no-command': { en: 'the installer', 'zh-CN': '安装程序' },
  'deploy.value.no-app': { en: 'this app', 'zh-CN': '该应用' },
  'deploy.value.another-install': { en: 'another installation', 'zh-CN': '另一个安装' },
  'deploy.value.failure': { en: 'a failure', 'zh-CN': '失败' },
  'deploy.value.no-location': { en: 'no distribution point offered the content', 'zh-CN': '没有分发点提供该内容' },
  'deploy.value.hash': { en: 'the downloaded file failed its hash check', 'zh-CN': '下载的文件没有通过哈希校验' },
  'deploy.value.download-timeout': { en: 'the download did not finish in time', 'zh-CN': '下载没有按时完成' },
  'deploy.value.download-failed': { en: 'the download failed', 'zh-CN': '下载失败' },
  'deploy.where.configmgr': { en: "the deployment type's", 'zh-CN': '部署类型的' },
  'deploy.where.intune': { en: "the Win32 app's install", 'zh-CN': 'Win32 应用的安装' },
  'deploy.where.psadt': { en: 'the msiexec', 'zh-CN': 'msiexec 的' },
  'deploy.outcome.success': { en: 'succeeded', 'zh-CN': '成功' },
  'deploy.outcome.failure': { en: 'FAILED', 'zh-CN': '失败' },
  'deploy.outcome.retry': { en: 'will be retried', 'zh-CN': '将会重试' },
  'deploy.outcome.not-detected': { en: 'installed, but not detected', 'zh-CN': '已安装，但未被检测到' },
  'deploy.outcome.unknown': { en: 'no result in this log', 'zh-CN': '此日志中没有结果' },
  'deploy.outcome.restart': { en: 'succeeded, restart needed', 'zh-CN': '成功，需要重启' },
  'deploy.stage.download': { en: 'download', 'zh-CN': '下载' },
  'deploy.stage.content-hash': { en: 'content check', 'zh-CN': '内容校验' },
  'deploy.stage.requirements': { en: 'requirements', 'zh-CN': '需求检查' },
  'deploy.stage.dependency': { en: 'dependencies', 'zh-CN': '依赖项' },
  'deploy.stage.install': { en: 'install', 'zh-CN': '安装' },
  'deploy.stage.detection': { en: 'detection', 'zh-CN': '检测' },
  // ------------------------------------------------------------ manual steps
  'deploy.step.add-logging': {
    en: 'Change the command line to: {command}',
    'zh-CN': '把命令行改为：{command}',
  },
  'deploy.step.get-msi-log': {
    en: 'Get {path} from the computer that ran the install and analyze it together with this log.',
    'zh-CN': '从运行安装的那台电脑上取得 {path}，并与这个日志一起分析。',
  },
  'deploy.step.tell-admin': {
    en: 'Tell your IT administrator: "{app}" ({tool}) {outcome} at the {stage} step, code {code}; send the redacted report with it.',
    'zh-CN': '告诉您的 IT 管理员：“{app}”（{tool}）在{stage}步骤{outcome}，代码 {code}；并附上脱敏后的报告。',
  },
  // ------------------------------------------------------------ CLI and app labels
  'deploy.label.log': { en: 'Log', 'zh-CN': '日志' },
  'deploy.label.lines': { en: 'Lines to read', 'zh-CN': '需要查看的日志行' },
  'deploy.label.deployment': { en: 'Deployment', 'zh-CN': '部署' },
  'deploy.attempt.title': { en: '{tool} — "{app}" — {outcome}', 'zh-CN': '{tool} ——“{app}”—— {outcome}' },
  'deploy.attempt.when': { en: '{time}, {account}', 'zh-CN': '{time}，{account}' },
  'deploy.exit.value': { en: '{code} — {meaning}', 'zh-CN': '{code} —— {meaning}' },
  'deploy.label.command': { en: 'Command', 'zh-CN': '命令' },
  'deploy.label.exit': { en: 'Exit code', 'zh-CN': '退出代码' },
  'deploy.label.console': { en: 'Console shows', 'zh-CN': '控制台显示' },
  'deploy.label.stage': { en: 'Stopped at', 'zh-CN': '停止于' },
  'deploy.label.msi-log': { en: 'MSI log', 'zh-CN': 'MSI 日志' },
  'deploy.label.blocked': { en: 'Blocked by', 'zh-CN': '被占用于' },
  'deploy.label.depends': { en: 'Depends on', 'zh-CN': '依赖于' },
  'deploy.label.rule': { en: 'Rule looks for', 'zh-CN': '规则查找' },
  'deploy.label.attempts': { en: 'Attempts', 'zh-CN': '安装尝试' },
  'deploy.label.time': { en: 'When', 'zh-CN': '时间' },
  'deploy.msi-log.analyzed': { en: '{path} (analyzed below)', 'zh-CN': '{path}（分析见下文）' },
  'deploy.msi-log.not-given': {
    en: '{path} — add it to see why the installer failed: msi-doctor analyze "{log}" "{path}"',
    'zh-CN': '{path} —— 添加它即可看到安装程序失败的原因：msi-doctor analyze "{log}" "{path}"',
  },
  'deploy.msi-log.none': {
    en: 'none: the command writes no MSI log; add {switch}',
    'zh-CN': '无：这条命令不写 MSI 日志；请加上 {switch}',
  },
  'deploy.attempts.summary': {
    en: '{count} in this log ({failed} not successful); the one shown is the latest problem',
    'zh-CN': '此日志中共 {count} 次（{failed} 次未成功）；这里显示的是最近一次出问题的',
  },
  'deploy.exit.mapping.unmatched': {
    en: 'not in the return-code table: a failure',
    'zh-CN': '不在返回代码表中：视为失败',
  },
  'deploy.exit.mapping.no-mapping': {
    en: 'no return-code mapping set by the admin: a failure',
    'zh-CN': '管理员没有设置返回代码映射：视为失败',
  },
} satisfies TextTable;

function generated(): TextTable {
  const table: TextTable = {};
  for (const entry of TOOL_EXIT_CODES) table[`deploy.exit.${entry.tool}.${entry.code}`] = entry.text;
  for (const [code, text] of REPORTED_CODES) table[`deploy.console.${code}`] = text;
  return table;
}

export const DEPLOY_TEXTS: TextTable = { ...STATIC, ...generated() };
