// The cause catalog: every CauseId explained (en + zh-CN), what confirms or rules it out, next steps, repairs, myths.
import type { CauseId, RepairId } from '../contract/ids.ts';
import { CAUSE_IDS } from '../contract/ids.ts';
import { type LocalText, localText } from './local-text.ts';
import type { FactId } from './facts.ts';
import type { MythId } from './myths.ts';
import { DOCS } from './doc-links.ts';
import { DEPLOY_CAUSES } from './deploy-causes.ts';
import { codesLinkedTo } from './error-codes.ts';

export interface CauseInfo {
  id: CauseId;
  /** 'security' causes are reported whatever the symptom; 'info' ones are not failures. */
  kind: 'cause' | 'security' | 'info';
  title: LocalText;
  explanation: LocalText;
  /** In words: what shows this is the cause. */
  confirmedBy: LocalText[];
  /** In words: what shows it is not. */
  ruledOutBy: LocalText[];
  /** The facts the rules use to confirm / rule it out (see facts.ts). */
  confirmFacts: FactId[];
  ruleOutFacts: FactId[];
  /** Error numbers linked to this cause: derived from the error catalog (error-codes.ts), its one source. */
  codes: number[];
  nextSteps: LocalText[];
  /** Safest effective first. */
  repairs: RepairId[];
  myths: MythId[];
  docs: string[];
}

const LOG_STEP = localText(
  'If you do not have a verbose log yet, let MSI Doctor run the install again elevated with logging: the log names the real cause.',
  '如果还没有详细日志，可以让 MSI Doctor 以管理员身份、带日志重新运行安装：日志会写明真正的原因。',
);
const VENDOR_STEP = localText(
  'Send the vendor the redacted report: the failing action and its output are what they need.',
  '把脱敏后的报告发给软件厂商：他们需要的正是失败的操作及其输出。',
);

const CAUSES = [
  {
    id: 'custom-action-failed',
    kind: 'cause',
    title: localText('A step of the package itself failed (custom action)', '安装包自身的某个步骤失败了（自定义操作）'),
    explanation: localText(
      'Besides copying files, packages run their own programs or scripts ("custom actions"): creating a database, registering a service, checking a license... One of them reported an error, and Windows Installer undid the installation. The log shows which one and, often, what it printed.',
      '除了复制文件，安装包还会运行自己的程序或脚本（“自定义操作”），例如创建数据库、注册服务、检查许可证等。其中一个报告了错误，于是 Windows Installer 撤销了这次安装。日志会显示是哪一个，通常还有它输出的内容。',
    ),
    confirmedBy: [
      localText(
        'A log where a custom action returns an error just before "Return value 3" (often with Error 1722, 1721, 1723 or 1720).',
        '日志中在 “Return value 3” 之前有一个自定义操作返回了错误（常伴有 1722、1721、1723 或 1720 错误）。',
      ),
    ],
    ruledOutBy: [
      localText(
        'A log whose failing action is a standard action (InstallFiles, StartServices...) with no custom action involved.',
        '日志中失败的是标准操作（InstallFiles、StartServices 等），没有涉及自定义操作。',
      ),
    ],
    confirmFacts: ['log-failed-action', 'log-cause'],
    ruleOutFacts: ['log-success'],
    nextSteps: [
      localText(
        "Read the custom action's output in the log (MSI Doctor shows it): it often says what it needed (a password, a running service, a free port, a prerequisite).",
        '阅读日志中该自定义操作的输出（MSI Doctor 会显示出来）：它常常会说明它需要什么（密码、正在运行的服务、空闲端口、先决组件）。',
      ),
      localText(
        'Restart the computer and try once more: many custom actions fail because of a pending restart or a file in use.',
        '重启电脑后再试一次：很多自定义操作失败是因为有待完成的重启或文件正被使用。',
      ),
      VENDOR_STEP,
    ],
    // Without a log the logged retry captures the failing action; with one, the fix is the package's (manual steps).
    repairs: ['retry-install-elevated-logged'],
    myths: ['share-logs-unredacted', 'logging-policy-forever', 'unreg-regserver-sfc'],
    docs: [DOCS.customActionReturnValues, DOCS.error1603],
  },
  {
    id: 'service-start-failed',
    kind: 'cause',
    title: localText('A service the package installs failed to start', '安装包安装的服务无法启动'),
    explanation: localText(
      'The package installs a Windows service and starts it at the end. The service did not start (Error 1920), so the installation failed. Typical reasons: a wrong service account or password, a missing dependency or runtime, a port already in use, or the program crashing at start.',
      '安装包会安装一个 Windows 服务，并在最后启动它。该服务没有启动起来（错误 1920），因此安装失败。常见原因：服务账户或密码错误、缺少依赖项或运行库、端口已被占用，或程序一启动就崩溃。',
    ),
    confirmedBy: [
      localText(
        'Error 1920 in the log or the dialog, naming the service.',
        '日志或对话框中出现错误 1920，并写有服务名。',
      ),
    ],
    ruledOutBy: [
      localText('No 1920 in the log, or the service starts by hand.', '日志中没有 1920，或者手动可以启动该服务。'),
    ],
    confirmFacts: ['log-error-line', 'log-cause'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Look in Event Viewer > Windows Logs > System for Service Control Manager errors about that service at the same time: they say why it did not start.',
        '在“事件查看器”>“Windows 日志”>“系统”中查找同一时间关于该服务的“服务控制管理器”错误：它们会说明服务为何没有启动。',
      ),
      localText(
        "Check the account and password you gave the installer, and the product's prerequisites.",
        '检查您提供给安装程序的账户和密码，以及产品的先决条件。',
      ),
      VENDOR_STEP,
    ],
    repairs: ['restart-computer', 'retry-install-elevated-logged'],
    myths: ['share-logs-unredacted'],
    docs: [DOCS.messages],
  },
  {
    id: 'service-install-failed',
    kind: 'cause',
    title: localText('A service could not be installed', '无法安装服务'),
    explanation: localText(
      'The package could not create its Windows service (Error 1923): the installation lacked rights, a service with the same name exists or is still marked for deletion (a restart clears that), or the service account is invalid.',
      '安装包无法创建它的 Windows 服务（错误 1923）：安装缺少权限、同名服务已存在或仍标记为待删除（重启即可清除），或服务账户无效。',
    ),
    confirmedBy: [localText('Error 1923 in the log or dialog.', '日志或对话框中出现错误 1923。')],
    ruledOutBy: [localText('No 1923 in the log.', '日志中没有 1923。')],
    confirmFacts: ['log-error-line', 'log-cause'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Restart the computer (a service marked for deletion is removed only then), then run the install elevated.',
        '重启电脑（标记为待删除的服务要到重启后才会真正删除），然后以管理员身份运行安装。',
      ),
    ],
    repairs: ['restart-computer', 'retry-install-elevated-logged'],
    myths: [],
    docs: [DOCS.messages],
  },
  {
    id: 'insufficient-privileges',
    kind: 'cause',
    title: localText('The installer was denied access', '安装程序被拒绝访问'),
    explanation: localText(
      "The installer was refused access to a folder, file, registry key or service. Either it ran without administrator rights, or the item's permissions do not give SYSTEM (which does the actual installing) full control, or the folder is encrypted.",
      '安装程序访问某个文件夹、文件、注册表项或服务时被拒绝。要么它没有以管理员身份运行，要么该对象的权限没有给 SYSTEM（真正执行安装的账户）完全控制权限，或者该文件夹被加密了。',
    ),
    confirmedBy: [
      localText(
        'Errors 1303, 1321, 1925, 1406 or "access denied" (error 5) in the log.',
        '日志中有 1303、1321、1925、1406 或 “拒绝访问”（错误 5）。',
      ),
    ],
    ruledOutBy: [
      localText(
        'The same install fails the same way when run elevated with default folder permissions.',
        '以管理员身份、在默认文件夹权限下运行时，安装仍以同样的方式失败。',
      ),
    ],
    confirmFacts: ['log-error-line', 'not-elevated', 'standard-user'],
    ruleOutFacts: ['elevated'],
    nextSteps: [
      localText(
        'Run the install elevated with logging (MSI Doctor can do it).',
        '以管理员身份、带日志运行安装（MSI Doctor 可以代劳）。',
      ),
      localText(
        'If it still fails, check that SYSTEM and Administrators have Full Control on the folder the log names, and that it is not encrypted.',
        '如果仍然失败，检查日志中提到的文件夹：SYSTEM 和 Administrators 是否有完全控制权限，它是否被加密。',
      ),
    ],
    repairs: ['retry-install-elevated-logged'],
    myths: ['msiexec-a-as-admin', 'disable-uac', 'always-install-elevated-fix', 'everyone-full-control-temp'],
    docs: [DOCS.error1603],
  },
  {
    id: 'not-elevated',
    kind: 'cause',
    title: localText('The install ran without administrator rights', '安装没有以管理员身份运行'),
    explanation: localText(
      'This package installs for all users and needs administrator rights, but it was started normally (double-clicking an .msi does not ask for them). Some packages then fail with 2503/2502 or 1925 instead of asking.',
      '这个安装包是为所有用户安装的，需要管理员权限，但它是以普通方式启动的（双击 .msi 并不会请求管理员权限）。有些安装包此时不会提示，而是直接报 2503/2502 或 1925 错误。',
    ),
    confirmedBy: [
      localText(
        'The session is not elevated, and the package is per-machine; errors 2503/2502/1925.',
        '当前会话未提升权限，且安装包是面向整台电脑的；出现 2503/2502/1925 错误。',
      ),
    ],
    ruledOutBy: [localText('The failing install already ran elevated.', '失败的安装本来就是以管理员身份运行的。')],
    confirmFacts: ['not-elevated', 'standard-user'],
    ruleOutFacts: ['elevated'],
    nextSteps: [
      localText(
        'Run the install again elevated, with a log, so that if it still fails the log says why.',
        '以管理员身份、带日志重新运行安装；如果仍然失败，日志会说明原因。',
      ),
    ],
    repairs: ['retry-install-elevated-logged'],
    myths: ['msiexec-a-as-admin', 'disable-uac', 'always-install-elevated-fix'],
    docs: [DOCS.commandLine],
  },
  {
    id: 'another-install-in-progress',
    kind: 'cause',
    title: localText('Another installation is running', '另一个安装正在运行'),
    explanation: localText(
      'Windows Installer runs one installation at a time. Another one holds the lock right now: a setup still open (maybe hidden behind other windows), a silent install by your organisation, or one that is stuck.',
      'Windows Installer 同一时间只运行一个安装。现在有另一个安装占着锁：一个还开着的安装程序（可能被其他窗口挡住）、单位推送的静默安装，或者一个卡住的安装。',
    ),
    confirmedBy: [
      localText(
        'The installer lock is held, the service is busy, or an msiexec client process with /i, /x or a .msi path is running.',
        '安装锁被占用、安装服务正忙，或有带 /i、/x 或 .msi 路径的 msiexec 客户端进程在运行。',
      ),
    ],
    ruledOutBy: [
      localText(
        'The lock is free and no client msiexec runs (the msiexec /V service process alone is normal).',
        '安装锁空闲，且没有 msiexec 客户端进程在运行（仅有 msiexec /V 服务进程是正常的）。',
      ),
    ],
    confirmFacts: ['mutex-busy', 'service-busy', 'client-install-running', 'unmatched-transaction', 'in-progress-key'],
    ruleOutFacts: ['mutex-free'],
    nextSteps: [
      localText(
        'Wait for the other installation to finish; MSI Doctor can wait and tell you when the lock is free.',
        '等待另一个安装完成；MSI Doctor 可以替您等待，并在锁释放时通知您。',
      ),
      localText(
        'If it is clearly stuck for a long time, restart the computer, or end only that client install.',
        '如果它明显长时间卡住，就重启电脑，或者只结束那一个客户端安装。',
      ),
    ],
    repairs: ['wait-for-installer', 'restart-computer', 'end-stuck-client-install'],
    myths: ['kill-msiexec', 'delete-inprogress-key', 'delete-installer-cache', 'unreg-regserver-sfc'],
    docs: [DOCS.mutex, DOCS.halloweenTips],
  },
  {
    id: 'windows-update-busy',
    kind: 'cause',
    title: localText('Windows Update is installing', 'Windows 更新正在安装'),
    explanation: localText(
      "Windows Update (or your organisation's update tool) is installing updates, which can hold Windows Installer for a while. Wait until it finishes, then try again; nothing needs to be stopped.",
      'Windows 更新（或单位的更新工具）正在安装更新，这可能会占用 Windows Installer 一段时间。等它完成后再试即可，不需要停止任何东西。',
    ),
    confirmedBy: [
      localText(
        'Windows Update, TrustedInstaller or TiWorker is active while the installer is busy.',
        '在安装程序忙碌时，Windows 更新、TrustedInstaller 或 TiWorker 正在运行。',
      ),
    ],
    ruledOutBy: [localText('No update activity.', '没有更新活动。')],
    confirmFacts: ['windows-update-active', 'mutex-busy', 'service-busy'],
    ruleOutFacts: ['mutex-free'],
    nextSteps: [
      localText(
        'Let the updates finish (Settings > Windows Update shows progress), restart if they ask, then install again.',
        '让更新完成（“设置”>“Windows 更新”中可以看到进度），如果要求重启就重启，然后再安装。',
      ),
    ],
    repairs: ['wait-for-installer'],
    myths: ['kill-msiexec', 'delete-inprogress-key', 'delete-installer-cache'],
    docs: [DOCS.mutex],
  },
  {
    id: 'installer-service-unavailable',
    kind: 'cause',
    title: localText('The Windows Installer service could not be reached', '无法连接 Windows Installer 服务'),
    explanation: localText(
      'The program could not talk to the Windows Installer service (1601/1719). A restart often clears a hung service; Safe Mode also makes it unavailable.',
      '程序无法与 Windows Installer 服务通信（1601/1719）。重启通常可以解决服务挂起的问题；电脑处于安全模式时该服务也不可用。',
    ),
    confirmedBy: [
      localText(
        'Errors 1601, 1719 or 1631; event "failed to connect to server".',
        '出现 1601、1719 或 1631 错误；事件日志中有“无法连接到服务器”。',
      ),
    ],
    ruledOutBy: [
      localText(
        'The service is registered, not disabled, and other installs work.',
        '服务已注册、未被禁用，并且其他安装可以正常进行。',
      ),
    ],
    confirmFacts: ['event-server-connect-failed'],
    ruleOutFacts: ['service-idle-normal'],
    nextSteps: [localText('Restart the computer and try again.', '重启电脑后再试。')],
    repairs: ['restart-computer', 'enable-msiserver', 'repair-msiserver-registration'],
    myths: ['unreg-regserver-sfc'],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'installer-service-disabled',
    kind: 'cause',
    title: localText('The Windows Installer service is disabled', 'Windows Installer 服务已被禁用'),
    explanation: localText(
      'The "Windows Installer" service is set to Disabled, so no .msi can install. Its normal setting is Manual (it starts by itself when needed). A policy or a "tuning" tool may have disabled it.',
      '“Windows Installer” 服务被设置为“禁用”，因此任何 .msi 都无法安装。它的正常设置是“手动”（需要时会自动启动）。可能是某个策略或“系统优化”工具把它禁用了。',
    ),
    confirmedBy: [localText('Service startup type Disabled (Start = 4).', '服务启动类型为“禁用”（Start = 4）。')],
    ruledOutBy: [localText('Startup type Manual or Automatic.', '启动类型为“手动”或“自动”。')],
    confirmFacts: ['service-disabled'],
    ruleOutFacts: ['service-idle-normal'],
    nextSteps: [
      localText(
        'Set the service back to Manual (MSI Doctor can do it, with undo).',
        '把服务改回“手动”（MSI Doctor 可以完成，并可撤销）。',
      ),
    ],
    repairs: ['enable-msiserver'],
    myths: ['unreg-regserver-sfc'],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'installer-service-registration-damaged',
    kind: 'cause',
    title: localText('The Windows Installer service registration is damaged', 'Windows Installer 服务的注册已损坏'),
    explanation: localText(
      'The service entry of Windows Installer is missing or points to the wrong program, so Windows cannot start it. Re-creating the registration fixes it; this is the one case where re-registering Windows Installer helps.',
      'Windows Installer 的服务项缺失或指向了错误的程序，所以 Windows 无法启动它。重建该注册即可修复；这也是重新注册 Windows Installer 唯一真正有用的情况。',
    ),
    confirmedBy: [
      localText(
        'The service key is missing, or its ImagePath is not msiexec.exe /V.',
        '服务注册表项缺失，或其 ImagePath 不是 msiexec.exe /V。',
      ),
    ],
    ruledOutBy: [
      localText('The service key exists with the default ImagePath.', '服务注册表项存在，且 ImagePath 为默认值。'),
    ],
    confirmFacts: ['service-registration-missing', 'service-image-path-wrong', 'msiexec-missing'],
    ruleOutFacts: ['service-idle-normal'],
    nextSteps: [
      localText(
        'Repair the service registration (MSI Doctor backs up the service key first).',
        '修复服务注册（MSI Doctor 会先备份服务注册表项）。',
      ),
    ],
    repairs: ['repair-msiserver-registration', 'restart-computer'],
    myths: [],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'source-missing',
    kind: 'cause',
    title: localText('The original installer of an installed product is missing', '已安装产品的原始安装包不见了'),
    explanation: localText(
      "To repair, update or remove an installed product, Windows needs the package it was installed from. The cached copy in C:\\Windows\\Installer (or the bundle's Package Cache) is gone and the original location is no longer available.",
      '要修复、更新或卸载已安装的产品，Windows 需要当初安装它的那个安装包。C:\\Windows\\Installer（或安装套件的 Package Cache）中的缓存副本已经没了，原来的位置也不可用了。',
    ),
    confirmedBy: [
      localText(
        'Errors 1612, 1706, 1308, 1311 or 1316 naming a package or file that is not there.',
        '出现 1612、1706、1308、1311 或 1316 错误，提到的安装包或文件并不存在。',
      ),
    ],
    ruledOutBy: [
      localText('The package path in the error exists and opens.', '错误中提到的安装包路径存在并且可以打开。'),
    ],
    confirmFacts: ['log-error-line', 'log-cause'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Get the installer of exactly the installed version (vendor download or media) and browse to it when Windows asks, or run its repair/uninstall from it.',
        '找到与已安装版本完全相同的安装包（厂商下载或安装介质），在 Windows 询问时指向它，或者直接用它进行修复/卸载。',
      ),
      localText(
        'An upgrade that cannot remove the older version (error 1714): get that older version\'s original .msi and recache it with msiexec /fv "old-version.msi", then run the upgrade again. Do not delete its registry keys or files in C:\\Windows\\Installer: that leaves it impossible to remove.',
        '升级时无法卸载旧版本（错误 1714）：找到旧版本当初的 .msi，用 msiexec /fv "旧版本.msi" 重新缓存它，然后再运行升级。不要删除它的注册表项或 C:\\Windows\\Installer 中的文件：那样它就再也卸载不掉了。',
      ),
    ],
    repairs: [],
    myths: ['delete-installer-cache', 'delete-package-cache', 'msizap-cleanup'],
    docs: [DOCS.sourceResiliency, DOCS.installerCache],
  },
  {
    id: 'package-invalid',
    kind: 'cause',
    title: localText('The installation package is damaged or not a valid .msi', '安装包已损坏或不是有效的 .msi'),
    explanation: localText(
      'The file could not be opened as a Windows Installer package: the download was interrupted, the file is damaged, or it is not an .msi at all (for example an HTML error page saved as .msi).',
      '该文件无法作为 Windows Installer 安装包打开：下载被中断、文件已损坏，或者它根本不是 .msi（例如被存成 .msi 的 HTML 错误页面）。',
    ),
    confirmedBy: [
      localText(
        "Exit code 1620, or errors 1334/1335/2350 on the package's cabinets.",
        '退出代码 1620，或针对安装包 cabinet 的 1334/1335/2350 错误。',
      ),
    ],
    ruledOutBy: [
      localText(
        "The same file installs on another computer, or its size/hash matches the vendor's.",
        '同一个文件在另一台电脑上可以安装，或者它的大小/哈希与厂商提供的一致。',
      ),
    ],
    confirmFacts: ['log-cause', 'package-unreadable'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        "Download the installer again from the vendor's site, check its size, and run it from a local folder.",
        '从厂商网站重新下载安装程序，检查文件大小，并从本机文件夹运行。',
      ),
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'package-path-invalid',
    kind: 'cause',
    title: localText('The path to the package is wrong', '安装包的路径不对'),
    explanation: localText(
      'msiexec was given a path it could not use: a relative path resolved from another folder (common in deployment tools), a typo, a path with spaces but no quotes, or a location the installing account cannot see.',
      'msiexec 收到了一个无法使用的路径：从别的文件夹解析的相对路径（在部署工具中很常见）、拼写错误、含空格却没加引号的路径，或安装账户看不到的位置。',
    ),
    confirmedBy: [
      localText(
        'Exit code 2, 1619 or 1639; the log shows the package path could not be opened.',
        '退出代码 2、1619 或 1639；日志显示无法打开安装包路径。',
      ),
    ],
    ruledOutBy: [localText('The full path in quotes opens the package.', '使用加引号的完整路径可以打开安装包。')],
    confirmFacts: ['log-cause', 'log-exit-code'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Use the full path of the .msi in double quotes, from a local folder.',
        '使用 .msi 在本机文件夹中的完整路径，并加上双引号。',
      ),
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.commandLine],
  },
  {
    id: 'newer-version-installed',
    kind: 'cause',
    title: localText('A newer version is already installed', '已安装了更新的版本'),
    explanation: localText(
      'A newer version of this product is installed, and the package refuses to downgrade it. Keep the newer one, or uninstall it first if you really need the older version.',
      '这台电脑上已经安装了该产品的更新版本，安装包拒绝降级安装。保留新版本即可；如果确实需要旧版本，请先卸载新版本。',
    ),
    confirmedBy: [
      localText(
        'An installed product with the same UpgradeCode and a higher version; a "newer version is already installed" message in the log.',
        '已安装的产品具有相同的 UpgradeCode 且版本更高；日志中有“已安装更新版本”的提示。',
      ),
    ],
    ruledOutBy: [
      localText('No installed product with the same UpgradeCode.', '没有具有相同 UpgradeCode 的已安装产品。'),
    ],
    confirmFacts: ['newer-version-installed'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Keep the newer version, or uninstall it from Settings > Apps before installing the older one.',
        '保留新版本；或者先在“设置”>“应用”中卸载它，再安装旧版本。',
      ),
    ],
    repairs: ['uninstall-other-version'],
    myths: ['msizap-cleanup'],
    docs: [DOCS.upgrades],
  },
  {
    id: 'other-version-installed',
    kind: 'cause',
    title: localText('Another version of this product is already installed', '已安装了该产品的另一个版本'),
    explanation: localText(
      'This product (or another build of it) is already installed and this package cannot install over it (1638). Repair or remove the installed one first.',
      '该产品（或它的另一个版本）已经安装，这个安装包无法覆盖安装（1638）。请先修复或卸载已安装的那个。',
    ),
    confirmedBy: [
      localText(
        'Exit code 1638, or the same ProductCode already installed.',
        '退出代码 1638，或相同的 ProductCode 已经安装。',
      ),
    ],
    ruledOutBy: [localText('The product does not appear among installed programs.', '已安装程序中没有这个产品。')],
    confirmFacts: ['same-version-installed', 'other-version-installed', 'log-exit-code'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Uninstall the installed version from Settings > Apps, then install this one.',
        '在“设置”>“应用”中卸载已安装的版本，然后再安装这个版本。',
      ),
    ],
    repairs: ['uninstall-other-version'],
    myths: ['msizap-cleanup', 'delete-installer-cache'],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'patch-not-applicable',
    kind: 'cause',
    title: localText('The update does not match the installed program', '更新与已安装的程序不匹配'),
    explanation: localText(
      'The patch (.msp) is for a program, version, edition or language that is not what is installed here (1642), or the program is not installed at all.',
      '该补丁（.msp）针对的程序、版本、版本类型或语言与这里安装的不一致（1642），或者根本没有安装该程序。',
    ),
    confirmedBy: [localText('Exit code 1642 (or 1646-1648).', '退出代码 1642（或 1646-1648）。')],
    ruledOutBy: [
      localText('The product and version the patch targets are installed.', '补丁所针对的产品和版本已经安装。'),
    ],
    confirmFacts: ['log-exit-code', 'log-cause'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Check the installed version (Settings > Apps) and get the update made for exactly that version.',
        '查看已安装的版本（“设置”>“应用”），获取专门针对该版本的更新。',
      ),
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'launch-condition-failed',
    kind: 'cause',
    title: localText("The package's requirements are not met", '不满足安装包的安装条件'),
    explanation: localText(
      'The package checks conditions before installing (Windows version, a prerequisite, administrator rights...) and one was not met; its message says which.',
      '安装包在安装前会检查一些条件（Windows 版本、先决组件、管理员权限等），其中一个条件没有满足；提示信息会说明是哪一个。',
    ),
    confirmedBy: [
      localText(
        "The LaunchConditions action fails in the log, with the package's own message.",
        '日志中 LaunchConditions 操作失败，并显示安装包自己的提示。',
      ),
    ],
    ruledOutBy: [localText('LaunchConditions succeeds in the log.', '日志中 LaunchConditions 操作成功。')],
    confirmFacts: ['log-failed-action', 'log-cause'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        "Do what the package's message asks (install the prerequisite, use a supported Windows), then install again.",
        '按照安装包提示的要求去做（安装先决组件、使用受支持的 Windows），然后重新安装。',
      ),
    ],
    repairs: ['retry-install-elevated-logged'],
    myths: [],
    docs: [DOCS.launchConditions],
  },
  {
    id: 'files-in-use',
    kind: 'cause',
    title: localText('Files are in use by running programs', '文件正被运行中的程序占用'),
    explanation: localText(
      'Programs have files open that the installation must replace. Close them (the log or dialog names them) or restart, then try again.',
      '有程序打开了安装需要替换的文件。请关闭它们（日志或对话框中会写出名字），或者重启电脑，然后再试。',
    ),
    confirmedBy: [
      localText(
        'Info 1603 / 1306 / RESTART MANAGER lines naming processes; events 1025.',
        '日志中有 Info 1603 / 1306 / RESTART MANAGER 行并写有进程名；事件 1025。',
      ),
    ],
    ruledOutBy: [localText('No file-in-use lines or events.', '没有文件占用的日志行或事件。')],
    confirmFacts: ['log-error-line', 'event-file-in-use', 'log-cause'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Close the named programs, or restart the computer, then install again.',
        '关闭提到的程序，或者重启电脑，然后重新安装。',
      ),
    ],
    repairs: ['restart-computer'],
    myths: ['info-1603-is-failure'],
    docs: [DOCS.systemReboots],
  },
  {
    id: 'pending-reboot',
    kind: 'cause',
    title: localText('A restart is pending', '有待完成的重启'),
    explanation: localText(
      'Windows is waiting for a restart to finish earlier updates or installations. Until then files may be locked or half-replaced, and many installers fail (often with 1603). Restart first.',
      'Windows 正在等待重启来完成之前的更新或安装。在重启之前，文件可能被锁定或只替换了一半，很多安装程序会因此失败（常见 1603）。请先重启。',
    ),
    confirmedBy: [
      localText(
        'Restart-pending indicators (Component Based Servicing, Windows Update, pending file renames of Windows Installer files).',
        '存在等待重启的标记（基于组件的服务、Windows 更新、Windows Installer 文件的待重命名操作）。',
      ),
    ],
    ruledOutBy: [localText('No indicator present.', '没有任何等待重启的标记。')],
    confirmFacts: ['reboot-pending', 'msi-file-renames'],
    ruleOutFacts: ['no-reboot-pending'],
    nextSteps: [
      localText(
        'Restart the computer (a real restart, not shut down and start with Fast Startup), then install again.',
        '重新启动电脑（是“重启”，而不是在开启快速启动时关机再开机），然后重新安装。',
      ),
    ],
    repairs: ['restart-computer'],
    myths: ['delete-pending-file-rename'],
    docs: [DOCS.systemReboots],
  },
  {
    id: 'installer-folders-access',
    kind: 'cause',
    title: localText("Windows Installer's working folders are broken", 'Windows Installer 的工作文件夹有问题'),
    explanation: localText(
      'Windows Installer works in C:\\Windows\\Temp, C:\\Windows\\Installer and C:\\Config.Msi. If one is missing, or its permissions were changed (for example Users can no longer create files in C:\\Windows\\Temp), the installation script cannot run and you get 2503/2502 or 2755.',
      'Windows Installer 会在 C:\\Windows\\Temp、C:\\Windows\\Installer 和 C:\\Config.Msi 中工作。如果其中某个文件夹不存在，或者权限被改过（例如 Users 不能再在 C:\\Windows\\Temp 中创建文件），安装脚本就无法运行，于是出现 2503/2502 或 2755。',
    ),
    confirmedBy: [
      localText(
        'C:\\Windows\\Temp missing or denying Users create; C:\\Windows\\Installer missing or not owned by SYSTEM/Administrators; 2203 with access denied on the .ipi file.',
        'C:\\Windows\\Temp 不存在或不允许 Users 创建文件；C:\\Windows\\Installer 不存在或所有者不是 SYSTEM/Administrators；日志中对 .ipi 文件的 2203 错误为拒绝访问。',
      ),
    ],
    ruledOutBy: [
      localText('Both folders exist with their default permissions.', '两个文件夹都存在，且权限为默认设置。'),
    ],
    confirmFacts: [
      'windows-temp-missing',
      'windows-temp-users-cannot-create',
      'windows-temp-deny',
      'windows-temp-missing-defaults',
      'installer-folder-missing',
      'installer-folder-owner',
      'installer-folder-system-access',
    ],
    ruleOutFacts: ['windows-temp-ok'],
    nextSteps: [
      localText(
        'Restore the default permissions of C:\\Windows\\Temp (MSI Doctor does it with a backup and undo), then install again.',
        '恢复 C:\\Windows\\Temp 的默认权限（MSI Doctor 会先备份并支持撤销），然后重新安装。',
      ),
    ],
    repairs: ['restore-windows-temp-acl', 'retry-install-elevated-logged'],
    myths: ['everyone-full-control-temp', 'delete-installer-cache', 'unreg-regserver-sfc'],
    docs: [DOCS.getTempPath2],
  },
  {
    id: 'user-temp-broken',
    kind: 'cause',
    title: localText('Your TEMP folder is missing or not writable', '您的 TEMP 文件夹不存在或不可写'),
    explanation: localText(
      'Setups unpack files into your TEMP folder. Yours does not exist, cannot be written to, or points to another drive or a network location, so the installation cannot prepare its files.',
      '安装程序会把文件解压到您的 TEMP 文件夹。您的 TEMP 文件夹不存在、无法写入，或者指向了其他磁盘或网络位置，所以安装无法准备它的文件。',
    ),
    confirmedBy: [
      localText(
        '%TEMP% / %TMP% missing, not a folder, not writable, or not local.',
        '%TEMP% / %TMP% 不存在、不是文件夹、不可写或不在本地。',
      ),
    ],
    ruledOutBy: [localText('The writability test in %TEMP% succeeds.', '在 %TEMP% 中的写入测试成功。')],
    confirmFacts: ['user-temp-missing', 'user-temp-not-writable', 'user-temp-not-local'],
    ruleOutFacts: ['user-temp-ok'],
    nextSteps: [
      localText(
        'Recreate your TEMP folder and point TEMP/TMP back to %USERPROFILE%\\AppData\\Local\\Temp (MSI Doctor can do it, with undo).',
        '重建您的 TEMP 文件夹，并把 TEMP/TMP 改回 %USERPROFILE%\\AppData\\Local\\Temp（MSI Doctor 可以完成，并可撤销）。',
      ),
    ],
    repairs: ['recreate-user-temp', 'retry-install-elevated-logged'],
    myths: ['everyone-full-control-temp'],
    docs: [DOCS.getTempPath2],
  },
  {
    id: 'unsupported-drive',
    kind: 'cause',
    title: localText('The package or target is on an unsupported drive', '安装包或目标位于不受支持的驱动器上'),
    explanation: localText(
      'The package, the target folder or a user folder is on a SUBST drive, a mapped network drive or a removed disk. The installer runs as SYSTEM, which does not see your mapped or SUBST drives.',
      '安装包、目标文件夹或某个用户文件夹位于 SUBST 虚拟盘、映射的网络驱动器或已移除的磁盘上。安装程序以 SYSTEM 身份运行，而 SYSTEM 看不到您的映射盘或 SUBST 虚拟盘。',
    ),
    confirmedBy: [
      localText(
        'Errors 1327, 1314, 1606 naming a drive letter that SYSTEM cannot see.',
        '出现 1327、1314、1606 错误，提到的盘符是 SYSTEM 看不到的。',
      ),
    ],
    ruledOutBy: [localText('Package and target are on a local fixed drive.', '安装包和目标都在本地固定磁盘上。')],
    confirmFacts: ['log-error-line', 'user-temp-not-local'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Copy the package to a local folder and install to a local drive.',
        '把安装包复制到本机文件夹，并安装到本地磁盘。',
      ),
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.error1603],
  },
  {
    id: 'user-cancelled',
    kind: 'info',
    title: localText('The installation was cancelled', '安装被取消了'),
    explanation: localText(
      'Someone (or a closed window) cancelled the installation. Nothing is broken; run it again and let it finish.',
      '有人（或关闭的窗口）取消了安装。没有任何损坏；重新运行并让它完成即可。',
    ),
    confirmedBy: [
      localText('Exit code 1602, or "Return value 2" in the log.', '退出代码 1602，或日志中出现 “Return value 2”。'),
    ],
    ruledOutBy: [localText('Another exit code.', '其他退出代码。')],
    confirmFacts: ['log-exit-code'],
    ruleOutFacts: [],
    nextSteps: [localText('Run the installation again.', '重新运行安装。')],
    repairs: [],
    myths: [],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'policy-blocked',
    kind: 'cause',
    title: localText('A system policy blocks this installation', '系统策略阻止了此安装'),
    explanation: localText(
      'Your organisation (or a setting on this computer) does not allow this installation: the DisableMSI policy, AppLocker, Software Restriction Policies, or a rule against per-user installs.',
      '您所在的单位（或这台电脑上的某项设置）不允许此安装：DisableMSI 策略、AppLocker、软件限制策略，或禁止按用户安装的规则。',
    ),
    confirmedBy: [
      localText(
        'Exit code 1625 (or 1643/1644), a DisableMSI or AppLocker policy, events 1007/1008.',
        '退出代码 1625（或 1643/1644），存在 DisableMSI 或 AppLocker 策略，事件 1007/1008。',
      ),
    ],
    ruledOutBy: [localText('No installer policy is set.', '没有设置任何安装相关策略。')],
    confirmFacts: [
      'disable-msi',
      'applocker-msi',
      'disable-user-installs',
      'safer-configured',
      'event-blocked-by-policy',
    ],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Ask your IT administrator to install the program for you or to allow it. MSI Doctor does not change these policies.',
        '请 IT 管理员替您安装该程序或放行它。MSI Doctor 不会修改这些策略。',
      ),
    ],
    repairs: [],
    myths: ['always-install-elevated-fix'],
    docs: [DOCS.machinePolicies],
  },
  {
    id: 'always-install-elevated',
    kind: 'security',
    title: localText('AlwaysInstallElevated is on: a security hole', 'AlwaysInstallElevated 已开启：这是一个安全漏洞'),
    explanation: localText(
      'The AlwaysInstallElevated policy is enabled for both the machine and the user, so every .msi any user runs gets full system rights. Any program can abuse this to take over the computer. Unless your IT department set it on purpose, turn it off.',
      'AlwaysInstallElevated 策略在计算机和用户两处都已开启，因此任何用户运行的任何 .msi 都会获得系统最高权限。任何程序都可以借此控制整台电脑。除非是 IT 部门有意设置的，否则请把它关闭。',
    ),
    confirmedBy: [
      localText(
        'AlwaysInstallElevated = 1 under both HKLM and HKCU ...\\Policies\\Microsoft\\Windows\\Installer.',
        'HKLM 和 HKCU 的 ...\\Policies\\Microsoft\\Windows\\Installer 下 AlwaysInstallElevated 都为 1。',
      ),
    ],
    ruledOutBy: [localText('The value is 0 or absent in either place.', '任意一处的值为 0 或不存在。')],
    confirmFacts: ['always-install-elevated'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Remove the two values (MSI Doctor can, with undo). If a Group Policy sets them, ask your administrator.',
        '删除这两个值（MSI Doctor 可以完成，并可撤销）。如果是组策略设置的，请联系管理员。',
      ),
    ],
    repairs: ['remove-always-install-elevated'],
    myths: ['always-install-elevated-fix'],
    docs: [DOCS.alwaysInstallElevated],
  },
  {
    id: 'disk-full',
    kind: 'cause',
    title: localText('Not enough disk space', '磁盘空间不足'),
    explanation: localText(
      'The installation needs more free space than the drive has, on the target drive or on the system drive (for temporary and rollback files).',
      '安装需要的可用空间超过了磁盘现有的空间，可能是目标磁盘，也可能是系统盘（用于临时文件和回滚文件）。',
    ),
    confirmedBy: [
      localText(
        'Errors 1601 (as a message), 1605, 1307, 112; a drive with less than 1 GB free.',
        '出现 1601（作为消息）、1605、1307、112 错误；某个磁盘可用空间不足 1 GB。',
      ),
    ],
    ruledOutBy: [localText('Several GB free on the system and target drives.', '系统盘和目标磁盘都有数 GB 可用空间。')],
    confirmFacts: ['low-disk-space', 'log-error-line'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Free space (Settings > System > Storage, or Disk Cleanup), then install again.',
        '释放磁盘空间（“设置”>“系统”>“存储”，或“磁盘清理”），然后重新安装。',
      ),
    ],
    repairs: [],
    myths: ['delete-installer-cache', 'delete-package-cache'],
    docs: [DOCS.messages],
  },
  {
    id: 'prerequisite-missing',
    kind: 'cause',
    title: localText('A required component is missing', '缺少必需的组件'),
    explanation: localText(
      'The program needs something that is not on this computer: a runtime (Visual C++, .NET), a Windows feature, a newer Windows Installer, or a build for this processor type.',
      '该程序需要这台电脑上没有的东西：运行库（Visual C++、.NET）、某个 Windows 功能、更新版本的 Windows Installer，或针对这种处理器类型的版本。',
    ),
    confirmedBy: [
      localText(
        'Exit codes 1613, 1633, 1654; errors 1935, 1927, 2738 in the log.',
        '退出代码 1613、1633、1654；日志中有 1935、1927、2738 错误。',
      ),
    ],
    ruledOutBy: [localText("The vendor's stated prerequisites are installed.", '厂商列出的先决条件均已安装。')],
    confirmFacts: ['log-error-line', 'log-exit-code'],
    ruleOutFacts: [],
    nextSteps: [
      localText(
        'Install the prerequisites the vendor lists (and the latest Windows updates), or get the build for this Windows.',
        '安装厂商列出的先决组件（以及最新的 Windows 更新），或者获取适用于此 Windows 的版本。',
      ),
    ],
    repairs: ['restart-computer'],
    myths: [],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'reboot-required-to-finish',
    kind: 'info',
    title: localText('Installed: restart to finish', '已安装：需要重启才能完成'),
    explanation: localText(
      'The installation succeeded and needs a restart to complete (3010 / 1641). This is not an error.',
      '安装已成功，需要重启才能完成（3010 / 1641）。这不是错误。',
    ),
    confirmedBy: [localText('Exit code 3010 or 1641.', '退出代码 3010 或 1641。')],
    ruledOutBy: [localText('Exit code 0.', '退出代码 0。')],
    confirmFacts: ['log-exit-code'],
    ruleOutFacts: [],
    nextSteps: [localText('Restart when convenient.', '在方便时重启电脑。')],
    repairs: ['restart-computer'],
    myths: ['delete-pending-file-rename'],
    docs: [DOCS.exitCodes],
  },
  {
    id: 'program-not-on-path',
    kind: 'cause',
    title: localText(
      'The program is installed, but a new terminal does not find it (PATH)',
      '程序已安装，但新终端找不到它（PATH）',
    ),
    explanation: localText(
      'Windows finds a command such as "go" or "node" by searching the folders listed in PATH: first the machine\'s list, then your own. The product is installed, but its folder is not in either list that applies to you: the entry was never written, it was written into the account of the administrator who approved the install, or it sits past the length Windows builds PATH with (about 2,047 characters), where it is not searched.',
      'Windows 通过搜索 PATH 中列出的文件夹来找到 “go”、“node” 这样的命令：先是整台电脑的列表，再是您自己的列表。产品已经安装，但它的文件夹不在适用于您的任何一个列表中：条目从未写入，或者被写入了批准安装的管理员的账户，或者位于 Windows 构建 PATH 时的长度上限（约 2047 个字符）之后，不会被搜索。',
    ),
    confirmedBy: [
      localText(
        "The product's program exists, and the PATH a new terminal gets (built from the registry now) does not reach it.",
        '产品的程序存在，而新终端获得的 PATH（根据注册表当前值构建）找不到它。',
      ),
    ],
    ruledOutBy: [
      localText('The version command answers in a fresh environment.', '版本命令在全新的环境中能正常返回。'),
    ],
    confirmFacts: ['path-not-on-path', 'path-past-limit', 'path-other-account'],
    ruleOutFacts: ['path-works-new-terminal'],
    nextSteps: [
      localText(
        "Let MSI Doctor add the folder to the right PATH (yours for a per-user install, the machine's for a per-machine one): it backs up the previous value, never reorders or drops other entries, and can undo.",
        '让 MSI Doctor 把该文件夹加入正确的 PATH（按用户安装加入您自己的，按计算机安装加入整台电脑的）：它会先备份原来的值，绝不重新排序或删除其他条目，并且可以撤销。',
      ),
      localText(
        'When PATH is too long, first remove entries of folders that no longer exist; then open a new terminal.',
        '如果 PATH 太长，先删除那些已不存在的文件夹的条目；然后打开一个新终端。',
      ),
    ],
    repairs: ['add-to-path', 'remove-stale-path-entry'],
    myths: [],
    docs: [DOCS.environmentVariables, DOCS.wmSettingChange],
  },
  {
    id: 'older-program-on-path',
    kind: 'cause',
    title: localText(
      'An older copy earlier in PATH runs instead of the version you installed',
      'PATH 中靠前的旧版本副本代替您安装的版本运行',
    ),
    explanation: localText(
      'Windows runs the first matching program it finds in PATH. A folder with an older copy (a previous version unpacked by hand, or left behind by an uninstall) comes before the folder of the version you just installed, so the command still answers with the old version.',
      'Windows 运行在 PATH 中找到的第一个匹配的程序。一个含有旧副本的文件夹（手动解压的旧版本，或卸载后遗留的）排在您刚安装的版本的文件夹之前，所以命令返回的仍是旧版本。',
    ),
    confirmedBy: [
      localText(
        'The version command, run in a fresh environment, names another folder and an older version than the one installed.',
        '在全新的环境中运行版本命令，显示的是另一个文件夹和比已安装版本更旧的版本。',
      ),
    ],
    ruledOutBy: [localText('The version command answers the installed version.', '版本命令返回已安装的版本。')],
    confirmFacts: ['path-shadowed'],
    ruleOutFacts: ['path-works-new-terminal'],
    nextSteps: [
      localText(
        "Remove the older folder's PATH entry (MSI Doctor shows it and asks first, backs up PATH and can undo); delete the old folder itself yourself once nothing needs it.",
        '删除旧文件夹的 PATH 条目（MSI Doctor 会先显示并征求确认，备份 PATH，并且可以撤销）；等不再需要时，再自己删除旧文件夹本身。',
      ),
    ],
    repairs: ['remove-stale-path-entry'],
    myths: [],
    docs: [DOCS.environmentVariables],
  },
  {
    id: 'path-change-not-broadcast',
    kind: 'cause',
    title: localText(
      'PATH was changed without telling Windows: new terminals still get the old PATH',
      'PATH 已更改但没有通知 Windows：新终端仍然得到旧的 PATH',
    ),
    explanation: localText(
      'Terminals opened from the Start menu or a folder window get their PATH from Windows Explorer, and Explorer re-reads PATH from the registry only when a program announces the change (the WM_SETTINGCHANGE "Environment" message). Installers and the Settings dialog announce it; a script that writes the registry directly (reg add, a deployment script) does not. The registry already has the folder, but Explorer still hands out the old PATH until the change is announced or you sign out.',
      '从“开始”菜单或文件夹窗口打开的终端从 Windows 资源管理器获得 PATH，而资源管理器只有在某个程序通知更改时（WM_SETTINGCHANGE “Environment” 消息）才会从注册表重新读取 PATH。安装程序和“设置”对话框会发出通知；直接写注册表的脚本（reg add、部署脚本）不会。注册表中已经有这个文件夹，但在通知这一更改或您注销之前，资源管理器仍会交出旧的 PATH。',
    ),
    confirmedBy: [
      localText(
        "The PATH built from the registry now leads to the program's folder; the PATH in Windows Explorer's own environment (read from the running Explorer) does not.",
        '根据注册表当前值构建的 PATH 指向程序的文件夹；Windows 资源管理器自身环境中的 PATH（从正在运行的资源管理器读取）不包含它。',
      ),
    ],
    ruledOutBy: [
      localText("Windows Explorer's PATH already leads to the folder.", 'Windows 资源管理器的 PATH 已经包含该文件夹。'),
    ],
    confirmFacts: ['path-not-broadcast'],
    ruleOutFacts: ['path-works-new-terminal'],
    nextSteps: [
      localText(
        'Let MSI Doctor announce the change (nothing is written, no administrator needed), then open a new terminal.',
        '让 MSI Doctor 通知这一更改（不写入任何内容，不需要管理员权限），然后打开一个新终端。',
      ),
      localText('Or sign out and back in once.', '或者注销并重新登录一次。'),
    ],
    repairs: ['broadcast-environment-change'],
    myths: [],
    docs: [DOCS.wmSettingChange, DOCS.environmentVariables],
  },
  {
    id: 'store-alias-on-path',
    kind: 'cause',
    title: localText(
      "Windows' Microsoft Store shortcut for Python runs instead of the Python you installed",
      'Windows 中 Microsoft Store 的 Python 快捷方式代替您安装的 Python 运行',
    ),
    explanation: localText(
      'Windows 10 and 11 put placeholder programs named python.exe and python3.exe in your WindowsApps folder (App execution aliases). They only open the Microsoft Store, or say "Python was not found". That folder is in your PATH before the folder of the Python you installed, so typing "python" runs the placeholder, not your Python.',
      'Windows 10 和 11 会在您的 WindowsApps 文件夹中放置名为 python.exe 和 python3.exe 的占位程序（应用执行别名）。它们只会打开 Microsoft Store，或者提示“找不到 Python”。这个文件夹在您的 PATH 中排在您安装的 Python 的文件夹之前，所以输入 “python” 运行的是占位程序，而不是您的 Python。',
    ),
    confirmedBy: [
      localText(
        'In a fresh environment, "python" resolves to python.exe in %LOCALAPPDATA%\\Microsoft\\WindowsApps while Python is installed in another folder.',
        '在全新的环境中，“python” 解析到 %LOCALAPPDATA%\\Microsoft\\WindowsApps 中的 python.exe，而 Python 安装在另一个文件夹中。',
      ),
    ],
    ruledOutBy: [localText('The version command answers the installed version.', '版本命令返回已安装的版本。')],
    confirmFacts: ['path-store-alias'],
    ruleOutFacts: ['path-works-new-terminal'],
    nextSteps: [
      localText(
        'Open Settings > Apps > Advanced app settings > App execution aliases (Windows 10: Settings > Apps > Apps & features > App execution aliases) and turn off "App Installer python.exe" and "python3.exe".',
        '打开“设置 > 应用 > 高级应用设置 > 应用执行别名”（Windows 10：“设置 > 应用 > 应用和功能 > 应用执行别名”），关闭“应用安装程序 python.exe”和 “python3.exe”。',
      ),
      localText(
        'Or put Python\'s folder before the WindowsApps entry in your PATH (Python\'s installer does this when "Add python.exe to PATH" is ticked). The "py" launcher is not affected and works either way.',
        '或者在您的 PATH 中把 Python 的文件夹放到 WindowsApps 条目之前（勾选 Python 安装程序的 “Add python.exe to PATH” 时会这样做）。“py” 启动器不受影响，两种情况下都能使用。',
      ),
      localText(
        'Then open a new terminal and run "python --version".',
        '然后打开一个新终端，运行 “python --version”。',
      ),
    ],
    repairs: [],
    myths: [],
    docs: [DOCS.pythonOnWindows, DOCS.environmentVariables],
  },
  {
    id: 'no-problem-found',
    kind: 'info',
    title: localText('No problem found on this computer', '在这台电脑上没有发现问题'),
    explanation: localText(
      'Nothing MSI Doctor checked points to a problem: Windows Installer, its folders, policies and services look healthy (or the log shows a successful run), nothing is installing and no restart is pending. If an install still fails, the cause is probably in the package or in the moment it ran: run it again elevated with a log, so the log can show what failed.',
      'MSI Doctor 检查的项目都没有发现问题：Windows Installer 及其文件夹、策略和服务看起来都正常（或者日志显示安装成功），没有正在进行的安装，也没有等待中的重启。如果安装仍然失败，原因很可能在安装包本身或当时的运行情况：请以管理员身份、带日志再运行一次，让日志显示失败的地方。',
    ),
    confirmedBy: [localText('Every check is OK and no log shows a failure.', '所有检查均正常，且没有日志显示失败。')],
    ruledOutBy: [
      localText('Any check reports a problem, or a log shows one.', '任何一项检查报告了问题，或者某个日志显示了问题。'),
    ],
    confirmFacts: ['mutex-free', 'no-reboot-pending', 'windows-temp-ok', 'user-temp-ok', 'service-idle-normal'],
    ruleOutFacts: [],
    nextSteps: [LOG_STEP],
    repairs: ['retry-install-elevated-logged'],
    myths: ['share-logs-unredacted'],
    docs: [DOCS.logging],
  },
  {
    id: 'unknown',
    kind: 'cause',
    title: localText('Cause not identified yet', '尚未确定原因'),
    explanation: localText(
      'What we have does not point at a known cause. A verbose log of the failing install is the fastest way to find it.',
      '现有的信息还不能指向某个已知原因。获取失败安装的详细日志是找到原因最快的办法。',
    ),
    confirmedBy: [],
    ruledOutBy: [],
    confirmFacts: [],
    ruleOutFacts: [],
    nextSteps: [LOG_STEP],
    repairs: ['retry-install-elevated-logged'],
    myths: [],
    docs: [DOCS.logging],
  },
] satisfies readonly Omit<CauseInfo, 'codes'>[];

const BY_ID: ReadonlyMap<CauseId, CauseInfo> = new Map([
  ...CAUSES.map((c): [CauseId, CauseInfo] => [c.id, { ...c, codes: codesLinkedTo(c.id) } as CauseInfo]),
  ...DEPLOY_CAUSES.map((c): [CauseId, CauseInfo] => [c.id, c as CauseInfo]),
]);

/** Everything known about a cause. Every CauseId has an entry (a test guards it). */
export function causeInfo(id: CauseId): CauseInfo {
  return BY_ID.get(id) ?? (BY_ID.get('unknown') as CauseInfo);
}

export function allCauses(): readonly CauseInfo[] {
  return CAUSE_IDS.map((id) => causeInfo(id));
}

export function hasCauseInfo(id: CauseId): boolean {
  return BY_ID.has(id);
}
