// Causes that live in the deployment tool, not in the MSI package (ConfigMgr, Intune, PSADT): detection rules, content,
// requirements, dependencies, deferrals, the deployment script, and what differs when an install runs as SYSTEM.
import type { CauseInfo } from './causes.ts';
import { localText } from './local-text.ts';
import { DOCS } from './doc-links.ts';

const TELL_ADMIN = localText(
  'Send your IT administrator the redacted report: it names the deployment, the lines of its log and what to change.',
  '把脱敏后的报告发给您的 IT 管理员：报告中写明了是哪个部署、它日志中的相关行以及需要修改什么。',
);

export const DEPLOY_CAUSES = [
  {
    id: 'detection-rule-mismatch',
    kind: 'cause',
    title: localText(
      "Installed, but the deployment's detection rule did not find it",
      '已经安装，但部署的检测规则没有找到它',
    ),
    explanation: localText(
      'The installer finished with a success code, then Configuration Manager or Intune checked its detection rule (a product code, a file, a registry value or a script) and found nothing, so the console reports a failure (Intune 0x87D1041C, Configuration Manager 0x87D00324). This is not a Windows Installer problem: repairing Windows Installer or reinstalling will not change it. The rule must match what the package really installs.',
      '安装程序以成功代码结束，随后 Configuration Manager 或 Intune 检查它的检测规则（产品代码、文件、注册表值或脚本），但什么也没找到，于是控制台报告失败（Intune 0x87D1041C，Configuration Manager 0x87D00324）。这不是 Windows Installer 的问题：修复 Windows Installer 或重新安装都不会改变结果。检测规则必须与安装包实际安装的内容一致。',
    ),
    confirmedBy: [
      localText(
        'A success exit code followed by "not discovered" / "detection state: NotDetected" in the deployment log.',
        '部署日志中先出现成功的退出代码，随后出现 “not discovered” / “detection state: NotDetected”。',
      ),
    ],
    ruledOutBy: [
      localText(
        'The installer itself returned a failure code, or detection found the app.',
        '安装程序本身返回了失败代码，或者检测找到了该应用。',
      ),
    ],
    confirmFacts: [],
    ruleOutFacts: [],
    codes: [],
    nextSteps: [
      localText(
        'Compare the detection rule with what was installed: the product code in the MSI log (ProductCode property) or the file / registry path the package really writes (64-bit vs 32-bit paths, version numbers).',
        '把检测规则与实际安装的内容比较：MSI 日志中的产品代码（ProductCode 属性），或安装包真正写入的文件 / 注册表路径（注意 64 位与 32 位路径、版本号）。',
      ),
      localText(
        'Fix the rule in the deployment type (Configuration Manager) or the app (Intune); no change on this computer is needed.',
        '在部署类型（Configuration Manager）或应用（Intune）中修正检测规则；这台电脑上不需要做任何修改。',
      ),
      TELL_ADMIN,
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.configMgrDetection, DOCS.intuneWin32Troubleshoot],
  },
  {
    id: 'content-unavailable',
    kind: 'cause',
    title: localText(
      'The installation files could not be downloaded (distribution point or network)',
      '无法下载安装文件（分发点或网络问题）',
    ),
    explanation: localText(
      "The deployment tool never got the installer: no distribution point offered the content, the download timed out, or the downloaded file failed its hash check. Nothing was installed and Windows Installer never ran, so this is not a problem of this computer's Windows Installer. It is fixed on the distribution point, the boundary groups or the network (Configuration Manager), or in Delivery Optimization / network access (Intune).",
      '部署工具始终没有拿到安装程序：没有分发点提供该内容、下载超时，或下载的文件没有通过哈希校验。什么也没有安装，Windows Installer 也根本没有运行，所以这不是这台电脑上 Windows Installer 的问题。需要在分发点、边界组或网络（Configuration Manager），或在传递优化 / 网络访问（Intune）方面解决。',
    ),
    confirmedBy: [
      localText(
        'Content lines in the log: an empty location update, 0x87D00215, a download timeout or a hash mismatch.',
        '日志中的内容相关行：空的位置更新、0x87D00215、下载超时或哈希不匹配。',
      ),
    ],
    ruledOutBy: [localText('The download completed and an installer ran.', '下载已完成，并且安装程序已经运行。')],
    confirmFacts: [],
    ruleOutFacts: [],
    codes: [],
    nextSteps: [
      localText(
        "Configuration Manager: check that the content is distributed to a distribution point in this computer's boundary group (and that the boundary group has a fallback); a hash mismatch means the content on the distribution point must be redistributed.",
        'Configuration Manager：检查内容是否已分发到这台电脑所在边界组的分发点（以及边界组是否配置了回退）；哈希不匹配说明需要重新分发分发点上的内容。',
      ),
      localText(
        'Intune: check the network and Delivery Optimization on this computer; a download timeout is retried by itself at the next check-in.',
        'Intune：检查这台电脑的网络和传递优化；下载超时会在下一次签入时自动重试。',
      ),
      TELL_ADMIN,
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.configMgrContent, DOCS.intuneWin32Troubleshoot],
  },
  {
    id: 'requirement-not-met',
    kind: 'cause',
    title: localText('A requirement rule excluded this computer', '需求规则排除了这台电脑'),
    explanation: localText(
      'The deployment has requirement rules (operating system, architecture, free space, a script...). This computer did not meet one, so the tool did not install anything. That is the deployment working as configured, not an installer failure: either the rule is wrong for this computer, or the computer really is not a target.',
      '该部署设置了需求规则（操作系统、架构、可用空间、脚本等）。这台电脑不满足其中一条，所以部署工具没有安装任何东西。这是部署按配置在工作，并不是安装失败：要么这条规则不适合这台电脑，要么这台电脑确实不是目标。',
    ),
    confirmedBy: [
      localText(
        '"applicability state: NotApplicable" or "Applicability = NotApplicable" in the log.',
        '日志中出现 “applicability state: NotApplicable” 或 “Applicability = NotApplicable”。',
      ),
    ],
    ruledOutBy: [localText('The app is applicable, or it is already detected.', '该应用适用，或已经被检测到。')],
    confirmFacts: [],
    ruleOutFacts: [],
    codes: [],
    nextSteps: [
      localText(
        'Ask the administrator which requirement rule applies and whether this computer should meet it (a requirement script that prints nothing counts as "not met").',
        '询问管理员适用的是哪条需求规则，以及这台电脑是否应当满足它（需求脚本如果没有任何输出，会被视为“不满足”）。',
      ),
      TELL_ADMIN,
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.intuneWin32Troubleshoot],
  },
  {
    id: 'dependency-failed',
    kind: 'cause',
    title: localText(
      'An app this one depends on failed first, so this one was not installed',
      '它所依赖的另一个应用先失败了，所以这个应用没有安装',
    ),
    explanation: localText(
      "The deployment installs its dependencies first. One of them failed, so the tool did not even start this app's installer. Look at the dependency's own attempt: its failure is the one to fix.",
      '部署会先安装依赖项。其中一个依赖项失败了，所以部署工具根本没有启动这个应用的安装程序。请查看那个依赖项自己的安装尝试：需要解决的是它的失败。',
    ),
    confirmedBy: [
      localText(
        '"Marking app ... as executed ... since child dependency app ... has failed processing" in the log.',
        '日志中出现 “Marking app ... as executed ... since child dependency app ... has failed processing”。',
      ),
    ],
    ruledOutBy: [localText('The dependencies were installed or detected.', '依赖项已安装或已被检测到。')],
    confirmFacts: [],
    ruleOutFacts: [],
    codes: [],
    nextSteps: [
      localText(
        "Find the dependency's attempt in the same log (or its MSI log) and fix that failure; this app then installs at the next check-in.",
        '在同一个日志（或它的 MSI 日志）中找到该依赖项的安装尝试并解决那个失败；之后这个应用会在下一次签入时安装。',
      ),
      TELL_ADMIN,
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.intuneWin32Troubleshoot],
  },
  {
    id: 'deployment-deferred',
    kind: 'info',
    title: localText('The installation was postponed (deferred by the user)', '安装被推迟了（用户选择了推迟）'),
    explanation: localText(
      'The deployment asked the signed-in user to close programs or allowed a deferral, and the user deferred (or the prompt timed out). The toolkit exits with its deferral code and the deployment comes back later by itself. Nothing failed.',
      '部署请登录的用户关闭程序或允许推迟，用户选择了推迟（或提示框超时）。部署工具包以其推迟代码退出，部署稍后会自动再次运行。没有任何东西失败。',
    ),
    confirmedBy: [
      localText(
        '"Installation deferred by the user" and exit code 60012 (or 1602 in PSADT 4.1).',
        '出现 “Installation deferred by the user”，退出代码为 60012（PSADT 4.1 中为 1602）。',
      ),
    ],
    ruledOutBy: [localText('An installer ran and failed.', '安装程序运行过并失败了。')],
    confirmFacts: [],
    ruleOutFacts: [],
    codes: [60012],
    nextSteps: [
      localText(
        'Nothing to fix: install when prompted next time, or ask the administrator when the deadline is.',
        '无需修复：下次提示时选择安装，或询问管理员截止时间。',
      ),
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.psadtExitCodes],
  },
  {
    id: 'deployment-script-failed',
    kind: 'cause',
    title: localText('The deployment script itself stopped on an error', '部署脚本本身因错误而停止'),
    explanation: localText(
      'The PSAppDeployToolkit script hit an error and ended with its generic failure code (60001) before or without running the installer. The error record in the toolkit log says which command failed; the script needs to be fixed by whoever packaged it.',
      'PSAppDeployToolkit 脚本遇到错误，在运行安装程序之前（或根本没有运行安装程序）就以通用失败代码（60001）结束了。工具包日志中的错误记录会说明是哪条命令失败；需要由打包的人修正脚本。',
    ),
    confirmedBy: [
      localText(
        'An "Error Record:" block and exit code 60001 in the toolkit log.',
        '工具包日志中有 “Error Record:” 块，退出代码为 60001。',
      ),
    ],
    ruledOutBy: [localText('An installer ran and returned the failure code.', '安装程序运行过并返回了失败代码。')],
    confirmFacts: [],
    ruleOutFacts: [],
    codes: [60001],
    nextSteps: [
      localText(
        'Read the "Message" and "ScriptStackTrace" lines of the error record: they name the failing command and the script line.',
        '阅读错误记录中的 “Message” 和 “ScriptStackTrace” 行：它们写明了失败的命令和脚本行号。',
      ),
      TELL_ADMIN,
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.psadtExitCodes],
  },
  {
    id: 'system-context-only',
    kind: 'cause',
    title: localText(
      'The install relies on something the SYSTEM account does not have',
      '安装依赖了 SYSTEM 账户所没有的东西',
    ),
    explanation: localText(
      'Configuration Manager and Intune run installs as the SYSTEM account, in a session nobody sees. SYSTEM has no mapped drives, its own profile (C:\\Windows\\System32\\config\\systemprofile), its own HKEY_CURRENT_USER and TEMP (C:\\Windows\\Temp), reaches network shares as the computer account (DOMAIN\\COMPUTER$), and cannot answer a prompt under /qn. An install that works when you run it yourself can fail as SYSTEM for exactly these reasons.',
      'Configuration Manager 和 Intune 以 SYSTEM 账户在一个谁也看不到的会话中运行安装。SYSTEM 没有映射的网络驱动器，有自己的配置文件（C:\\Windows\\System32\\config\\systemprofile）、自己的 HKEY_CURRENT_USER 和 TEMP（C:\\Windows\\Temp），以计算机账户（域\\计算机名$）访问网络共享，并且在 /qn 静默模式下无法回答任何提示。您自己运行能成功的安装，以 SYSTEM 运行时可能正是因为这些原因而失败。',
    ),
    confirmedBy: [
      localText(
        'The command line or the MSI log refers to a mapped drive, a network share, a user profile, HKCU or a per-user folder, or the installer waited for input until a timeout.',
        '命令行或 MSI 日志引用了映射的驱动器、网络共享、用户配置文件、HKCU 或按用户的文件夹，或者安装程序一直等待输入直到超时。',
      ),
    ],
    ruledOutBy: [
      localText(
        'The same command fails the same way when run as an administrator.',
        '以管理员身份运行同一条命令也以同样方式失败。',
      ),
    ],
    confirmFacts: [],
    ruleOutFacts: [],
    codes: [1327, 1603, 1619],
    nextSteps: [
      localText(
        'Reproduce as SYSTEM: run the same command from an elevated "psexec -s -i cmd" (Sysinternals) and watch what it asks for or cannot reach.',
        '以 SYSTEM 身份重现：在提升权限的 “psexec -s -i cmd”（Sysinternals）中运行同一条命令，观察它要求什么或访问不到什么。',
      ),
      localText(
        'Use local or UNC paths the computer account can read instead of mapped drives; write machine-wide settings (HKLM, ProgramData) instead of per-user ones; make sure /qn needs no answer.',
        '使用计算机账户能读取的本地路径或 UNC 路径代替映射驱动器；写入全机设置（HKLM、ProgramData）而不是按用户的设置；确保在 /qn 下无需任何应答。',
      ),
      TELL_ADMIN,
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.configMgrAppInstall],
  },
] satisfies readonly CauseInfo[];
