// en + zh-CN texts of the repair catalog: titles, descriptions, step descriptions, warnings, refusals, confirmations, messages.
import type { TextTable } from '../local-text.ts';

export const REPAIR_TEXTS = {
  // ------------------------------------------------------------ titles and descriptions
  'repair.wait-for-installer.description': {
    en: 'Windows Installer runs one installation at a time. MSI Doctor checks every few seconds whether it is free, shows a countdown, and then starts your installation again. Nothing on your computer is changed.',
    'zh-CN':
      'Windows Installer 同一时间只能进行一个安装。MSI Doctor 会每隔几秒检查一次它是否空闲，并显示倒计时，空闲后再重新开始您的安装。不会更改电脑上的任何设置。',
  },
  'repair.retry-install-elevated-logged.description': {
    en: 'Runs your installer again with administrator rights and writes a detailed log. This fixes most 2503/2502 errors, and if it still fails, the log tells us the real cause.',
    'zh-CN':
      '以管理员权限重新运行您的安装程序，并写入详细日志。这可以解决大多数 2503/2502 错误；如果仍然失败，日志会告诉我们真正的原因。',
  },
  'repair.restore-windows-temp-acl.description': {
    en: 'Windows Installer needs to create files in C:\\Windows\\Temp. The current permissions are saved first, then the Windows defaults are put back: full control for SYSTEM and Administrators, "create only" for Users. Everyone never gets full control.',
    'zh-CN':
      'Windows Installer 需要在 C:\\Windows\\Temp 中创建文件。先备份当前权限，再恢复 Windows 的默认设置：SYSTEM 和 Administrators 拥有完全控制，普通用户（Users）只能创建文件。不会给所有人（Everyone）完全控制权限。',
  },
  'repair.recreate-user-temp.description': {
    en: 'Your TEMP folder is missing or unusable. MSI Doctor creates it again in the standard place and points TEMP/TMP there. The old values are saved so this can be undone.',
    'zh-CN':
      '您的 TEMP 临时文件夹不存在或无法使用。MSI Doctor 会在标准位置重新创建它，并让 TEMP/TMP 指向那里。原来的设置会被保存，可以随时撤销。',
  },
  'repair.enable-msiserver.description': {
    en: 'The Windows Installer service is disabled, so no .msi can install. Its start type is set back to Manual, the Windows default (it starts by itself when needed).',
    'zh-CN':
      'Windows Installer 服务已被禁用，因此任何 .msi 都无法安装。将其启动类型改回 Windows 默认的“手动”（需要时会自动启动）。',
  },
  'repair.repair-msiserver-registration.description': {
    en: 'The Windows Installer service points to the wrong program or is not registered. The service settings are backed up, then the standard path (msiexec.exe /V) is restored; only if the service is missing entirely is it registered again.',
    'zh-CN':
      'Windows Installer 服务指向了错误的程序，或者没有注册。先备份服务设置，然后恢复标准路径（msiexec.exe /V）；只有在服务完全不存在时，才会重新注册它。',
  },
  'repair.end-stuck-client-install.description': {
    en: 'Another installation has been running for a long time and blocks yours. MSI Doctor ends only that one installer process. The Windows Installer service itself is never stopped.',
    'zh-CN':
      '另一个安装已经运行了很长时间，挡住了您的安装。MSI Doctor 只会结束那一个安装进程，绝不会停止 Windows Installer 服务本身。',
  },
  'repair.restart-computer.description': {
    en: 'Windows is waiting for a restart to finish earlier updates or installations. Restart now or in a few minutes; a scheduled restart can still be cancelled.',
    'zh-CN':
      'Windows 正在等待重启，以完成之前的更新或安装。您可以立即重启，也可以几分钟后重启；预定的重启在开始前仍可取消。',
  },
  'repair.enable-installer-logging.description': {
    en: 'Makes every installation write a detailed log, so the next failure shows its cause. Turn it off again afterwards; the previous setting is remembered.',
    'zh-CN': '让每次安装都写入详细日志，这样下次失败时就能看到原因。排查完后请再关闭它；原来的设置会被记住。',
  },
  'repair.disable-installer-logging.description': {
    en: 'Puts the logging setting back exactly as it was before MSI Doctor turned it on (or removes it if there was none).',
    'zh-CN': '把日志设置恢复成 MSI Doctor 开启之前的样子（如果之前没有设置，就删除它）。',
  },
  'repair.remove-always-install-elevated.description': {
    en: 'This policy lets any program install itself with full system rights, a known security hole. Both values are deleted.',
    'zh-CN': '这个策略允许任何程序以最高系统权限安装自己，是一个已知的安全漏洞。将删除这两个设置值。',
  },
  'repair.uninstall-other-version.description': {
    en: 'Another version of this product is installed and blocks the installation. It is uninstalled by its product code; then you can install the version you want.',
    'zh-CN': '电脑上已经安装了这个产品的另一个版本，导致无法安装。将按产品代码卸载它，之后您就可以安装想要的版本。',
  },

  // ------------------------------------------------------------ backups (described values; keys and paths are shown as they are)
  'repair.backup.acl-of': { en: 'Permissions (ACL) of {folder}', 'zh-CN': '{folder} 的权限 (ACL)' },
  'repair.backup.previous-path': { en: 'The previous Path value', 'zh-CN': '原来的 Path 值' },
  'repair.backup.previous-paths': { en: 'The previous Path values', 'zh-CN': '原来的 Path 值' },
  'repair.backup.previous-temp': { en: 'The previous TEMP and TMP values', 'zh-CN': '原来的 TEMP 和 TMP 值' },
  'repair.backup.logging-current': { en: 'The current Logging value of {key}', 'zh-CN': '{key} 中 Logging 的当前值' },
  'repair.backup.logging-previous': {
    en: 'The previous Logging value of {key}',
    'zh-CN': '{key} 中 Logging 的原值',
  },
  'repair.backup.always-install-elevated': {
    en: 'The previous AlwaysInstallElevated values',
    'zh-CN': '原来的 AlwaysInstallElevated 值',
  },

  // ------------------------------------------------------------ steps
  'repair.step.verify': {
    en: 'Check again ({probe}) whether the problem is gone',
    'zh-CN': '再次检查（{probe}），确认问题已解决',
  },
  'repair.wait-for-installer.step.wait-lock': {
    en: 'Check every {interval} s whether Windows Installer is free (at most {seconds} s)',
    'zh-CN': '每 {interval} 秒检查一次 Windows Installer 是否空闲（最多等待 {seconds} 秒）',
  },
  'repair.wait-for-installer.step.run-install': {
    en: 'Start {msi} again as administrator; log: {log}',
    'zh-CN': '以管理员身份重新运行 {msi}；日志：{log}',
  },
  'repair.retry-install-elevated-logged.step.run-install': {
    en: 'Run {msi} as administrator; log: {log}',
    'zh-CN': '以管理员身份运行 {msi}；日志：{log}',
  },
  'repair.restore-windows-temp-acl.step.create-folder': {
    en: 'Create the missing folder {path}',
    'zh-CN': '创建缺失的文件夹 {path}',
  },
  'repair.restore-windows-temp-acl.step.backup-acl': {
    en: 'Save the current permissions of {path} to {backup}',
    'zh-CN': '把 {path} 的当前权限保存到 {backup}',
  },
  'repair.restore-windows-temp-acl.step.grant-defaults': {
    en: 'Set the default entries on {path}: SYSTEM and Administrators full control, Users create only',
    'zh-CN': '为 {path} 设置默认权限：SYSTEM 和 Administrators 完全控制，Users 仅可创建',
  },
  'repair.restore-windows-temp-acl.step.remove-denies': {
    en: 'Remove deny entries for {sids} on {path}',
    'zh-CN': '删除 {path} 上针对 {sids} 的拒绝权限',
  },
  'repair.restore-windows-temp-acl.step.remove-extra': {
    en: 'Remove the over-permissive entries of {sids} on {path}',
    'zh-CN': '删除 {path} 上 {sids} 的过宽权限',
  },
  'repair.recreate-user-temp.step.backup-environment': {
    en: 'Save your environment settings to {backup}',
    'zh-CN': '把您的环境变量设置保存到 {backup}',
  },
  'repair.recreate-user-temp.step.backup-acl': {
    en: 'Save the current permissions of the folder to {backup}',
    'zh-CN': '把该文件夹的当前权限保存到 {backup}',
  },
  'repair.recreate-user-temp.step.create-folder': { en: 'Create the folder {path}', 'zh-CN': '创建文件夹 {path}' },
  'repair.recreate-user-temp.step.reset-temp': {
    en: 'Set {name} to {value} (was: {previous})',
    'zh-CN': '将 {name} 设为 {value}（原来是：{previous}）',
  },
  'repair.recreate-user-temp.step.reset-tmp': {
    en: 'Set {name} to {value} (was: {previous})',
    'zh-CN': '将 {name} 设为 {value}（原来是：{previous}）',
  },
  'repair.recreate-user-temp.step.broadcast-environment': {
    en: 'Tell Windows the settings changed, so programs started from now on use the new folder',
    'zh-CN': '通知 Windows 设置已更改，此后启动的程序都会使用新的文件夹',
  },
  'repair.recreate-user-temp.step.grant-user': {
    en: 'Give your account full control of {path}',
    'zh-CN': '让您的账户对 {path} 拥有完全控制权限',
  },
  'repair.enable-msiserver.step.backup-key': {
    en: 'Save the service settings to {backup}',
    'zh-CN': '把服务设置保存到 {backup}',
  },
  'repair.enable-msiserver.step.set-manual': {
    en: 'Set the start type to Manual (was: {previous})',
    'zh-CN': '将启动类型设为“手动”（原来是：{previous}）',
  },
  'repair.repair-msiserver-registration.step.regserver': {
    en: 'Register the Windows Installer service again',
    'zh-CN': '重新注册 Windows Installer 服务',
  },
  'repair.repair-msiserver-registration.step.backup-key': {
    en: 'Save the service settings to {backup}',
    'zh-CN': '把服务设置保存到 {backup}',
  },
  'repair.repair-msiserver-registration.step.set-image-path': {
    en: 'Set the service program to {value} (was: {previous})',
    'zh-CN': '将服务程序路径设为 {value}（原来是：{previous}）',
  },
  'repair.end-stuck-client-install.step.end-process': {
    en: 'End installer process {pid} ({package})',
    'zh-CN': '结束安装进程 {pid}（{package}）',
  },
  'repair.restart-computer.step.register-resume': {
    en: 'Open MSI Doctor once after the restart, for you only, to check the result',
    'zh-CN': '重启后为您打开一次 MSI Doctor，检查结果',
  },
  'repair.restart-computer.step.restart-now': { en: 'Restart the computer now', 'zh-CN': '立即重启电脑' },
  'repair.restart-computer.step.restart-later': {
    en: 'Restart the computer in {minutes} minutes',
    'zh-CN': '{minutes} 分钟后重启电脑',
  },
  'repair.enable-installer-logging.step.record-previous': {
    en: 'Record the current logging setting',
    'zh-CN': '记录当前的日志设置',
  },
  'repair.enable-installer-logging.step.set-logging': {
    en: 'Set the logging policy to {value} (was: {previous})',
    'zh-CN': '将日志策略设为 {value}（原来是：{previous}）',
  },
  'repair.disable-installer-logging.step.delete-logging': {
    en: 'Remove the logging policy (now: {previous})',
    'zh-CN': '删除日志策略（当前值：{previous}）',
  },
  'repair.disable-installer-logging.step.restore-logging': {
    en: 'Put the logging policy back to {value} (now: {previous})',
    'zh-CN': '把日志策略恢复为 {value}（当前值：{previous}）',
  },
  'repair.remove-always-install-elevated.step.delete-machine-value': {
    en: 'Delete AlwaysInstallElevated for the computer (was: {previous})',
    'zh-CN': '删除计算机级的 AlwaysInstallElevated（原来是：{previous}）',
  },
  'repair.remove-always-install-elevated.step.delete-user-value': {
    en: 'Delete AlwaysInstallElevated for your account (was: {previous})',
    'zh-CN': '删除您账户的 AlwaysInstallElevated（原来是：{previous}）',
  },
  'repair.uninstall-other-version.step.uninstall': {
    en: 'Uninstall {product} {version} ({productCode}); log: {log}',
    'zh-CN': '卸载 {product} {version}（{productCode}）；日志：{log}',
  },

  // ------------------------------------------------------------ warnings
  'repair.warning.mapped-drive': {
    en: '{path} is on a mapped network drive, which the administrator account cannot see; the install uses {unc} instead (that account must be able to read the share).',
    'zh-CN': '{path} 位于映射的网络驱动器上，管理员帐户看不到它；安装将改用 {unc}（该帐户必须能读取这个共享）。',
  },
  'repair.warning.other-admin': {
    en: 'The administrator account that approves the prompt is not your account: the changes are made as that account.',
    'zh-CN': '批准管理员提示的帐户不是您的帐户：更改将以该帐户的身份进行。',
  },
  'repair.warning.install-runs-elevated': {
    en: 'The installer will run with administrator rights. Only continue if you trust where this .msi file came from.',
    'zh-CN': '安装程序将以管理员权限运行。请只在您信任这个 .msi 文件来源的情况下继续。',
  },
  'repair.warning.remove-over-permissive': {
    en: 'These entries give too many rights and will be removed: {sids}. Check that no program of yours depends on them.',
    'zh-CN': '以下权限过宽，将被删除：{sids}。请确认您的程序不依赖这些权限。',
  },
  'repair.warning.new-processes-only': {
    en: 'Programs that are already open keep the old setting; start your installer again after this.',
    'zh-CN': '已经打开的程序仍会使用旧设置；完成后请重新启动您的安装程序。',
  },
  'repair.warning.policy-may-reapply': {
    en: 'If your organisation manages this computer, a group policy may set this value again. Ask your IT department in that case.',
    'zh-CN': '如果这台电脑由您的单位统一管理，组策略可能会把这个值改回去。遇到这种情况，请联系您的 IT 部门。',
  },
  'repair.warning.regserver': {
    en: 'Registering the service again rarely fails, but the service settings cannot be saved first because they are missing.',
    'zh-CN': '重新注册服务很少失败，但由于服务设置已经缺失，无法事先备份。',
  },
  'repair.warning.partial-install': {
    en: 'Ending {package} may leave that program half-installed. Run its installer again afterwards to finish or remove it. This cannot be undone.',
    'zh-CN':
      '结束 {package} 可能会让那个程序处于安装了一半的状态。之后请重新运行它的安装程序来完成安装或将其卸载。此操作无法撤销。',
  },
  'repair.warning.active-progress': {
    en: 'Windows Installer reports that this installation is still actively working. Ending it now is riskier; waiting is safer.',
    'zh-CN': 'Windows Installer 显示这个安装仍在进行中。现在结束它风险更大，更稳妥的做法是继续等待。',
  },
  'repair.warning.save-work': {
    en: 'Save your work and close your programs before the restart.',
    'zh-CN': '重启前请保存工作并关闭程序。',
  },
  'repair.warning.logging-cost': {
    en: 'While logging is on, every installation writes a log file, which costs a little time and disk space. Turn it off when you are done.',
    'zh-CN': '开启日志后，每次安装都会写入日志文件，会稍微占用时间和磁盘空间。排查完毕后请关闭。',
  },
  'repair.warning.uninstall': {
    en: '{product} {version} will be removed. Its settings or data may be removed too. This cannot be undone by MSI Doctor.',
    'zh-CN': '将卸载 {product} {version}，它的设置或数据也可能被删除。MSI Doctor 无法撤销此操作。',
  },

  // ------------------------------------------------------------ confirmations
  'repair.confirmation.partial-install-risk': {
    en: 'I understand the other program may be left half-installed.',
    'zh-CN': '我了解另一个程序可能会处于安装了一半的状态。',
  },
  'repair.confirmation.active-progress': {
    en: 'I understand the installation is still working and want to end it anyway.',
    'zh-CN': '我了解该安装仍在进行中，但仍要结束它。',
  },
  'repair.confirmation.uninstall-product': {
    en: 'Yes, uninstall the installed version.',
    'zh-CN': '是的，卸载已安装的版本。',
  },
  'repair.confirmation.remove-over-permissive': {
    en: 'Yes, remove the over-permissive entries listed above.',
    'zh-CN': '是的，删除上面列出的过宽权限。',
  },
  'repair.confirmation.save-your-work': { en: 'I have saved my work.', 'zh-CN': '我已经保存好工作。' },

  // ------------------------------------------------------------ refusals (a plan cannot be built or run)
  'repair.refusal.unknown-repair': {
    en: '"{repair}" is not a repair MSI Doctor knows.',
    'zh-CN': 'MSI Doctor 不认识“{repair}”这个修复项。',
  },
  'repair.refusal.bad-params': {
    en: 'The repair settings are not valid ({detail}).',
    'zh-CN': '修复参数无效（{detail}）。',
  },
  'repair.refusal.msi-required': {
    en: 'Choose the .msi file you tried to install first.',
    'zh-CN': '请先选择您尝试安装的 .msi 文件。',
  },
  'repair.refusal.msi-spoofing': {
    en: 'The path "{path}" contains invisible control or text-direction characters that could make it look like another file; it is refused.',
    'zh-CN': '路径“{path}”包含不可见的控制字符或文字方向字符，可能让它看起来像另一个文件，因此被拒绝。',
  },
  'repair.refusal.msi-invalid': { en: '"{path}" is not a valid file path.', 'zh-CN': '“{path}”不是有效的文件路径。' },
  'repair.refusal.msi-extension': {
    en: '"{path}" is not an .msi or .msp file.',
    'zh-CN': '“{path}”不是 .msi 或 .msp 文件。',
  },
  'repair.refusal.msi-missing': {
    en: 'The file "{path}" does not exist. Check the path or choose the file again.',
    'zh-CN': '文件“{path}”不存在。请检查路径或重新选择文件。',
  },
  'repair.refusal.msi-not-file': {
    en: '"{path}" is a folder, not a file.',
    'zh-CN': '“{path}”是一个文件夹，而不是文件。',
  },
  'repair.refusal.windows-temp-is-file': {
    en: '{path} is a file instead of a folder. This needs a manual fix; see the instructions in the report.',
    'zh-CN': '{path} 是一个文件而不是文件夹，需要手动修复，请参阅报告中的说明。',
  },
  'repair.refusal.user-temp-is-file': {
    en: '{path} is a file instead of a folder. Rename or move that file, then try again.',
    'zh-CN': '{path} 是一个文件而不是文件夹。请先重命名或移走该文件，然后再试。',
  },
  'repair.refusal.protected-sid': {
    en: 'The entry for {sid} is required by Windows and is never removed.',
    'zh-CN': '{sid} 的权限是 Windows 必需的，绝不会被删除。',
  },
  'repair.refusal.user-profile-unknown': {
    en: 'Your user profile folder could not be determined.',
    'zh-CN': '无法确定您的用户配置文件夹。',
  },
  'repair.refusal.service-missing': {
    en: 'The Windows Installer service is not registered at all; use "Repair the Windows Installer service registration" instead.',
    'zh-CN': 'Windows Installer 服务根本没有注册，请改用“修复 Windows Installer 服务的注册信息”。',
  },
  'repair.refusal.nothing-to-do': {
    en: 'Nothing to do: this is already in order.',
    'zh-CN': '无需操作：这一项已经正常。',
  },
  'repair.refusal.process-unverified': {
    en: 'The running installations could not be checked, so no process is ended.',
    'zh-CN': '无法检查正在运行的安装，因此不会结束任何进程。',
  },
  'repair.refusal.no-client-install': {
    en: 'No installation is running right now.',
    'zh-CN': '当前没有正在运行的安装。',
  },
  'repair.refusal.pick-client': {
    en: 'Several installations are running; choose which one to end.',
    'zh-CN': '有多个安装正在运行，请选择要结束哪一个。',
  },
  'repair.refusal.service-process': {
    en: 'Process {pid} is the Windows Installer service itself, which is never ended.',
    'zh-CN': '进程 {pid} 是 Windows Installer 服务本身，绝不会被结束。',
  },
  'repair.refusal.not-a-client': {
    en: 'Process {pid} is not a running installation (it may have finished).',
    'zh-CN': '进程 {pid} 不是正在运行的安装（可能已经结束）。',
  },
  'repair.refusal.probe-unavailable': {
    en: 'The check "{probe}" did not give a usable answer, so this repair cannot be planned safely.',
    'zh-CN': '检查项“{probe}”没有得到可用的结果，因此无法安全地规划此修复。',
  },
  'repair.refusal.no-other-version': {
    en: 'No other version of this product is installed.',
    'zh-CN': '没有安装这个产品的其他版本。',
  },
  'repair.refusal.pick-product': {
    en: 'Several versions are installed; choose which one to uninstall.',
    'zh-CN': '安装了多个版本，请选择要卸载哪一个。',
  },
  'repair.refusal.product-not-installed': {
    en: 'No installed product has the code {productCode}.',
    'zh-CN': '没有找到产品代码为 {productCode} 的已安装产品。',
  },
  'repair.refusal.forbidden-command': {
    en: 'MSI Doctor refused to build a command that is never run automatically ({action}).',
    'zh-CN': 'MSI Doctor 拒绝生成一条绝不会自动执行的命令（{action}）。',
  },
  'repair.refusal.plan-unknown': {
    en: 'This repair plan is no longer available; plan the repair again.',
    'zh-CN': '这个修复计划已失效，请重新生成修复计划。',
  },
  'repair.refusal.confirmation-missing': {
    en: 'Please confirm first: {confirmations}.',
    'zh-CN': '请先确认：{confirmations}。',
  },
  'repair.refusal.already-running': { en: 'This repair is already running.', 'zh-CN': '这个修复已在运行中。' },
  'repair.refusal.plan-changed': {
    en: 'The computer changed since the plan was shown, so the commands would differ. Review the new plan.',
    'zh-CN': '自显示计划以来电脑状态发生了变化，要执行的命令会不同。请查看新的计划。',
  },
  'repair.refusal.data-folder': {
    en: 'MSI Doctor cannot write to its data folder {path} ({detail}), so nothing was run: without a journal and backups a repair is not safe.',
    'zh-CN': 'MSI Doctor 无法写入数据文件夹 {path}（{detail}），因此没有执行任何操作：没有记录和备份，修复是不安全的。',
  },
  'repair.refusal.journal-unknown': {
    en: 'No repair record "{journalId}" was found.',
    'zh-CN': '找不到修复记录“{journalId}”。',
  },
  'repair.refusal.already-undone': {
    en: 'The repair "{journalId}" has already been undone.',
    'zh-CN': '修复“{journalId}”已经撤销过了。',
  },
  'repair.refusal.not-reversible': {
    en: 'The repair "{journalId}" cannot be undone (nothing reversible was changed).',
    'zh-CN': '修复“{journalId}”无法撤销（没有可以还原的更改）。',
  },
  'repair.refusal.journal-damaged': {
    en: 'The repair record "{journalId}" is damaged and is not used ({problem}). Nothing was run.',
    'zh-CN': '修复记录“{journalId}”已损坏，不会被使用（{problem}）。没有执行任何操作。',
  },
  'repair.refusal.nothing-to-undo': {
    en: 'There is nothing to undo for "{journalId}": the repair stopped before it changed anything.',
    'zh-CN': '“{journalId}”没有需要撤销的内容：修复在做任何更改之前就停止了。',
  },
  'repair.refusal.undo-overlap': {
    en: 'A newer repair ({journals}) changed the same settings. Undoing this older one would also take back part of the newer one: undo the newer one first, or confirm that you want this.',
    'zh-CN':
      '较新的修复（{journals}）更改了相同的设置。撤销这个较早的修复也会撤回较新修复的一部分：请先撤销较新的修复，或确认您确实要这样做。',
  },
  'repair.refusal.unsafe-previous-value': {
    en: 'The recorded previous value "{value}" is not one MSI Doctor will write back as administrator, so this change is not undone.',
    'zh-CN': '记录的原值“{value}”不是 MSI Doctor 会以管理员身份写回的值，因此不撤销这项更改。',
  },
  'repair.refusal.unrecordable-plan': {
    en: 'The paths involved are too long for MSI Doctor to record this change so it can be undone, so it was not started.',
    'zh-CN': '涉及的路径太长，MSI Doctor 无法记录这项更改以便撤销，因此没有开始。',
  },
  'repair.refusal.other-user': {
    en: 'This repair was made for another Windows account; undo it while signed in as that account.',
    'zh-CN': '这个修复是为另一个 Windows 帐户做的；请用那个帐户登录后再撤销。',
  },
  'repair.refusal.other-admin-per-user': {
    en: 'The administrator account that approves the prompt is not your account, so a change for your own account (a per-user install or uninstall) would go to the wrong account. Sign in as an administrator yourself, or ask the administrator to do it signed in as you.',
    'zh-CN':
      '批准管理员提示的帐户不是您的帐户，因此针对您自己帐户的更改（按用户安装或卸载）会作用到错误的帐户上。请用您自己的管理员帐户登录，或请管理员在以您的身份登录时操作。',
  },
  'repair.refusal.data-folder-busy': {
    en: 'Another MSI Doctor repair or undo is using the data folder {path}. Try again when it has finished.',
    'zh-CN': '另一个 MSI Doctor 修复或撤销正在使用数据文件夹 {path}。请等它完成后再试。',
  },

  // ------------------------------------------------------------ outcome messages
  'repair.message.elevation-declined': {
    en: 'The administrator prompt was declined, so nothing was changed.',
    'zh-CN': '管理员权限提示被拒绝，因此没有做任何更改。',
  },
  'repair.message.cancelled': { en: 'The repair was cancelled.', 'zh-CN': '修复已取消。' },
  'repair.message.timeout': { en: 'The repair took too long and was stopped.', 'zh-CN': '修复耗时过长，已被停止。' },
  'repair.message.failed': {
    en: 'A step of the repair failed; see its output.',
    'zh-CN': '修复的某个步骤失败了，请查看它的输出。',
  },
  'repair.message.not-verified': {
    en: 'The repair ran, but the check afterwards still shows the problem.',
    'zh-CN': '修复已执行，但之后的检查显示问题仍然存在。',
  },
  'repair.message.ended-unfinished-marked': {
    en: 'The stuck install ({package}) was ended and Windows Installer is free again. Windows still marks that install as unfinished: if your next install is refused or asks about it, restart the computer first.',
    'zh-CN':
      '卡住的安装（{package}）已结束，Windows Installer 已重新空闲。Windows 仍把那次安装标记为未完成：如果您的下一次安装被拒绝或询问此事，请先重新启动电脑。',
  },
  'repair.message.restart-needed': {
    en: 'The installation succeeded (code {code}); restart the computer to finish it.',
    'zh-CN': '安装成功（代码 {code}），请重启电脑以完成安装。',
  },
  'repair.message.install-failed': {
    en: 'The installation failed again with code {code}. Its new log has been analyzed.',
    'zh-CN': '安装再次失败，代码 {code}。已分析新生成的日志。',
  },
  'repair.message.wait-timeout': {
    en: 'Windows Installer was still busy after {seconds} seconds.',
    'zh-CN': '等待 {seconds} 秒后，Windows Installer 仍然在忙。',
  },
  'repair.message.undone': {
    en: 'The repair was undone: the previous settings are back.',
    'zh-CN': '修复已撤销，原来的设置已恢复。',
  },
  'repair.message.undo-failed': {
    en: 'Undo did not complete; see the output of each step.',
    'zh-CN': '撤销没有完全成功，请查看每个步骤的输出。',
  },
  'repair.message.nothing-to-undo': {
    en: 'Nothing to undo: the repair stopped before it changed anything (no backup was taken). The record is closed.',
    'zh-CN': '没有需要撤销的内容：修复在做任何更改之前就停止了（没有生成备份）。这条记录已关闭。',
  },
  'repair.message.backup-not-restored': {
    en: 'A backup was not restored: {reason}. The setting it covers was left as it is.',
    'zh-CN': '有一个备份没有被还原：{reason}。它对应的设置保持不变。',
  },
  'repair.notice.damaged': {
    en: 'A repair record is damaged and was ignored ({journalId}: {problem}).',
    'zh-CN': '有一条修复记录已损坏，已被忽略（{journalId}：{problem}）。',
  },
  'repair.notice.unfinished': {
    en: 'A repair did not finish ({repair}, started {startedAt}). Record: {journalId}.',
    'zh-CN': '有一个修复没有完成（{repair}，开始于 {startedAt}）。记录：{journalId}。',
  },
  'repair.notice.undo-offered': {
    en: 'You can undo what it changed: msi-doctor undo {journalId}',
    'zh-CN': '您可以撤销它所做的更改：msi-doctor undo {journalId}',
  },

  // ------------------------------------------------------------ labels
  'repair.risk.none': { en: 'no risk', 'zh-CN': '无风险' },
  'repair.risk.low': { en: 'low risk', 'zh-CN': '低风险' },
  'repair.risk.medium': { en: 'medium risk', 'zh-CN': '中等风险' },
  'repair.risk.high': { en: 'high risk', 'zh-CN': '高风险' },
  'repair.reversible.yes': { en: 'can be undone', 'zh-CN': '可以撤销' },
  'repair.reversible.no': { en: 'cannot be undone', 'zh-CN': '无法撤销' },
  'repair.reversible.nothing': { en: 'changes nothing on this computer', 'zh-CN': '不会更改电脑上的任何设置' },
  // ------------------------------------------------------------ PATH repairs (add-to-path, remove-stale-path-entry)
  'repair.add-to-path.description': {
    en: "Appends the installed program's folder to the end of PATH (yours for a per-user install, the computer's for a per-machine one). The previous value is backed up; no other entry is moved or removed; new terminals are told about the change.",
    'zh-CN':
      '把已安装程序的文件夹追加到 PATH 末尾（按用户安装加入您自己的，按计算机安装加入整台电脑的）。会先备份原来的值；不会移动或删除任何其他条目；并通知新终端这一更改。',
  },
  'repair.add-to-path.step.backup-environment': {
    en: 'Back up {key} to {backup}',
    'zh-CN': '把 {key} 备份到 {backup}',
  },
  'repair.add-to-path.step.append-user': {
    en: 'Add {folder} ({product}) at the end of your PATH, then announce the change to Windows',
    'zh-CN': '把 {folder}（{product}）添加到您的 PATH 末尾，然后通知 Windows 这一更改',
  },
  'repair.add-to-path.step.append-machine': {
    en: "Add {folder} ({product}) at the end of the computer's PATH, then announce the change to Windows",
    'zh-CN': '把 {folder}（{product}）添加到这台电脑的 PATH 末尾，然后通知 Windows 这一更改',
  },
  'repair.broadcast-environment-change.description': {
    en: 'PATH was changed in the registry, but Windows was not told, so Windows Explorer still starts new terminals with the old PATH. MSI Doctor sends the notice Windows normally sends after such a change (WM_SETTINGCHANGE "Environment"). Nothing is written, so there is nothing to undo, and no administrator is needed.',
    'zh-CN':
      'PATH 已在注册表中更改，但 Windows 没有收到通知，所以 Windows 资源管理器仍用旧的 PATH 启动新终端。MSI Doctor 会发送 Windows 在这类更改后通常会发送的通知（WM_SETTINGCHANGE “Environment”）。不会写入任何内容，所以无需撤销，也不需要管理员权限。',
  },
  'repair.broadcast-environment-change.step.broadcast': {
    en: 'Announce the environment change to Windows (Explorer re-reads PATH from the registry)',
    'zh-CN': '向 Windows 通知环境变量的更改（资源管理器会从注册表重新读取 PATH）',
  },
  'repair.remove-stale-path-entry.description': {
    en: 'Removes PATH entries of folders that no longer exist, or of an older copy found before the installed version. Every other entry keeps its place; the previous value is backed up and can be restored.',
    'zh-CN':
      '删除那些已不存在的文件夹的 PATH 条目，或排在已安装版本之前的旧副本的条目。其他条目都保持原位；原来的值会先备份，并可以恢复。',
  },
  'repair.remove-stale-path-entry.step.backup-machine': {
    en: 'Back up {key} to {backup}',
    'zh-CN': '把 {key} 备份到 {backup}',
  },
  'repair.remove-stale-path-entry.step.backup-user': {
    en: 'Back up {key} to {backup}',
    'zh-CN': '把 {key} 备份到 {backup}',
  },
  'repair.remove-stale-path-entry.step.remove-machine_one': {
    en: "Remove {count} entry from the computer's PATH: {entries}; then announce the change to Windows",
    'zh-CN': '从这台电脑的 PATH 中删除 {count} 个条目：{entries}；然后通知 Windows 这一更改',
  },
  'repair.remove-stale-path-entry.step.remove-machine_other': {
    en: "Remove {count} entries from the computer's PATH: {entries}; then announce the change to Windows",
    'zh-CN': '从这台电脑的 PATH 中删除 {count} 个条目：{entries}；然后通知 Windows 这一更改',
  },
  'repair.remove-stale-path-entry.step.remove-user_one': {
    en: 'Remove {count} entry from your PATH: {entries}; then announce the change to Windows',
    'zh-CN': '从您的 PATH 中删除 {count} 个条目：{entries}；然后通知 Windows 这一更改',
  },
  'repair.remove-stale-path-entry.step.remove-user_other': {
    en: 'Remove {count} entries from your PATH: {entries}; then announce the change to Windows',
    'zh-CN': '从您的 PATH 中删除 {count} 个条目：{entries}；然后通知 Windows 这一更改',
  },
  'repair.warning.new-terminals-only': {
    en: 'Terminals and editors that are already open keep the old PATH: open a new one afterwards.',
    'zh-CN': '已经打开的终端和编辑器仍使用旧的 PATH：完成后请打开一个新的终端。',
  },
  'repair.confirmation.remove-path-entries': {
    en: 'Yes, remove the PATH entries listed above.',
    'zh-CN': '是的，删除上面列出的 PATH 条目。',
  },
  'repair.refusal.path-not-checked': {
    en: 'PATH could not be read, so nothing is changed.',
    'zh-CN': '无法读取 PATH，因此不做任何更改。',
  },
  'repair.refusal.path-no-product': {
    en: 'No installed program is missing from PATH ({product}).',
    'zh-CN': '没有已安装的程序缺少 PATH 条目（{product}）。',
  },
  'repair.refusal.path-no-folder': {
    en: 'The folder of {product} was not found, so there is nothing to add to PATH.',
    'zh-CN': '找不到 {product} 的文件夹，因此没有可以加入 PATH 的内容。',
  },
  'repair.refusal.path-already': {
    en: '{folder} is already in PATH.',
    'zh-CN': '{folder} 已经在 PATH 中。',
  },
  'repair.refusal.path-too-long': {
    en: 'Adding {folder} would make PATH {length} characters long, over the {limit} Windows handles: remove outdated entries first.',
    'zh-CN': '加入 {folder} 会使 PATH 长度达到 {length} 个字符，超过 Windows 能处理的 {limit} 个：请先删除过时的条目。',
  },
  'repair.refusal.path-user-writable': {
    en: '{folder} is a folder your account can change, so MSI Doctor does not add it to the PATH of every user and of Windows itself (programs running as administrator would search it).',
    'zh-CN':
      '{folder} 是您的帐户可以修改的文件夹，因此 MSI Doctor 不会把它加入所有用户和 Windows 本身的 PATH（以管理员身份运行的程序会在其中查找程序）。',
  },
  'repair.refusal.path-nothing-stale': {
    en: 'PATH has no outdated entries to remove.',
    'zh-CN': 'PATH 中没有需要删除的过时条目。',
  },
  'repair.refusal.path-not-stale': {
    en: '{entry} is not an outdated PATH entry (the folder exists and is not an older copy), so it is kept.',
    'zh-CN': '{entry} 不是过时的 PATH 条目（该文件夹存在，且不是旧副本），因此保留。',
  },
  'repair.refusal.path-odd-type': {
    en: 'PATH is stored with an unusual type ({type}); MSI Doctor does not rewrite it.',
    'zh-CN': 'PATH 以不常见的类型（{type}）存储；MSI Doctor 不会改写它。',
  },
  'repair.refusal.path-changed': {
    en: 'PATH changed since it was read (another program wrote it): nothing was overwritten. Check again and retry.',
    'zh-CN': 'PATH 在读取之后被更改了（另一个程序写入了它）：没有覆盖任何内容。请重新检查后再试。',
  },
} satisfies TextTable;

export type RepairTextKey = keyof typeof REPAIR_TEXTS;
