// The `msi-doctor <command> --help` pages and the one-line messages for bad options or input (exit 2), en + zh-CN.
// Option names, placeholders (NAME, FILE...) and commands stay literal in both languages.
import type { TextTable } from '../local-text.ts';

export const CLI_HELP_TEXTS = {
  'cli.help.scan': {
    en: `Usage: msi-doctor scan [--simulate NAME | --scenario FILE] [--code CODE] [--log FILE] [--msi FILE]
                       [--no-elevate] [--json | --brief] [--lang en|zh-CN] [--results-dir DIR] [--issue-exit-code N]
                       [--list-scenarios]

Checks the machine the way an expert would: Windows Installer service, install in progress, pending reboot,
temp folders and their permissions, elevation, policies, installer events, recent logs, installed versions, and the
logs of company deployments (Configuration Manager, Intune, PSAppDeployToolkit) followed to their MSI logs.
On Windows it probes this machine (one administrator prompt for the checks that need it); elsewhere it needs
a simulated machine.

  --simulate NAME     scan a built-in simulated machine (see --list-scenarios)
  --scenario FILE     scan a simulated machine described by a scenario JSON file
  --code CODE         the error you saw (2503, 1618, 0x80070643, "错误 2503"...); repeatable
  --log FILE          an MSI or Burn log to analyze with the scan; repeatable
  --msi FILE          the .msi that failed (to compare with installed versions)
  --no-elevate        skip the administrator prompt; the report says what could not be checked
  --json              print the result as JSON (schema msi-doctor/scan@1)
  --lang LANG         language of the summaries: en (default) or zh-CN
  --results-dir DIR   also write the result (msi-doctor/scan@1) into DIR as MACHINE_TIME_ID.json, for
                      "msi-doctor fleet summarize DIR" (a share the machines can write to, for example)
  --issue-exit-code N exit with N (1-255) when an issue is found (Intune Remediations detection: 1)
  --brief             print one line: how many issues, and the first one (for a console's output column)
  --list-scenarios    list the built-in simulated machines
  -h, --help          show this help

With --simulate/--scenario and no --code/--log/--msi, the scenario's own symptom, logs and package are used.
Exit status: 0 when the scan completed (whatever it found; with --issue-exit-code, N when an issue was found),
2 on bad input.
`,
    'zh-CN': `用法：msi-doctor scan [--simulate NAME | --scenario FILE] [--code CODE] [--log FILE] [--msi FILE]
                       [--no-elevate] [--json | --brief] [--lang en|zh-CN] [--results-dir DIR] [--issue-exit-code N]
                       [--list-scenarios]

像专家一样检查电脑：Windows Installer 服务、正在进行的安装、待重启、临时文件夹及其权限、管理员权限、
策略、安装程序事件、最近的日志、已安装的版本，以及公司部署工具（Configuration Manager、Intune、
PSAppDeployToolkit）的日志，并顺着它们找到对应的 MSI 日志。
在 Windows 上检查这台电脑（需要管理员权限的检查只弹出一次管理员提示）；在其他系统上需要一台模拟电脑。

  --simulate NAME     检查一台内置的模拟电脑（见 --list-scenarios）
  --scenario FILE     检查由场景 JSON 文件描述的模拟电脑
  --code CODE         您看到的错误（2503、1618、0x80070643、“错误 2503”等）；可以重复
  --log FILE          与检查一起分析的 MSI 或 Burn 日志；可以重复
  --msi FILE          安装失败的 .msi（用来与已安装的版本比较）
  --no-elevate        不弹出管理员提示；报告会说明哪些项目没能检查
  --json              以 JSON 输出结果（格式 msi-doctor/scan@1）
  --lang LANG         摘要的语言：en（默认）或 zh-CN
  --results-dir DIR   同时把结果（msi-doctor/scan@1）写入 DIR，文件名为 MACHINE_TIME_ID.json，
                      供 “msi-doctor fleet summarize DIR” 使用（例如各台电脑都能写入的共享文件夹）
  --issue-exit-code N 发现问题时以 N（1 到 255）退出（Intune 修正脚本的检测：1）
  --brief             只输出一行：问题数量和第一个问题（供管理控制台的输出列使用）
  --list-scenarios    列出内置的模拟电脑
  -h, --help          显示本帮助

使用 --simulate/--scenario 且没有 --code/--log/--msi 时，使用场景自带的症状、日志和安装包。
退出状态：检查完成时为 0（无论发现什么；使用 --issue-exit-code 时，发现问题则为 N），输入有误时为 2。
`,
  },
  'cli.help.analyze': {
    en: `Usage: msi-doctor analyze [--json] [--lang en|zh-CN] FILE... 

Reads Windows Installer logs (verbose /L*v, basic, several sessions appended with /L+, localized), WiX Burn
bundle logs, and the logs of deployment tools: Configuration Manager (AppEnforce, execmgr, CAS, ...), Intune
(AppWorkload, IntuneManagementExtension, ...) and PSAppDeployToolkit. Says what failed, why, and what to do.
Give a deployment log together with the MSI log it names to get one joined answer. Use - to read stdin.

  --json        print the analysis as JSON (schema msi-doctor/log-analysis@1); an array for several files
  --lang LANG   language of the explanation: en (default) or zh-CN
  -h, --help    show this help

Exit status: 0 when every file was analyzed (whatever the install's outcome), 2 on bad input.
`,
    'zh-CN': `用法：msi-doctor analyze [--json] [--lang en|zh-CN] FILE... 

读取 Windows Installer 日志（详细 /L*v、基本日志、用 /L+ 追加的多次会话、本地化日志）、WiX Burn 捆绑包日志，
以及部署工具的日志：Configuration Manager（AppEnforce、execmgr、CAS 等）、Intune（AppWorkload、
IntuneManagementExtension 等）和 PSAppDeployToolkit。说明什么失败了、为什么，以及该怎么做。
把部署日志和它提到的 MSI 日志一起给出，可以得到一个合并的结论。用 - 从标准输入读取。

  --json        以 JSON 输出分析结果（格式 msi-doctor/log-analysis@1）；多个文件时为数组
  --lang LANG   说明的语言：en（默认）或 zh-CN
  -h, --help    显示本帮助

退出状态：每个文件都分析完成时为 0（无论安装结果如何），输入有误时为 2。
`,
  },
  'cli.help.inspect': {
    en: `Usage: msi-doctor inspect [--json] [--lang en|zh-CN] FILE.msi...

Reads a Windows Installer package itself, on any operating system, without installing it: product, version and
codes, who it installs for (per machine needs administrator rights), launch conditions, upgrades, every custom
action (when it runs, as whom, with or without rollback) and findings a package author or an IT admin should know
before installing it.

  --json        print msi-doctor/package@1 (an array for several files); finding texts in --lang
  --lang LANG   language of the explanation: en (default) or zh-CN
  -h, --help    show this help

Exit status: 0 when every file was read, 2 on bad input (not an .msi, damaged, a patch or transform...).
`,
    'zh-CN': `用法：msi-doctor inspect [--json] [--lang en|zh-CN] FILE.msi...

在任何操作系统上直接读取 Windows Installer 安装包本身，而不安装它：产品、版本和代码、为谁安装（按计算机安装
需要管理员权限）、启动条件、升级、每个自定义操作（何时运行、以谁的身份运行、有没有回滚），以及安装包作者或
IT 管理员在安装之前应该知道的问题。

  --json        输出 msi-doctor/package@1（多个文件时为数组）；问题说明使用 --lang 指定的语言
  --lang LANG   说明的语言：en（默认）或 zh-CN
  -h, --help    显示本帮助

退出状态：每个文件都读取成功时为 0，输入有误时为 2（不是 .msi、已损坏、是补丁或转换文件等）。
`,
  },
  'cli.help.report': {
    en: `Usage: msi-doctor report [--simulate NAME | --scenario FILE] [--code CODE] [--log FILE] [--msi FILE]
                         [--out FILE.zip|.html|.json] [--no-redact] [--lang en|zh-CN] [--no-elevate] [--app-log FILE]

Scans the machine, analyses the logs, diagnoses, and writes a report to send to a helpdesk or a vendor.
  .zip   report.html + report.json + the full MSI logs + raw outputs of every check + repair journals + app log
  .html  one self-contained page (no scripts, works offline, prints to PDF)
  .json  the whole report for tools (schema msi-doctor/report@1)

Personal data is redacted by default: user names and profile folders, computer name, domain, user SIDs,
e-mail, IP and MAC addresses, passwords and other secret installer properties become <user-1>, <secret-1>...

  --simulate NAME     report on a built-in simulated machine (msi-doctor scan --list-scenarios)
  --scenario FILE     report on a simulated machine described by a scenario JSON file
  --code CODE         the error you saw (2503, 1618, 0x80070643...); repeatable
  --log FILE          an MSI or Burn log to analyse and attach; repeatable
  --msi FILE          the .msi that failed
  --out FILE          where to write; the extension picks the format (default: msi-doctor-report-<time>.zip)
  --no-redact         keep personal data and secrets (a warning is printed)
  --lang LANG         en or zh-CN (default: from LANG, else en)
  --no-elevate        skip the administrator prompt; the report says what could not be checked
  --app-log FILE      MSI Doctor's own log to attach to a ZIP (redacted)
  -h, --help          show this help

Repair journals of the last 24 hours (msi-doctor fix / undo) are included. Data folder: MSI_DOCTOR_DATA_DIR,
else the OS application-data folder.

Exit status: 0 when the report was written, 2 on bad input.
`,
    'zh-CN': `用法：msi-doctor report [--simulate NAME | --scenario FILE] [--code CODE] [--log FILE] [--msi FILE]
                         [--out FILE.zip|.html|.json] [--no-redact] [--lang en|zh-CN] [--no-elevate] [--app-log FILE]

检查电脑、分析日志、做出诊断，并写出一份可以发给技术支持或软件厂商的报告。
  .zip   report.html + report.json + 完整的 MSI 日志 + 每项检查的原始输出 + 修复记录 + 应用日志
  .html  一个独立的页面（没有脚本，可离线查看，可打印为 PDF）
  .json  供工具使用的完整报告（格式 msi-doctor/report@1）

默认会对个人数据脱敏：用户名和用户配置文件夹、计算机名、域、用户 SID、电子邮件、IP 和 MAC 地址、
密码及其他保密的安装程序属性都会替换为 <user-1>、<secret-1> 等。

  --simulate NAME     为一台内置的模拟电脑写报告（msi-doctor scan --list-scenarios）
  --scenario FILE     为由场景 JSON 文件描述的模拟电脑写报告
  --code CODE         您看到的错误（2503、1618、0x80070643 等）；可以重复
  --log FILE          要分析并附上的 MSI 或 Burn 日志；可以重复
  --msi FILE          安装失败的 .msi
  --out FILE          写到哪里；扩展名决定格式（默认：msi-doctor-report-<时间>.zip）
  --no-redact         保留个人数据和机密信息（会输出一条警告）
  --lang LANG         语言：en 或 zh-CN（默认：取自 LANG，否则为 en）
  --no-elevate        不弹出管理员提示；报告会说明哪些项目没能检查
  --app-log FILE      附到 ZIP 中的 MSI Doctor 自身日志（已脱敏）
  -h, --help          显示本帮助

报告包含最近 24 小时的修复记录（msi-doctor fix / undo）。数据文件夹：MSI_DOCTOR_DATA_DIR，
否则为操作系统的应用数据文件夹。

退出状态：报告写出时为 0，输入有误时为 2。
`,
  },
  'cli.help.fix': {
    en: `Usage: msi-doctor fix REPAIR_ID|recommended [--simulate NAME | --scenario FILE] [--msi FILE] [--code CODE]
                      [--dry-run] [--yes] [--json] [--lang en|zh-CN] [repair options]

Scans the machine, builds the repair's plan (exact commands, risk, whether it can be undone, backups), shows it,
asks for confirmation, runs it (one administrator prompt for all elevated steps), re-checks and prints the outcome.
"recommended" picks the first repair of the top finding of the scan.

  --simulate NAME       work on a built-in simulated machine (its state is kept between fix and undo)
  --scenario FILE       work on a simulated machine from a scenario JSON file
  --msi FILE            the .msi you tried to install (retry / wait repairs run it again, with a log)
  --code CODE           the error you saw (for "recommended"); repeatable
  --dry-run             print the plan only; change nothing
  --yes                 confirm everything without asking (needed when not in a terminal)
  --json                print the outcome as JSON (schema msi-doctor/repair@1); with --dry-run, the plan
  --lang LANG           en (default) or zh-CN
Repair options:
  --pid N               end-stuck-client-install: the installer process to end
  --product-code GUID   uninstall-other-version: the product to remove
  --restart-in MIN      restart-computer: minutes until the restart (default 0 = now)
  --wait-limit SEC      wait-for-installer: how long to wait (default 600)
  --full-ui             retry: show the installer's full UI instead of /passive
  --remove-sid SID      restore-windows-temp-acl: over-permissive entry to remove (repeatable; default: all found)
  --keep-extra-entries  restore-windows-temp-acl: remove no extra entry

Repair ids: wait-for-installer, retry-install-elevated-logged, restore-windows-temp-acl, recreate-user-temp,
enable-msiserver, repair-msiserver-registration, end-stuck-client-install, restart-computer, enable-installer-logging,
disable-installer-logging, remove-always-install-elevated, uninstall-other-version.
Exit status: 0 repaired (and not contradicted by the re-check), 1 failed, declined, cancelled or not verified,
2 bad input or refused. Data folder: MSI_DOCTOR_DATA_DIR, else the OS application-data folder.
`,
    'zh-CN': `用法：msi-doctor fix REPAIR_ID|recommended [--simulate NAME | --scenario FILE] [--msi FILE] [--code CODE]
                      [--dry-run] [--yes] [--json] [--lang en|zh-CN] [修复选项]

检查电脑，生成修复计划（确切的命令、风险、能否撤销、备份）并显示出来，请您确认后执行（所有需要管理员权限的
步骤只弹出一次管理员提示），然后重新检查并输出结果。
“recommended” 会选择检查结果中最可能的问题的第一个修复。

  --simulate NAME       在一台内置的模拟电脑上修复（它的状态在 fix 和 undo 之间保留）
  --scenario FILE       在由场景 JSON 文件描述的模拟电脑上修复
  --msi FILE            您尝试安装的 .msi（重试和等待类修复会再次运行它，并记录日志）
  --code CODE           您看到的错误（用于 “recommended”）；可以重复
  --dry-run             只输出计划，不做任何更改
  --yes                 不询问，全部确认（不在终端中运行时必须加上）
  --json                以 JSON 输出结果（格式 msi-doctor/repair@1）；与 --dry-run 一起时输出计划
  --lang LANG           语言：en（默认）或 zh-CN
修复选项：
  --pid N               要结束的安装程序进程（用于 end-stuck-client-install）
  --product-code GUID   要卸载的产品（用于 uninstall-other-version）
  --restart-in MIN      几分钟后重启（用于 restart-computer；默认 0 = 立即）
  --wait-limit SEC      最多等待多久（用于 wait-for-installer；默认 600）
  --full-ui             显示安装程序的完整界面，而不是 /passive（用于 retry）
  --remove-sid SID      要删除的权限过宽的条目（用于 restore-windows-temp-acl；可以重复；默认：找到的全部）
  --keep-extra-entries  不删除任何多余的条目（用于 restore-windows-temp-acl）

修复 ID：wait-for-installer、retry-install-elevated-logged、restore-windows-temp-acl、recreate-user-temp、
enable-msiserver、repair-msiserver-registration、end-stuck-client-install、restart-computer、enable-installer-logging、
disable-installer-logging、remove-always-install-elevated、uninstall-other-version。
退出状态：已修复（且重新检查没有发现矛盾）时为 0；失败、被拒绝、已取消或未能验证时为 1；
输入有误或被拒绝执行时为 2。数据文件夹：MSI_DOCTOR_DATA_DIR，否则为操作系统的应用数据文件夹。
`,
  },
  'cli.help.undo': {
    en: `Usage: msi-doctor undo JOURNAL_ID [--simulate NAME | --scenario FILE] [--yes] [--json] [--lang en|zh-CN]
       msi-doctor undo --list

Undoes a repair from its journal and backups: previous registry values, saved permissions (icacls /restore),
service start type, a scheduled restart. Works after a crash or in a new process. The journal only says which repair
ran and with which values; the commands are rebuilt from MSI Doctor's own catalog, and a backup is restored only
when it is unchanged since it was taken. A repair made on a simulated machine is undone on the same simulated
machine (a built-in scenario by name, or --scenario FILE again for a scenario file outside the data folder).

  --list        list the repair journals (newest first) with their state; damaged ones with the reason
  --yes         also undo when a newer repair changed the same settings (otherwise you are asked, or it is refused)
  --json        print the outcome as JSON (schema msi-doctor/repair@1)
Exit status: 0 undone (or nothing to undo), 1 undo failed or declined, 2 bad input (unknown or damaged journal,
not reversible, already undone).
`,
    'zh-CN': `用法：msi-doctor undo JOURNAL_ID [--simulate NAME | --scenario FILE] [--yes] [--json] [--lang en|zh-CN]
      msi-doctor undo --list

根据修复记录和备份撤销一个修复：恢复以前的注册表值、保存的权限（icacls /restore）、服务启动类型，取消计划的
重启。崩溃之后或在新的进程中也可以撤销。记录只说明运行了哪个修复、用了哪些值；命令由 MSI Doctor 自己的修复
目录重新生成，备份只有在保存之后没有被改动过时才会恢复。在模拟电脑上做的修复会在同一台模拟电脑上撤销（内置
场景按名称指定，数据文件夹以外的场景文件需要再次用 --scenario FILE 指定）。

  --list        列出修复记录（最新的在前）及其状态；已损坏的记录会说明原因
  --yes         即使之后的修复改动了同样的设置也撤销（否则会询问您，或者拒绝执行）
  --json        以 JSON 输出结果（格式 msi-doctor/repair@1）
退出状态：已撤销（或没有需要撤销的内容）时为 0，撤销失败或被拒绝时为 1，输入有误时为 2（记录未知或已损坏、
无法撤销、已经撤销过）。
`,
  },
  'cli.help.verify': {
    en: `Usage: msi-doctor verify [--simulate NAME | --scenario FILE] [--product ID] [--no-elevate] [--json]
                         [--lang en|zh-CN] [--run-key-file PATH [--run-arg version|help]]

After an install: runs each installed product's own version command (go version, node --version...) the way a
newly opened terminal would, with PATH built from the registry's current machine and user values, and says why a
terminal may still not find it (opened before the install, not on PATH, PATH entry in another account, an older
copy first, PATH too long). Programs are never run as administrator; the one administrator prompt only reads other
accounts' PATH (over-the-shoulder installs).

  --product ID   only this product: {products}
  --run-key-file PATH
                 also run this program (any product's key file, an absolute path to an .exe) the same way: with
                 --version (or /? with --run-arg help), PATH from the registry, 5 seconds at most, never as
                 administrator. Only when asked: nothing else but the known products' version commands runs.
  --no-elevate   skip the administrator prompt (other accounts' PATH is then not checked)
  --json         print the path-environment and other-user-path evidence and the findings as JSON
  --lang LANG    en (default) or zh-CN
  -h, --help     show this help

Exit status: 0 when the check ran (whatever it found), 2 on bad input.
`,
    'zh-CN': `用法：msi-doctor verify [--simulate NAME | --scenario FILE] [--product ID] [--no-elevate] [--json]
                         [--lang en|zh-CN] [--run-key-file PATH [--run-arg version|help]]

安装之后：像新打开的终端那样运行每个已安装产品自己的版本命令（“go version”、“node --version” 等），PATH 由
注册表中当前的计算机值和用户值组成，并说明终端为什么可能仍然找不到它（终端在安装之前打开、不在 PATH 中、
PATH 条目在另一个账户中、较旧的副本排在前面、PATH 太长）。程序从不以管理员身份运行；唯一的一次管理员提示
只用于读取其他账户的 PATH（由管理员代为安装的情况）。

  --product ID   只检查这个产品：{products}
  --run-key-file PATH
                 同样地运行这个程序（任一产品的关键文件，.exe 的绝对路径）：加上 --version（使用 --run-arg help
                 时为 /?），PATH 取自注册表，最多 5 秒，从不以管理员身份运行。只在您要求时运行：除此之外只运行
                 已知产品的版本命令。
  --no-elevate   不弹出管理员提示（这时不检查其他账户的 PATH）
  --json         以 JSON 输出 path-environment 和 other-user-path 证据以及结论
  --lang LANG    语言：en（默认）或 zh-CN
  -h, --help     显示本帮助

退出状态：检查运行完成时为 0（无论发现什么），输入有误时为 2。
`,
  },
  'cli.help.fleet': {
    en: `Usage: msi-doctor fleet summarize DIR [--out DIR] [--json] [--lang en|zh-CN] [--strict]

Reads every *.json result file under DIR (written by "msi-doctor scan --json --results-dir DIR" on each machine,
or report JSON files) and prints the causes by number of machines, the failed installs by product, and the machines
to act on first. Each machine counts once, with its latest result. A file that is not a result (not JSON, another
schema, damaged) is refused with one line on stderr; the summary goes on.

  --out DIR     also write fleet-summary.html, fleet-machines.csv, fleet-causes.csv and fleet-products.csv there
  --json        print the summary as JSON instead of text
  --lang LANG   en (default) or zh-CN
  --strict      exit 2 when any file was refused (default: only when no file could be used)
  -h, --help    show this help

Exit status: 0 when a summary was made, 2 on bad input (no DIR, no usable result file, or --strict with refusals).
`,
    'zh-CN': `用法：msi-doctor fleet summarize DIR [--out DIR] [--json] [--lang en|zh-CN] [--strict]

读取 DIR 下的每个 *.json 结果文件（由每台电脑上的 “msi-doctor scan --json --results-dir DIR” 写出，或者是报告
JSON 文件），按电脑数量列出原因、按产品列出失败的安装，以及需要优先处理的电脑。每台电脑只计一次，使用它最新的
结果。不是结果的文件（不是 JSON、其他格式、已损坏）会被拒绝，并在标准错误输出中说明一行；汇总会继续进行。

  --out DIR     同时在那里写出 fleet-summary.html、fleet-machines.csv、fleet-causes.csv 和 fleet-products.csv
  --json        以 JSON 而不是文本输出汇总
  --lang LANG   语言：en（默认）或 zh-CN
  --strict      有任何文件被拒绝时以 2 退出（默认：只有在没有可用文件时）
  -h, --help    显示本帮助

退出状态：生成了汇总时为 0，输入有误时为 2（没有 DIR、没有可用的结果文件，或使用 --strict 且有文件被拒绝）。
`,
  },
  'cli.error.lang': { en: '--lang must be one of {langs}', 'zh-CN': '--lang 只能是 {langs} 之一' },
  'cli.error.lang-given': {
    en: '--lang must be one of {langs}, not "{given}"',
    'zh-CN': '--lang 只能是 {langs} 之一，不能是 “{given}”',
  },
  'cli.error.lang-list': { en: '--lang must be one of: {langs}', 'zh-CN': '--lang 只能是以下之一：{langs}' },
  'cli.error.unknown-option': {
    en: 'unknown option {option} (see msi-doctor {command} --help)',
    'zh-CN': '未知选项 {option}（请查看 msi-doctor {command} --help）',
  },
  'cli.error.parse.unknown-option': {
    en: "Unknown option '{option}' (see msi-doctor {command} --help)",
    'zh-CN': '未知选项 {option}（请查看 msi-doctor {command} --help）',
  },
  'cli.error.parse.missing-value': {
    en: "Option '{option}' argument missing (see msi-doctor {command} --help)",
    'zh-CN': '选项 {option} 缺少值（请查看 msi-doctor {command} --help）',
  },
  'cli.error.parse.takes-no-value': {
    en: "Option '{option}' does not take an argument (see msi-doctor {command} --help)",
    'zh-CN': '选项 {option} 不接受值（请查看 msi-doctor {command} --help）',
  },
  'cli.error.parse.unexpected-argument': {
    en: "Unexpected argument '{argument}': this command takes no positional arguments (see msi-doctor {command} --help)",
    'zh-CN': '多余的参数 “{argument}”：这个命令不接受位置参数（请查看 msi-doctor {command} --help）',
  },
  'cli.error.parse.other': {
    en: '{detail} (see msi-doctor {command} --help)',
    'zh-CN': '参数有误：{detail}（请查看 msi-doctor {command} --help）',
  },
  'cli.error.two-machines': {
    en: 'use either --simulate NAME or --scenario FILE, not both',
    'zh-CN': '请只用 --simulate NAME 或 --scenario FILE 其中之一，不要同时使用',
  },
  'cli.error.needs-value': { en: '{flag} needs a value', 'zh-CN': '{flag} 需要一个值' },
  'cli.error.log-not-found': { en: 'log file not found: {file}', 'zh-CN': '找不到日志文件：{file}' },
  'cli.error.msi-not-found': { en: '.msi file not found: {file}', 'zh-CN': '找不到 .msi 文件：{file}' },
  'cli.error.analyze.no-files': {
    en: 'no log file given (use - to read stdin; see msi-doctor analyze --help)',
    'zh-CN': '没有指定日志文件（用 - 从标准输入读取；请查看 msi-doctor analyze --help）',
  },
  'cli.error.inspect.no-files': {
    en: 'no .msi file given (see msi-doctor inspect --help)',
    'zh-CN': '没有指定 .msi 文件（请查看 msi-doctor inspect --help）',
  },
  'cli.error.fix.whole-number': {
    en: '{flag} needs a whole number, got "{value}"',
    'zh-CN': '{flag} 需要一个整数，收到的是 “{value}”',
  },
  'cli.error.fix.no-repair': {
    en: 'name one repair (or "recommended"); see msi-doctor fix --help',
    'zh-CN': '请指定一个修复（或 “recommended”）；请查看 msi-doctor fix --help',
  },
  'cli.error.fix.unknown-repair': {
    en: 'unknown repair "{repair}"; see msi-doctor fix --help for the list',
    'zh-CN': '未知修复 “{repair}”；修复列表请查看 msi-doctor fix --help',
  },
  'cli.error.fleet.unknown-command': {
    en: 'unknown fleet command "{sub}" (see msi-doctor fleet --help)',
    'zh-CN': '未知的 fleet 命令 “{sub}”（请查看 msi-doctor fleet --help）',
  },
  'cli.error.fleet.one-folder': {
    en: 'give exactly one folder of result files (see msi-doctor fleet --help)',
    'zh-CN': '请指定一个（且只能一个）存放结果文件的文件夹（请查看 msi-doctor fleet --help）',
  },
  'cli.error.fleet.folder-not-found': { en: '{dir}: folder not found', 'zh-CN': '{dir}：找不到文件夹' },
  'cli.error.fleet.not-a-folder': {
    en: '{dir}: not a folder (give the folder the result files are in)',
    'zh-CN': '{dir}：不是文件夹（请指定存放结果文件的文件夹）',
  },
  'cli.error.fleet.no-result-files': {
    en: '{dir}: no result files (*.json) found',
    'zh-CN': '{dir}：没有找到结果文件（*.json）',
  },
  'cli.error.fleet.none-usable_one': {
    en: '{dir}: the {count} file found is not a usable result file',
    'zh-CN': '{dir}：找到的 {count} 个文件不是可用的结果文件',
  },
  'cli.error.fleet.none-usable_other': {
    en: '{dir}: none of the {count} files is a usable result file',
    'zh-CN': '{dir}：{count} 个文件中没有一个是可用的结果文件',
  },
  'cli.error.report.out-extension': {
    en: '--out must end in .zip, .html or .json (got "{extension}")',
    'zh-CN': '--out 必须以 .zip、.html 或 .json 结尾（收到的是 “{extension}”）',
  },
  'cli.error.report.no-extension': { en: 'no extension', 'zh-CN': '没有扩展名' },
  'cli.error.report.out-folder-not-found': {
    en: 'folder not found for --out: {dir}',
    'zh-CN': '找不到 --out 所在的文件夹：{dir}',
  },
  'cli.error.report.out-is-folder': { en: '--out is a folder: {file}', 'zh-CN': '--out 是一个文件夹：{file}' },
  'cli.error.report.app-log-not-found': { en: 'app log not found: {file}', 'zh-CN': '找不到应用日志：{file}' },
  'cli.error.scan.json-or-brief': { en: 'use either --json or --brief', 'zh-CN': '请只用 --json 或 --brief 其中之一' },
  'cli.error.scan.results-dir-empty': { en: '--results-dir needs a folder', 'zh-CN': '--results-dir 需要一个文件夹' },
  'cli.error.scan.issue-exit-code': {
    en: '--issue-exit-code needs a number from 1 to 255, got "{value}"',
    'zh-CN': '--issue-exit-code 需要 1 到 255 之间的数字，收到的是 “{value}”',
  },
  'cli.error.scan.cannot-write-result': {
    en: 'cannot write the result into {dir} ({code})',
    'zh-CN': '无法把结果写入 {dir}（{code}）',
  },
  'cli.error.undo.unknown-machine': {
    en: 'the journal names an unknown simulated machine "{name}"; pass --simulate or --scenario',
    'zh-CN': '记录中的模拟电脑 “{name}” 未知；请用 --simulate 或 --scenario 指定',
  },
  'cli.error.undo.scenario-file': {
    en: 'this repair was made on a simulated machine from a scenario file: pass --scenario FILE again',
    'zh-CN': '这个修复是在一个场景文件的模拟电脑上做的：请再次用 --scenario FILE 指定它',
  },
  'cli.error.verify.unknown-product': {
    en: 'unknown product "{product}" (known: {products})',
    'zh-CN': '未知产品 “{product}”（已知：{products}）',
  },
  'cli.error.verify.run-key-file': {
    en: '--run-key-file needs an absolute path to an .exe file (got "{value}")',
    'zh-CN': '--run-key-file 需要一个 .exe 文件的绝对路径（收到的是 “{value}”）',
  },
  'cli.error.verify.run-arg': {
    en: '--run-arg is version or help (got "{value}")',
    'zh-CN': '--run-arg 只能是 version 或 help（收到的是 “{value}”）',
  },
  'cli.error.verify.run-arg-alone': {
    en: '--run-arg needs --run-key-file',
    'zh-CN': '--run-arg 需要与 --run-key-file 一起使用',
  },
} satisfies TextTable;
