// Windows Installer message numbers users meet in dialogs and logs (1101-1946, 2101-2945), explained in en + zh-CN.
import type { RepairId } from '../contract/ids.ts';
import { localText, type LocalText } from './local-text.ts';
import { DOCS } from './doc-links.ts';
import { COMMON_STEPS, type CauseLink, type ErrorCodeEntry } from './error-kit.ts';

interface MessageExtra {
  noise?: boolean;
  followOn?: boolean;
  documented?: boolean;
  causes?: readonly CauseLink[];
  check?: LocalText[];
  repairs?: RepairId[];
  manual?: LocalText[];
  docs?: string[];
}

/** One message-number entry; the Microsoft text is summarized in `title`, explained for non-experts in `explanation`. */
function messageEntry(
  code: number,
  title: LocalText,
  explanation: LocalText,
  extra: MessageExtra = {},
): ErrorCodeEntry {
  return { code, kind: 'message', title, explanation, docs: [DOCS.messages], ...extra };
}

const PRIV_CAUSES: CauseLink[] = ['insufficient-privileges', 'not-elevated'];
const PRIV: MessageExtra = {
  causes: PRIV_CAUSES,
  repairs: ['retry-install-elevated-logged'],
  check: [
    localText(
      'Check that SYSTEM and Administrators have Full Control on the folder or key named in the message, that it is not encrypted (EFS), and that the install ran elevated.',
      '检查消息中提到的文件夹或注册表项：SYSTEM 和 Administrators 是否有完全控制权限，它是否被加密（EFS），以及安装是否以管理员身份运行。',
    ),
  ],
  docs: [DOCS.messages, DOCS.error1603],
};
const CA: MessageExtra = {
  causes: ['custom-action-failed'],
  check: [
    localText(
      'The log names the custom action and, often, the program or script it ran and what it printed: read the lines just above the error.',
      '日志会写出这个自定义操作的名字，通常还有它运行的程序或脚本及其输出：请阅读错误上方的几行。',
    ),
  ],
  repairs: ['restart-computer', 'retry-install-elevated-logged'],
  manual: [COMMON_STEPS.vendor],
  docs: [DOCS.messages, DOCS.customActionReturnValues],
};
const SOURCE: MessageExtra = {
  causes: ['source-missing'],
  manual: [COMMON_STEPS.localCopy, COMMON_STEPS.redownload],
  docs: [DOCS.messages, DOCS.sourceResiliency],
};
const IN_USE: MessageExtra = {
  causes: ['files-in-use'],
  manual: [COMMON_STEPS.closeApps],
  repairs: ['restart-computer'],
  docs: [DOCS.messages, DOCS.systemReboots],
};
const SUMMARY_FAILED: MessageExtra = {
  causes: ['unknown'],
  check: [COMMON_STEPS.verboseLog],
  manual: [COMMON_STEPS.verboseLog],
};
const SUCCESS_NOTE: MessageExtra = { noise: true };
const UNDOCUMENTED: MessageExtra = { documented: false, causes: ['unknown'], docs: [DOCS.messages] };

export const MESSAGE_ENTRIES = [
  messageEntry(
    1101,
    localText('Could not open a file stream', '无法打开文件流'),
    localText(
      'The installer could not read a part (stream) of a file, often a damaged or incomplete package.',
      '安装程序无法读取文件中的某一部分（流），通常是安装包损坏或不完整。',
    ),
    { causes: ['package-invalid'], manual: [COMMON_STEPS.redownload] },
  ),
  messageEntry(
    1301,
    localText('A folder has the name of a file to create', '要创建的文件与已有文件夹同名'),
    localText(
      'A file cannot be created because a folder with the same name already exists.',
      '无法创建文件，因为已存在同名的文件夹。',
    ),
    { causes: ['unknown'] },
  ),
  messageEntry(
    1303,
    localText('Insufficient privileges to access a folder', '没有足够权限访问文件夹'),
    localText(
      'The installer (running as SYSTEM) is not allowed to access the folder named in the message. Typically SYSTEM lacks Full Control on the target folder, or the folder is encrypted.',
      '安装程序（以 SYSTEM 身份运行）不被允许访问消息中提到的文件夹。通常是 SYSTEM 对目标文件夹没有完全控制权限，或该文件夹被加密。',
    ),
    { ...PRIV, causes: [...PRIV_CAUSES, ['installer-folders-access', 0.2]] },
  ),
  messageEntry(
    1304,
    localText('Error writing to a file', '写入文件时出错'),
    localText(
      'A file could not be written: it may be in use, read-only, protected, or blocked by security software.',
      '无法写入某个文件：它可能正被使用、为只读、受保护，或被安全软件拦截。',
    ),
    {
      causes: ['files-in-use', 'insufficient-privileges'],
      repairs: ['restart-computer'],
      manual: [COMMON_STEPS.closeApps],
    },
  ),
  messageEntry(
    1305,
    localText('Error reading from a file', '读取文件时出错'),
    localText(
      'A file of the installation source could not be read (a damaged download, removed media, or an unreachable network share).',
      '无法读取安装源中的某个文件（下载已损坏、介质被移除，或网络共享无法访问）。',
    ),
    SOURCE,
  ),
  messageEntry(
    1306,
    localText('A file is in use', '文件正在使用'),
    localText(
      'Another program has the file open. Close that program and click Retry; otherwise a restart may be needed.',
      '另一个程序打开了这个文件。关闭该程序后点“重试”；否则可能需要重启。',
    ),
    IN_USE,
  ),
  messageEntry(
    1307,
    localText('Not enough disk space for a file', '磁盘空间不足，无法安装文件'),
    localText('There is not enough disk space to install this file.', '磁盘空间不足，无法安装此文件。'),
    { causes: ['disk-full'], manual: [COMMON_STEPS.diskSpace] },
  ),
  messageEntry(
    1308,
    localText('Source file not found', '找不到源文件'),
    localText(
      'A file that should be next to or inside the package is missing: an incomplete download or extraction, or a moved source.',
      '本应在安装包旁边或内部的某个文件不见了：下载或解压不完整，或安装源被移动过。',
    ),
    SOURCE,
  ),
  messageEntry(
    1309,
    localText('Error opening a source file', '打开源文件时出错'),
    localText(
      'A file of the installation source could not be opened (the system error code in the message says why).',
      '无法打开安装源中的某个文件（消息中的系统错误代码说明了原因）。',
    ),
    SOURCE,
  ),
  messageEntry(
    1310,
    localText('Error creating a destination file', '创建目标文件时出错'),
    localText(
      'A file could not be created in the target folder: missing permissions, the file is in use, or security software blocked it.',
      '无法在目标文件夹中创建文件：权限不足、文件正被使用，或被安全软件拦截。',
    ),
    {
      ...PRIV,
      // Writing to a machine folder (drive root, Program Files) from a per-user, unelevated install is not-elevated;
      // to C:\Windows\Installer or Temp, the installer's own folders.
      causes: ['insufficient-privileges', 'files-in-use', ['not-elevated', 0.2], ['installer-folders-access', 0.2]],
    },
  ),
  messageEntry(
    1311,
    localText('Source cabinet not found', '找不到源 cabinet 文件'),
    localText(
      'A .cab file that belongs with the package is missing, or its path cannot be read (also seen with non-ASCII characters in the path).',
      '与安装包配套的 .cab 文件不见了，或其路径无法读取（路径中含有非英文字符时也会出现）。',
    ),
    {
      ...SOURCE,
      check: [
        localText(
          'Keep the .msi together with its .cab files, in a folder whose path has only ASCII characters.',
          '让 .msi 和它的 .cab 文件放在一起，并放在路径只含英文字符的文件夹中。',
        ),
      ],
    },
  ),
  messageEntry(
    1312,
    localText('A file has the name of a folder to create', '要创建的文件夹与已有文件同名'),
    localText(
      'A folder cannot be created because a file with that name already exists. Rename or remove the file.',
      '无法创建文件夹，因为已存在同名文件。请重命名或删除该文件。',
    ),
    { causes: ['unknown'] },
  ),
  messageEntry(
    1314,
    localText('Path unavailable', '指定的路径不可用'),
    localText(
      'The specified path is not available (a missing drive, a disconnected share).',
      '指定的路径不可用（驱动器不存在或共享已断开）。',
    ),
    { causes: ['unsupported-drive'] },
  ),
  messageEntry(
    1315,
    localText('Unable to write to a folder', '无法写入指定的文件夹'),
    localText('The installer cannot write to the folder named in the message.', '安装程序无法写入消息中提到的文件夹。'),
    PRIV,
  ),
  messageEntry(
    1316,
    localText('Network error reading a file', '读取文件时出现网络错误'),
    localText(
      'A file could not be read. Despite the wording it is often local: Windows expected the package under another name (a repair or uninstall run with a differently named .msi than the one installed), or the source is on an unreachable share.',
      '无法读取某个文件。尽管提示说是“网络错误”，实际上常常是本地问题：Windows 期望的安装包文件名不同（修复或卸载时用的 .msi 文件名与当初安装时不一样），或者安装源位于无法访问的共享上。',
    ),
    { ...SOURCE, manual: [COMMON_STEPS.sourceMedia] },
  ),
  messageEntry(
    1317,
    localText('Error creating a folder', '创建文件夹时出错'),
    localText(
      'A folder could not be created: usually missing permissions on its parent, or an invalid or unavailable drive.',
      '无法创建文件夹：通常是上级文件夹权限不足，或驱动器无效、不可用。',
    ),
    { ...PRIV, causes: ['insufficient-privileges', 'unsupported-drive'] },
  ),
  messageEntry(
    1318,
    localText('Network error creating a folder', '创建文件夹时出现网络错误'),
    localText('A folder on a network location could not be created.', '无法在网络位置上创建文件夹。'),
    { causes: ['unsupported-drive'] },
  ),
  messageEntry(
    1320,
    localText('Path too long', '路径太长'),
    localText('The specified path is too long.', '指定的路径太长。'),
    {
      causes: ['package-path-invalid'],
      manual: [COMMON_STEPS.localCopy],
    },
  ),
  messageEntry(
    1321,
    localText('Insufficient privileges to modify a file', '没有足够权限修改文件'),
    localText(
      'The installer is not allowed to modify the file named in the message (permissions, read-only or protected file).',
      '安装程序不被允许修改消息中提到的文件（权限不足、只读或受保护的文件）。',
    ),
    { ...PRIV, causes: [...PRIV_CAUSES, ['installer-folders-access', 0.2]] },
  ),
  messageEntry(
    1322,
    localText('Part of a folder path is invalid', '文件夹路径的一部分无效'),
    localText(
      'A portion of the folder path is empty or longer than the system allows.',
      '文件夹路径中的某一部分为空，或超出了系统允许的长度。',
    ),
    { causes: ['package-path-invalid'] },
  ),
  messageEntry(
    1323,
    localText('Folder path contains invalid words', '文件夹路径包含无效的词'),
    localText(
      'The folder path contains words that are not valid in folder paths.',
      '文件夹路径中包含不允许出现在路径中的词。',
    ),
    { causes: ['package-path-invalid'] },
  ),
  messageEntry(
    1324,
    localText('Folder path contains an invalid character', '文件夹路径包含无效字符'),
    localText('The folder path contains an invalid character.', '文件夹路径中包含无效字符。'),
    { causes: ['package-path-invalid'] },
  ),
  messageEntry(
    1325,
    localText('Not a valid short file name', '不是有效的短文件名'),
    localText(
      'A short (8.3) file name is not valid. Custom actions that rely on short names fail when 8.3 names are disabled on the volume.',
      '某个短文件名（8.3 格式）无效。如果该卷禁用了 8.3 短文件名，依赖短文件名的自定义操作就会失败。',
    ),
    { causes: ['unsupported-drive', 'package-invalid'] },
  ),
  messageEntry(
    1326,
    localText('Error getting file security', '获取文件安全信息时出错'),
    localText('The security information of a file could not be read.', '无法读取某个文件的安全信息。'),
    PRIV,
  ),
  messageEntry(
    1327,
    localText('Invalid drive', '驱动器无效'),
    localText(
      'The drive named in the message does not exist, e.g. a mapped or SUBST drive, a removed disk, or a user folder redirected to a drive letter that is gone.',
      '消息中提到的驱动器不存在，例如映射盘、SUBST 虚拟盘、已移除的磁盘，或用户文件夹被重定向到一个已不存在的盘符。',
    ),
    { causes: ['unsupported-drive'], manual: [COMMON_STEPS.localCopy] },
  ),
  messageEntry(
    1328,
    localText('Error applying a patch to a file', '给文件打补丁时出错'),
    localText(
      'A file could not be patched: it was probably changed by other means since it was installed.',
      '无法给某个文件打补丁：它可能在安装后被其他方式修改过。',
    ),
    { causes: ['patch-not-applicable'], manual: [COMMON_STEPS.sourceMedia] },
  ),
  messageEntry(
    1329,
    localText('Cabinet file not signed', 'cabinet 文件未签名'),
    localText(
      'A required cabinet file is not digitally signed, which may mean it is corrupt.',
      '所需的 cabinet 文件没有数字签名，可能已损坏。',
    ),
    { causes: ['package-invalid'], manual: [COMMON_STEPS.redownload] },
  ),
  messageEntry(
    1330,
    localText('Cabinet file has an invalid signature', 'cabinet 文件签名无效'),
    localText(
      'A required cabinet file has an invalid digital signature, which may mean it is corrupt.',
      '所需的 cabinet 文件数字签名无效，可能已损坏。',
    ),
    { causes: ['package-invalid'], manual: [COMMON_STEPS.redownload] },
  ),
  messageEntry(
    1331,
    localText('CRC error copying a file', '复制文件时出现 CRC 错误'),
    localText(
      'A file was not copied correctly (checksum error): damaged media or download.',
      '文件没有被正确复制（校验错误）：介质或下载已损坏。',
    ),
    { causes: ['package-invalid'], manual: [COMMON_STEPS.redownload] },
  ),
  messageEntry(
    1334,
    localText('File not found in cabinet', '在 cabinet 中找不到文件'),
    localText(
      'A file cannot be found in its cabinet: a network or disc read error, or a damaged package.',
      '在 cabinet 文件中找不到某个文件：可能是网络或光盘读取错误，或安装包已损坏。',
    ),
    { causes: ['package-invalid', 'source-missing'], manual: [COMMON_STEPS.redownload, COMMON_STEPS.localCopy] },
  ),
  messageEntry(
    1335,
    localText('Cabinet file is corrupt', 'cabinet 文件已损坏'),
    localText(
      'A cabinet file needed by the installation is corrupt: usually an incomplete download or a read error, sometimes security software or a full temp drive while extracting.',
      '安装所需的 cabinet 文件已损坏：通常是下载不完整或读取错误，有时是解压时安全软件干扰或临时文件所在磁盘已满。',
    ),
    {
      causes: ['package-invalid', 'disk-full', ['source-missing', 0.2]],
      manual: [COMMON_STEPS.redownload, COMMON_STEPS.localCopy],
    },
  ),
  messageEntry(
    1336,
    localText('Error creating a temporary file', '创建临时文件时出错'),
    localText(
      'A temporary file needed for the installation could not be created in the folder named in the message.',
      '无法在消息中提到的文件夹里创建安装所需的临时文件。',
    ),
    {
      causes: ['user-temp-broken', 'installer-folders-access', 'disk-full'],
      repairs: ['recreate-user-temp', 'restore-windows-temp-acl'],
      manual: [COMMON_STEPS.checkTempFolders],
    },
  ),
  messageEntry(
    1401,
    localText('Could not create a registry key', '无法创建注册表项'),
    localText(
      'A registry key could not be created (permissions on the key, or security software).',
      '无法创建注册表项（注册表项权限不足，或被安全软件拦截）。',
    ),
    PRIV,
  ),
  messageEntry(
    1402,
    localText('Could not open a registry key', '无法打开注册表项'),
    localText(
      'Usually harmless in verbose logs (the engine probes keys that do not exist, e.g. Rollback\\Scripts). It matters only when the system error is 5 (access denied) and the action then fails.',
      '在详细日志中通常无害（引擎会探测一些不存在的注册表项，例如 Rollback\\Scripts）。只有当系统错误为 5（拒绝访问）且随后操作失败时才需要关注。',
    ),
    { noise: true, causes: ['insufficient-privileges', ['installer-folders-access', 0.2]] },
  ),
  messageEntry(
    1404,
    localText('Could not delete a registry key', '无法删除注册表项'),
    localText(
      'A registry key could not be deleted (permissions, or the key is in use).',
      '无法删除某个注册表项（权限不足或该项正被使用）。',
    ),
    PRIV,
  ),
  messageEntry(
    1405,
    localText('Could not read a registry value', '无法读取注册表值'),
    localText('A registry value could not be read.', '无法读取某个注册表值。'),
    PRIV,
  ),
  messageEntry(
    1406,
    localText('Could not write a registry value', '无法写入注册表值'),
    localText(
      'A registry value could not be written: missing permissions on the key, or security software blocking it.',
      '无法写入某个注册表值：注册表项权限不足，或被安全软件拦截。',
    ),
    { ...PRIV, causes: [...PRIV_CAUSES, ['installer-folders-access', 0.2]] },
  ),
  messageEntry(
    1407,
    localText('Could not get value names of a key', '无法获取注册表项的值名称'),
    localText('The value names of a registry key could not be read.', '无法读取某个注册表项的值名称。'),
    PRIV,
  ),
  messageEntry(
    1408,
    localText('Could not get sub key names of a key', '无法获取注册表项的子项名称'),
    localText('The sub keys of a registry key could not be read.', '无法读取某个注册表项的子项。'),
    PRIV,
  ),
  messageEntry(
    1409,
    localText('Could not read security of a registry key', '无法读取注册表项的安全信息'),
    localText('The security information of a registry key could not be read.', '无法读取某个注册表项的安全信息。'),
    PRIV,
  ),
  messageEntry(
    1410,
    localText('Not enough registry space', '注册表空间不足'),
    localText('The registry does not have the free space the installation needs.', '注册表没有安装所需的可用空间。'),
    { causes: ['unknown'] },
  ),
  messageEntry(
    1500,
    localText('Another installation is in progress', '另一个安装正在进行'),
    localText(
      'Another installation is in progress; it must complete before this one can continue.',
      '另一个安装正在进行，必须等它完成后才能继续本次安装。',
    ),
    {
      causes: ['another-install-in-progress', 'windows-update-busy'],
      repairs: ['wait-for-installer', 'restart-computer'],
      manual: [COMMON_STEPS.waitRetry],
      docs: [DOCS.messages, DOCS.mutex],
    },
  ),
  messageEntry(
    1501,
    localText('Error accessing secured data', '访问受保护数据时出错'),
    localText(
      'Secured data could not be accessed; Windows Installer may not be configured properly.',
      '无法访问受保护的数据；Windows Installer 可能配置不正确。',
    ),
    { causes: ['installer-service-registration-damaged'] },
  ),
  messageEntry(
    1704,
    localText('An installation is suspended', '有一个安装处于挂起状态'),
    localText(
      'An earlier installation of this product was suspended; its changes must be undone (or completed) before continuing. Answer Yes to undo them, or restart.',
      '此前对这个产品的安装被挂起了；在继续之前必须先撤销（或完成）它的更改。选择“是”撤销这些更改，或者重启电脑。',
    ),
    { causes: ['another-install-in-progress', 'pending-reboot'], repairs: ['restart-computer'] },
  ),
  messageEntry(
    1705,
    localText('A previous installation is in progress', '之前的安装仍在进行'),
    localText(
      'A previous installation for this product is in progress; its changes must be undone to continue.',
      '此产品之前的安装仍在进行中；必须撤销它的更改才能继续。',
    ),
    { causes: ['another-install-in-progress'], repairs: ['restart-computer'] },
  ),
  messageEntry(
    1706,
    localText('No valid source found for the product', '找不到该产品的有效安装源'),
    localText(
      'Windows needs the original installer of this product (for a repair, a feature on demand or an update) and cannot find it.',
      'Windows 需要这个产品的原始安装包（用于修复、按需安装功能或更新），但找不到它。',
    ),
    { ...SOURCE, manual: [COMMON_STEPS.sourceMedia, COMMON_STEPS.noCache] },
  ),
  messageEntry(
    1708,
    localText('Installation failed', '安装操作失败'),
    localText(
      'This is only the summary line of a failed installation; the reason is earlier in the log.',
      '这只是安装失败的总结行，原因在日志更前面。',
    ),
    SUMMARY_FAILED,
  ),
  messageEntry(
    1709,
    localText('Product message', '产品消息'),
    localText(
      'A line of the form "Product: name -- message": read the message part.',
      '格式为“Product: 名称 -- 消息”的一行：请看“消息”部分。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    1710,
    localText('Restore or continue later?', '恢复还是稍后继续？'),
    localText(
      'Setup asks whether to restore the computer to its previous state or continue the installation later.',
      '安装程序询问是将电脑恢复到之前的状态，还是稍后继续安装。',
    ),
    { causes: ['unknown'] },
  ),
  messageEntry(
    1711,
    localText('Error writing installation information', '写入安装信息时出错'),
    localText(
      'Installation information could not be written to disk; check the free disk space.',
      '无法将安装信息写入磁盘；请检查可用磁盘空间。',
    ),
    { causes: ['disk-full', 'installer-folders-access'], manual: [COMMON_STEPS.diskSpace] },
  ),
  messageEntry(
    1712,
    localText('Rollback files missing', '找不到回滚所需的文件'),
    localText(
      'Files needed to restore the computer to its previous state are missing, so rollback is not possible.',
      '恢复到先前状态所需的文件不见了，因此无法回滚。',
    ),
    { causes: ['installer-folders-access'] },
  ),
  messageEntry(
    1713,
    localText('A required product could not be installed', '无法安装所需的产品'),
    localText(
      'The setup could not install one of the products it requires (a prerequisite).',
      '安装程序无法安装它所需要的某个产品（先决条件）。',
    ),
    { causes: ['prerequisite-missing'] },
  ),
  messageEntry(
    1714,
    localText('The older version cannot be removed', '无法删除旧版本'),
    localText(
      "The upgrade tried to remove the installed older version and failed: often the older version's cached installer is missing, or its own uninstall fails.",
      '升级时尝试卸载已安装的旧版本但失败了：常见原因是旧版本缓存的安装包丢失，或旧版本自身的卸载出错。',
    ),
    {
      causes: ['other-version-installed', 'source-missing'],
      repairs: ['uninstall-other-version'],
      manual: [COMMON_STEPS.uninstallFirst, COMMON_STEPS.sourceMedia],
    },
  ),
  messageEntry(
    1715,
    localText('Installed', '已安装'),
    localText('Success note: the product was installed.', '成功提示：产品已安装。'),
    SUCCESS_NOTE,
  ),
  messageEntry(
    1716,
    localText('Configured', '已配置'),
    localText('Success note: the product was configured.', '成功提示：产品已配置。'),
    SUCCESS_NOTE,
  ),
  messageEntry(
    1717,
    localText('Removed', '已删除'),
    localText('Success note: the product was removed.', '成功提示：产品已删除。'),
    SUCCESS_NOTE,
  ),
  messageEntry(
    1718,
    localText('File rejected by digital signature policy', '文件被数字签名策略拒绝'),
    localText(
      'A file was rejected by the digital signature policy. Microsoft notes a very large installation can also cause this by exhausting memory.',
      '某个文件被数字签名策略拒绝。Microsoft 指出，非常大的安装包耗尽内存时也可能导致此错误。',
    ),
    { causes: ['policy-blocked'] },
  ),
  messageEntry(
    1719,
    localText('Windows Installer service could not be accessed', '无法访问 Windows Installer 服务'),
    localText(
      'The Windows Installer service could not be reached: it may be disabled, not registered properly, or the computer is in Safe Mode.',
      '无法连接 Windows Installer 服务：它可能被禁用、注册不正确，或电脑处于安全模式。',
    ),
    {
      causes: ['installer-service-disabled', 'installer-service-registration-damaged', 'installer-service-unavailable'],
      repairs: ['restart-computer', 'enable-msiserver', 'repair-msiserver-registration'],
    },
  ),
  messageEntry(
    1720,
    localText('A custom action script failed', '自定义操作脚本无法运行'),
    localText(
      'A script (VBScript or JScript) the package runs during installation failed; the message gives the line and column.',
      '安装包在安装过程中运行的脚本（VBScript 或 JScript）出错；消息中给出了出错的行和列。',
    ),
    CA,
  ),
  messageEntry(
    1721,
    localText('A program required by the setup could not be run', '无法运行安装所需的程序'),
    localText(
      'The package tried to start a program (a custom action) and could not run it at all: the file is missing, the path is wrong, or it was blocked.',
      '安装包试图启动某个程序（自定义操作），但根本无法运行：文件不存在、路径错误，或被拦截。',
    ),
    CA,
  ),
  messageEntry(
    1722,
    localText('A program run by the setup failed', '安装过程中运行的程序未正常完成'),
    localText(
      'A program the package runs during installation (a custom action) ended with an error. The message names the action and the command; the log shows its output.',
      '安装包在安装过程中运行的某个程序（自定义操作）出错结束。消息中有操作名和命令；日志中有它的输出。',
    ),
    CA,
  ),
  messageEntry(
    1723,
    localText('A DLL required by the setup could not be run', '无法运行安装所需的 DLL'),
    localText(
      'A DLL custom action could not be loaded or its function not found: a missing dependency (such as a Visual C++ runtime), a broken temp folder, or security software.',
      '无法加载某个 DLL 自定义操作，或找不到其中的函数：可能缺少依赖项（例如 Visual C++ 运行库）、临时文件夹有问题，或被安全软件拦截。',
    ),
    { ...CA, causes: ['custom-action-failed', 'user-temp-broken', 'prerequisite-missing'] },
  ),
  messageEntry(
    1724,
    localText('Removal completed successfully', '删除已成功完成'),
    localText('Success note: the removal completed.', '成功提示：删除已完成。'),
    SUCCESS_NOTE,
  ),
  messageEntry(
    1725,
    localText('Removal failed', '删除失败'),
    localText(
      'This is only the summary line of a failed removal; the reason is earlier in the log.',
      '这只是删除失败的总结行，原因在日志更前面。',
    ),
    SUMMARY_FAILED,
  ),
  messageEntry(
    1726,
    localText('Advertisement completed successfully', '公布已成功完成'),
    localText('Success note: the advertisement completed.', '成功提示：公布已完成。'),
    SUCCESS_NOTE,
  ),
  messageEntry(
    1727,
    localText('Advertisement failed', '公布失败'),
    localText(
      'Summary line of a failed advertisement; the reason is earlier in the log.',
      '公布失败的总结行，原因在日志更前面。',
    ),
    SUMMARY_FAILED,
  ),
  messageEntry(
    1728,
    localText('Configuration completed successfully', '配置已成功完成'),
    localText('Success note: the configuration (repair or change) completed.', '成功提示：配置（修复或更改）已完成。'),
    SUCCESS_NOTE,
  ),
  messageEntry(
    1729,
    localText('Configuration failed', '配置失败'),
    localText(
      'Summary line of a failed configuration (repair or change); the reason is earlier in the log.',
      '配置（修复或更改）失败的总结行，原因在日志更前面。',
    ),
    SUMMARY_FAILED,
  ),
  messageEntry(
    1730,
    localText('Administrator rights needed to remove', '需要管理员权限才能删除'),
    localText('You must be an administrator to remove this application.', '必须是管理员才能删除此应用程序。'),
    { causes: ['not-elevated'], manual: [COMMON_STEPS.admin] },
  ),
  messageEntry(
    1731,
    localText('Source package out of sync', '源安装包与客户端不同步'),
    localText(
      'The installation package used now does not match the one the product was installed from; use a valid copy of the original package.',
      '当前使用的安装包与当初安装该产品时的安装包不一致；请使用原始安装包的有效副本。',
    ),
    { causes: ['source-missing'], manual: [COMMON_STEPS.sourceMedia] },
  ),
  messageEntry(
    1732,
    localText('Restart needed (other users logged on)', '需要重启（有其他用户已登录）'),
    localText(
      'A restart is needed to complete the installation, and other users are logged on: restarting may make them lose work.',
      '需要重启才能完成安装，而且还有其他用户已登录：重启可能导致他们丢失未保存的工作。',
    ),
    { noise: true, causes: ['reboot-required-to-finish'], repairs: ['restart-computer'] },
  ),
  messageEntry(
    1733,
    localText("Not in Microsoft's message table", '不在 Microsoft 的消息表中'),
    localText(
      "Microsoft's published list of Windows Installer messages has no entry 1733; the package may have authored its own text. Read the full message and the verbose log.",
      'Microsoft 公布的 Windows Installer 消息列表中没有 1733；可能是安装包自己定义的消息。请阅读完整的提示和详细日志。',
    ),
    UNDOCUMENTED,
  ),
  messageEntry(
    1734,
    localText("Not in Microsoft's message table", '不在 Microsoft 的消息表中'),
    localText(
      "Microsoft's published list of Windows Installer messages has no entry 1734; the package may have authored its own text. Read the full message and the verbose log.",
      'Microsoft 公布的 Windows Installer 消息列表中没有 1734；可能是安装包自己定义的消息。请阅读完整的提示和详细日志。',
    ),
    UNDOCUMENTED,
  ),
  messageEntry(1801, localText('Path not valid', '路径无效'), localText('The path is not valid.', '该路径无效。'), {
    causes: ['package-path-invalid'],
  }),
  messageEntry(
    1805,
    localText('Path does not exist', '路径不存在'),
    localText('The path does not exist.', '该路径不存在。'),
    {
      causes: ['package-path-invalid'],
    },
  ),
  messageEntry(
    1806,
    localText('No rights to read this folder', '没有读取此文件夹的权限'),
    localText('You do not have the privileges to read this folder.', '您没有读取此文件夹的权限。'),
    PRIV,
  ),
  messageEntry(
    1901,
    localText('Error reading the source database', '读取安装源数据库时出错'),
    localText('The installation database at the source could not be read.', '无法读取安装源中的数据库。'),
    SOURCE,
  ),
  messageEntry(
    1902,
    localText('Restart scheduled: file rename', '已安排重启：重命名文件'),
    localText(
      'Informational: a file in use will be replaced at the next restart.',
      '提示信息：正在使用的文件将在下次重启时被替换。',
    ),
    { noise: true, causes: ['reboot-required-to-finish'], docs: [DOCS.messages, DOCS.rebootRequests] },
  ),
  messageEntry(
    1903,
    localText('Restart scheduled: file delete', '已安排重启：删除文件'),
    localText(
      'Informational: a file in use will be deleted at the next restart.',
      '提示信息：正在使用的文件将在下次重启时被删除。',
    ),
    { noise: true, causes: ['reboot-required-to-finish'], docs: [DOCS.messages, DOCS.rebootRequests] },
  ),
  messageEntry(
    1904,
    localText('Module failed to register', '模块注册失败'),
    localText(
      'A DLL or OCX could not register itself (HRESULT given): a missing dependency or missing rights.',
      '某个 DLL 或 OCX 无法自我注册（消息中给出了 HRESULT）：缺少依赖项或权限不足。',
    ),
    { causes: ['prerequisite-missing', 'insufficient-privileges'] },
  ),
  messageEntry(
    1905,
    localText('Module failed to unregister', '模块注销失败'),
    localText(
      'A DLL or OCX could not unregister itself (HRESULT given).',
      '某个 DLL 或 OCX 无法自我注销（消息中给出了 HRESULT）。',
    ),
    { causes: ['prerequisite-missing'] },
  ),
  messageEntry(
    1906,
    localText('Failed to cache the package', '缓存安装包失败'),
    localText(
      'The package could not be copied into the Windows Installer cache (C:\\Windows\\Installer): folder permissions or disk space.',
      '无法把安装包复制到 Windows Installer 缓存（C:\\Windows\\Installer）：文件夹权限或磁盘空间有问题。',
    ),
    { causes: ['installer-folders-access', 'disk-full'] },
  ),
  messageEntry(
    1907,
    localText('Could not register a font', '无法注册字体'),
    localText(
      'A font could not be registered: check permissions to install fonts.',
      '无法注册某个字体：请检查安装字体的权限。',
    ),
    PRIV,
  ),
  messageEntry(
    1909,
    localText('Could not create a shortcut', '无法创建快捷方式'),
    localText(
      'A shortcut could not be created: the destination folder is missing or not accessible.',
      '无法创建快捷方式：目标文件夹不存在或无法访问。',
    ),
    { causes: ['insufficient-privileges', 'unsupported-drive'] },
  ),
  messageEntry(
    1910,
    localText('Could not remove a shortcut', '无法删除快捷方式'),
    localText('A shortcut could not be removed.', '无法删除某个快捷方式。'),
    { causes: ['insufficient-privileges'] },
  ),
  messageEntry(
    1911,
    localText('Could not register a type library', '无法注册类型库'),
    localText(
      'A type library could not be registered (error loading the type library or a DLL it needs).',
      '无法注册类型库（加载类型库或它所需的 DLL 时出错）。',
    ),
    { causes: ['prerequisite-missing', 'insufficient-privileges'] },
  ),
  messageEntry(
    1912,
    localText('Could not unregister a type library', '无法注销类型库'),
    localText('A type library could not be unregistered.', '无法注销某个类型库。'),
    { causes: ['prerequisite-missing'] },
  ),
  messageEntry(
    1913,
    localText('Could not update an .ini file', '无法更新 .ini 文件'),
    localText(
      'An .ini file could not be updated: it is missing, read-only or not accessible.',
      '无法更新某个 .ini 文件：它不存在、是只读的或无法访问。',
    ),
    PRIV,
  ),
  messageEntry(
    1914,
    localText('Could not schedule a file replacement', '无法安排重启时替换文件'),
    localText(
      'A file could not be scheduled to be replaced at restart; check write permission to the file.',
      '无法安排在重启时替换某个文件；请检查对该文件的写入权限。',
    ),
    PRIV,
  ),
  messageEntry(
    1918,
    localText('Error installing an ODBC driver', '安装 ODBC 驱动程序时出错'),
    localText(
      'An ODBC driver could not be installed (ODBC error given); check that its file exists and is accessible.',
      '无法安装 ODBC 驱动程序（消息中给出了 ODBC 错误）；请检查其文件是否存在且可访问。',
    ),
    { causes: ['prerequisite-missing', 'insufficient-privileges'] },
  ),
  messageEntry(
    1919,
    localText('Error configuring an ODBC data source', '配置 ODBC 数据源时出错'),
    localText(
      'An ODBC data source could not be configured (ODBC error given).',
      '无法配置 ODBC 数据源（消息中给出了 ODBC 错误）。',
    ),
    { causes: ['prerequisite-missing', 'insufficient-privileges'] },
  ),
  messageEntry(
    1920,
    localText('A service failed to start', '服务启动失败'),
    localText(
      'The package installed a Windows service but it did not start. Common reasons: wrong service account or password, a missing dependency or runtime, the program exits at once, or a port already in use.',
      '安装包安装了一个 Windows 服务，但它没能启动。常见原因：服务账户或密码错误、缺少依赖项或运行库、程序一启动就退出，或端口已被占用。',
    ),
    {
      causes: ['service-start-failed'],
      check: [COMMON_STEPS.services],
      manual: [
        localText(
          'Click Ignore only if you can start the service later yourself; otherwise Cancel, fix the cause and run the install again.',
          '只有当您之后能自己启动该服务时才点“忽略”；否则点“取消”，解决问题后重新安装。',
        ),
      ],
      repairs: ['restart-computer', 'retry-install-elevated-logged'],
    },
  ),
  messageEntry(
    1921,
    localText('A service could not be stopped', '无法停止服务'),
    localText(
      'A service could not be stopped (it may hang, or the rights are missing). Closing it or restarting usually helps.',
      '无法停止某个服务（它可能没有响应，或权限不足）。关闭它或重启电脑通常有效。',
    ),
    { causes: ['files-in-use', 'insufficient-privileges'], repairs: ['restart-computer'] },
  ),
  messageEntry(
    1922,
    localText('A service could not be deleted', '无法删除服务'),
    localText(
      'A service could not be deleted; often it is still marked for deletion until a restart.',
      '无法删除某个服务；它通常要到重启后才真正被删除。',
    ),
    { causes: ['pending-reboot', 'insufficient-privileges'], repairs: ['restart-computer'] },
  ),
  messageEntry(
    1923,
    localText('A service could not be installed', '无法安装服务'),
    localText(
      'The package could not create its Windows service: missing rights, a service with that name already exists (or is marked for deletion), or the service account is invalid.',
      '安装包无法创建它的 Windows 服务：权限不足、同名服务已存在（或已标记为待删除），或服务账户无效。',
    ),
    {
      causes: ['service-install-failed', 'pending-reboot'],
      check: [COMMON_STEPS.services],
      repairs: ['restart-computer', 'retry-install-elevated-logged'],
    },
  ),
  messageEntry(
    1924,
    localText('Could not update an environment variable', '无法更新环境变量'),
    localText(
      'An environment variable could not be updated; check the rights to modify environment variables.',
      '无法更新某个环境变量；请检查修改环境变量的权限。',
    ),
    PRIV,
  ),
  messageEntry(
    1925,
    localText('Insufficient privileges to install for all users', '没有足够权限为所有用户安装'),
    localText(
      'This installation is for all users of the computer and needs administrator rights. Run it elevated.',
      '此安装面向电脑上的所有用户，需要管理员权限。请以管理员身份运行。',
    ),
    {
      causes: ['not-elevated', 'insufficient-privileges'],
      repairs: ['retry-install-elevated-logged'],
      manual: [COMMON_STEPS.admin],
    },
  ),
  messageEntry(
    1926,
    localText('Could not set file security', '无法设置文件安全属性'),
    localText(
      'The permissions of a file could not be set (the error code is given).',
      '无法设置某个文件的权限（消息中给出了错误代码）。',
    ),
    PRIV,
  ),
  messageEntry(
    1927,
    localText('COM+ Services required', '需要 COM+ 服务'),
    localText('The installation requires COM+ Services to be installed.', '此安装需要先安装 COM+ 服务。'),
    { causes: ['prerequisite-missing'] },
  ),
  messageEntry(
    1928,
    localText('Failed to install the COM+ application', '安装 COM+ 应用程序失败'),
    localText('The installation failed to install the COM+ application.', '安装 COM+ 应用程序失败。'),
    { causes: ['prerequisite-missing', 'insufficient-privileges'] },
  ),
  messageEntry(
    1929,
    localText('Failed to remove the COM+ application', '删除 COM+ 应用程序失败'),
    localText('The installation failed to remove the COM+ application.', '删除 COM+ 应用程序失败。'),
    { causes: ['insufficient-privileges'] },
  ),
  messageEntry(
    1931,
    localText('Protected system file cannot be updated', '受保护的系统文件无法更新'),
    localText(
      'The package tried to update a file that Windows protects. The product may need an updated Windows to work correctly.',
      '安装包试图更新受 Windows 保护的文件。该产品可能需要更新 Windows 才能正常工作。',
    ),
    { causes: ['prerequisite-missing'] },
  ),
  messageEntry(
    1934,
    localText('User installations are disabled by policy', '策略禁止按用户安装'),
    localText('User installations are disabled through policy on this machine.', '这台电脑上的策略禁止按用户安装。'),
    { causes: ['policy-blocked'], manual: [COMMON_STEPS.policyAdmin], docs: [DOCS.messages, DOCS.machinePolicies] },
  ),
  messageEntry(
    1935,
    localText('Error installing an assembly', '安装程序集时出错'),
    localText(
      'A .NET or side-by-side assembly could not be installed (HRESULT given): often a damaged or missing .NET Framework / WinSxS store, or a pending restart.',
      '无法安装某个 .NET 程序集或并行程序集（消息中给出了 HRESULT）：通常是 .NET Framework / WinSxS 存储损坏或缺失，或有待完成的重启。',
    ),
    { causes: ['prerequisite-missing', 'pending-reboot'], repairs: ['restart-computer'] },
  ),
  messageEntry(
    1937,
    localText('Assembly signature could not be verified', '无法验证程序集签名'),
    localText(
      "An assembly's signature or catalog could not be verified or is not valid.",
      '无法验证程序集的签名或目录文件，或其无效。',
    ),
    { causes: ['package-invalid'] },
  ),
  messageEntry(
    1939,
    localText('A service could not be configured', '无法配置服务'),
    localText(
      'A service could not be configured: a problem with the package or your permissions.',
      '无法配置某个服务：安装包有问题或权限不足。',
    ),
    { causes: ['service-install-failed', 'insufficient-privileges'] },
  ),
  messageEntry(
    1944,
    localText('Could not set service security', '无法设置服务安全属性'),
    localText(
      'The security of a service could not be set; check your privileges.',
      '无法设置某个服务的安全属性；请检查您的权限。',
    ),
    PRIV,
  ),
  // ------------------------------------------------------------------ internal errors (2000+): package authoring or environment
  messageEntry(
    2101,
    localText('Shortcuts not supported by the operating system', '操作系统不支持快捷方式'),
    localText(
      'Internal error: shortcuts are not supported by the operating system.',
      '内部错误：操作系统不支持快捷方式。',
    ),
    { causes: ['unknown'] },
  ),
  messageEntry(
    2103,
    localText('Could not resolve a shell folder', '无法解析外壳文件夹路径'),
    localText(
      'A special folder (Desktop, Start Menu, AppData...) could not be resolved, e.g. when it is redirected to an unavailable location.',
      '无法解析某个特殊文件夹（桌面、开始菜单、AppData 等）的路径，例如它被重定向到一个不可用的位置。',
    ),
    { causes: ['unsupported-drive'] },
  ),
  messageEntry(
    2105,
    localText('Shortcut creation failed', '创建快捷方式失败'),
    localText(
      'Internal error: creating a shortcut failed (system error given).',
      '内部错误：创建快捷方式失败（给出了系统错误）。',
    ),
    { causes: ['insufficient-privileges'] },
  ),
  messageEntry(
    2107,
    localText('Error registering a type library', '注册类型库时出错'),
    localText(
      'Internal error registering a type library (error code given).',
      '注册类型库时发生内部错误（给出了错误代码）。',
    ),
    { causes: ['prerequisite-missing'] },
  ),
  messageEntry(
    2203,
    localText('Cannot open a database file', '无法打开数据库文件'),
    localText(
      'Often harmless: the engine checks C:\\Windows\\Installer\\inprogressinstallinfo.ipi, which normally does not exist (system error -2147287038, "not found"). It matters when the error is -2147287035 (access denied) on C:\\Windows\\Installer, or when it is about the .msi itself (the package cannot be opened).',
      '通常无害：引擎会检查 C:\\Windows\\Installer\\inprogressinstallinfo.ipi，这个文件平时本就不存在（系统错误 -2147287038，“找不到”）。只有当 C:\\Windows\\Installer 上出现 -2147287035（拒绝访问），或错误针对的是 .msi 本身（无法打开安装包）时才需要关注。',
    ),
    {
      noise: true,
      // By what the line shows: the package not found (path), a package or cabinet that cannot be opened (invalid),
      // an installed product's cached package in C:\Windows\Installer or an external cabinet missing (source).
      causes: ['installer-folders-access', 'package-path-invalid', ['package-invalid', 0.2], ['source-missing', 0.2]],
      repairs: ['retry-install-elevated-logged'],
    },
  ),
  messageEntry(
    2205,
    localText('Table does not exist (harmless)', '表不存在（无害）'),
    localText(
      'Harmless: the engine looked up an optional table the package does not have (often the Error table). Ignore it.',
      '无害：引擎查找了安装包中没有的可选表（通常是 Error 表）。可以忽略。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2228,
    localText('Unknown table in query (harmless)', '查询中有未知表（无害）'),
    localText(
      'Harmless: a query referred to an optional table the package does not have. Ignore it.',
      '无害：查询引用了安装包中没有的可选表。可以忽略。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2235,
    localText('A column is missing or ambiguous in a table', '表中的某一列不存在或有歧义'),
    localText(
      'The package is built wrongly: a query refers to a column that its table does not have (often in PublishFeatures or a custom table). This is a defect of the package, not of the computer.',
      '安装包制作有误：某个查询引用了表中不存在的列（常见于 PublishFeatures 或自定义表）。这是安装包的缺陷，不是电脑的问题。',
    ),
    { causes: ['package-invalid'], manual: [COMMON_STEPS.vendor] },
  ),
  messageEntry(
    2262,
    localText('Stream does not exist (harmless)', '流不存在（无害）'),
    localText(
      'Usually harmless: the engine looked for an optional stream that the package does not contain.',
      '通常无害：引擎查找了安装包中没有的可选流。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2265,
    localText('Could not commit storage (usually harmless)', '无法提交存储（通常无害）'),
    localText(
      'Usually harmless in logs; it matters only if the installation fails right after it.',
      '在日志中通常无害；只有在它之后安装立即失败时才需要关注。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2318,
    localText('File does not exist (usually harmless)', '文件不存在（通常无害）'),
    localText(
      'Usually harmless: the engine checked for a file that is not there (often with an empty path).',
      '通常无害：引擎检查了一个不存在的文件（路径常常为空）。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2324,
    localText('Could not open a file', '无法打开文件'),
    localText(
      'A file could not be opened (the system error is given): in use, blocked by security software, or missing rights.',
      '无法打开某个文件（给出了系统错误）：文件正被使用、被安全软件拦截，或权限不足。',
    ),
    { causes: ['files-in-use', 'insufficient-privileges'], repairs: ['restart-computer'] },
  ),
  messageEntry(
    2330,
    localText('Error getting file attributes', '获取文件属性时出错'),
    localText(
      'The attributes of a file could not be read (system error given).',
      '无法读取某个文件的属性（给出了系统错误）。',
    ),
    { causes: ['insufficient-privileges'] },
  ),
  messageEntry(
    2343,
    localText('Specified path is empty (harmless)', '指定的路径为空（无害）'),
    localText(
      'Usually harmless in verbose logs: the engine resolved a folder property that is empty, which successful installs also log.',
      '在详细日志中通常无害：引擎解析了一个为空的文件夹属性，成功的安装也会记录这一行。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2350,
    localText('Cabinet extraction error (FDI server error)', '解压 cabinet 出错（FDI 服务器错误）'),
    localText(
      'Extracting files from a cabinet failed: usually a damaged or incomplete package, sometimes no space or no access in the temp folder, or security software.',
      '从 cabinet 文件中解压文件失败：通常是安装包损坏或不完整，有时是临时文件夹空间不足或无法访问，或被安全软件干扰。',
    ),
    {
      causes: ['package-invalid', 'disk-full', 'user-temp-broken'],
      manual: [COMMON_STEPS.redownload, COMMON_STEPS.localCopy],
    },
  ),
  messageEntry(
    2351,
    localText('File key not found in cabinet', '在 cabinet 中找不到文件键'),
    localText(
      'A file was not found in the cabinet; the installation cannot continue. The package or its cabinet is damaged or mismatched.',
      '在 cabinet 中找不到某个文件，安装无法继续。安装包或其 cabinet 已损坏或不匹配。',
    ),
    { causes: ['package-invalid'], manual: [COMMON_STEPS.redownload] },
  ),
  messageEntry(
    2356,
    localText('Could not locate a cabinet in the package', '在安装包中找不到 cabinet'),
    localText(
      'An embedded cabinet could not be found in the package: the package is damaged or incomplete.',
      '在安装包中找不到内嵌的 cabinet：安装包已损坏或不完整。',
    ),
    { causes: ['package-invalid'], manual: [COMMON_STEPS.redownload] },
  ),
  messageEntry(
    2502,
    localText('InstallFinalize called when no install in progress', '在没有安装进行时调用了 InstallFinalize'),
    localText(
      'An internal follow-on error: the installation script could not be started or continued, so finishing it failed. The real cause is earlier, usually the temp folders (C:\\Windows\\Temp, %TEMP%), C:\\Windows\\Installer, or an install that was not run elevated.',
      '这是一个内部的连锁错误：安装脚本没能启动或继续，所以结束安装时失败了。真正的原因在更前面，通常与临时文件夹（C:\\Windows\\Temp、%TEMP%）、C:\\Windows\\Installer 有关，或安装没有以管理员身份运行。',
    ),
    {
      followOn: true,
      causes: ['installer-folders-access', 'user-temp-broken', 'not-elevated'],
      check: [COMMON_STEPS.readEarlier, COMMON_STEPS.checkTempFolders],
      repairs: ['retry-install-elevated-logged', 'recreate-user-temp', 'restore-windows-temp-acl'],
    },
  ),
  messageEntry(
    2503,
    localText('RunScript called when not marked in progress', '在未标记为进行中时调用了 RunScript'),
    localText(
      'An internal follow-on error: the installation script could not be run. The package is rarely at fault; look at the temp folders (C:\\Windows\\Temp denying Users, a missing or redirected %TEMP%), C:\\Windows\\Installer, and whether the install ran elevated.',
      '这是一个内部的连锁错误：安装脚本无法运行。问题很少出在安装包本身；请检查临时文件夹（C:\\Windows\\Temp 拒绝 Users 写入、%TEMP% 不存在或被改到别处）、C:\\Windows\\Installer，以及安装是否以管理员身份运行。',
    ),
    {
      followOn: true,
      causes: ['installer-folders-access', 'user-temp-broken', 'not-elevated'],
      check: [COMMON_STEPS.readEarlier, COMMON_STEPS.checkTempFolders],
      repairs: ['retry-install-elevated-logged', 'recreate-user-temp', 'restore-windows-temp-acl'],
    },
  ),
  messageEntry(
    2701,
    localText('Feature tree depth note (harmless)', '功能树深度提示（无害）'),
    localText(
      'Usually harmless in verbose logs: an internal note about the depth of the feature tree, logged by successful installs too.',
      '在详细日志中通常无害：关于功能树深度的内部提示，成功的安装也会记录。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2711,
    localText('Feature name not found in the Feature table (harmless)', '在 Feature 表中找不到功能名称（无害）'),
    localText(
      'Usually harmless in verbose logs: a feature named on the command line or by a dialog is not in this package, and the engine skips it.',
      '在详细日志中通常无害：命令行或对话框中指定的某个功能不在此安装包中，引擎会跳过它。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2715,
    localText('File key not found in the File table', '在 File 表中找不到指定的文件键'),
    localText(
      'A custom action refers to a file the package does not contain (an authoring defect). When it happens in the final "launch the application" step, the product itself is usually installed.',
      '某个自定义操作引用了安装包中不存在的文件（制作缺陷）。如果发生在最后的“启动应用程序”步骤，产品本身通常已经装好了。',
    ),
    { causes: ['custom-action-failed'], manual: [COMMON_STEPS.vendor] },
  ),
  messageEntry(
    2721,
    localText('Custom action not found in the Binary table', '在 Binary 表中找不到自定义操作'),
    localText(
      'The package refers to a custom action code that it does not contain: a defect in the package.',
      '安装包引用了一个它并不包含的自定义操作代码：这是安装包的缺陷。',
    ),
    { causes: ['package-invalid', 'custom-action-failed'], manual: [COMMON_STEPS.vendor] },
  ),
  messageEntry(
    2727,
    localText('Directory entry does not exist', 'Directory 表中不存在该目录项'),
    localText(
      'Usually harmless in verbose logs, where successful installs log it with an empty directory name. When it names a directory and the install fails right after, the package refers to a directory its Directory table does not define: an authoring defect.',
      '在详细日志中通常无害，成功的安装也会以空目录名记录它。只有当它写出了目录名且安装随后失败时，才说明安装包引用了其 Directory 表中未定义的目录：这是制作缺陷。',
    ),
    { noise: true, causes: ['package-invalid'], manual: [COMMON_STEPS.vendor] },
  ),
  messageEntry(
    2732,
    localText('Directory Manager not initialized', '目录管理器未初始化'),
    localText(
      'A custom action ran before the costing actions: an authoring defect in the package.',
      '某个自定义操作在成本计算操作之前运行了：这是安装包的制作缺陷。',
    ),
    { causes: ['custom-action-failed'], manual: [COMMON_STEPS.vendor] },
  ),
  messageEntry(
    2735,
    localText('Custom action crashed', '自定义操作崩溃'),
    localText(
      'A DLL custom action caused an unhandled exception (for example an access violation) and was stopped.',
      '某个 DLL 自定义操作引发了未处理的异常（例如访问冲突），已被终止。',
    ),
    CA,
  ),
  messageEntry(
    2738,
    localText('Could not access the VBScript runtime', '无法访问 VBScript 运行时'),
    localText(
      'A VBScript custom action could not run because the VBScript engine is unavailable: vbscript.dll not registered, blocked by security software, or VBScript removed from Windows (it is an optional feature being phased out).',
      'VBScript 自定义操作无法运行，因为 VBScript 引擎不可用：vbscript.dll 未注册、被安全软件拦截，或 Windows 中的 VBScript 已被删除（它是一个正在逐步淘汰的可选功能）。',
    ),
    {
      causes: ['custom-action-failed', 'prerequisite-missing'],
      manual: [
        localText(
          'Check Settings > System > Optional features for VBScript, and any security software that blocks scripts.',
          '在“设置”>“系统”>“可选功能”中检查 VBScript，并检查是否有安全软件拦截脚本。',
        ),
      ],
    },
  ),
  messageEntry(
    2739,
    localText('Could not access the JScript runtime', '无法访问 JScript 运行时'),
    localText(
      'A JScript custom action could not run because the JScript engine (jscript.dll) is unavailable or blocked.',
      'JScript 自定义操作无法运行，因为 JScript 引擎（jscript.dll）不可用或被拦截。',
    ),
    { causes: ['custom-action-failed', 'prerequisite-missing'] },
  ),
  messageEntry(
    2755,
    localText('Server returned an unexpected error', '服务器返回了意外错误'),
    localText(
      'The Windows Installer service returned an error (given in the message) trying to install the package: often the package sits in an encrypted or inaccessible folder, or C:\\Windows\\Installer or the temp folders have problems.',
      'Windows Installer 服务在安装该安装包时返回了错误（消息中给出）：常见原因是安装包位于加密或无法访问的文件夹中，或 C:\\Windows\\Installer、临时文件夹有问题。',
    ),
    {
      causes: ['installer-folders-access', 'package-path-invalid', 'user-temp-broken'],
      repairs: ['retry-install-elevated-logged'],
      manual: [COMMON_STEPS.localCopy, COMMON_STEPS.checkTempFolders],
    },
  ),
  messageEntry(
    2762,
    localText('Cannot write script record: transaction not started', '无法写入脚本记录：事务未开始'),
    localText(
      'A deferred action is sequenced outside the install transaction: an authoring defect in the package.',
      '某个延迟操作被安排在安装事务之外：这是安装包的制作缺陷。',
    ),
    { causes: ['custom-action-failed'], manual: [COMMON_STEPS.vendor] },
  ),
  messageEntry(
    2769,
    localText('Custom action did not close handles (warning)', '自定义操作未关闭句柄（警告）'),
    localText(
      'A warning about a custom action that did not close its handles. It usually follows the custom action failure that matters.',
      '关于某个自定义操作未关闭句柄的警告。它通常跟在真正重要的自定义操作失败之后。',
    ),
    { noise: true, causes: ['custom-action-failed'] },
  ),
  messageEntry(
    2774,
    localText("Not in Microsoft's message table", '不在 Microsoft 的消息表中'),
    localText(
      "Microsoft's published list has no message 2774 (the 27xx internal errors end at 2772). Treat it as a generic internal error: check that the Windows Installer service works, then read the verbose log.",
      'Microsoft 公布的列表中没有消息 2774（27xx 内部错误到 2772 为止）。请把它当作一般内部错误：先确认 Windows Installer 服务工作正常，再查看详细日志。',
    ),
    { ...UNDOCUMENTED, causes: ['installer-service-unavailable', 'unknown'] },
  ),
  messageEntry(
    2896,
    localText('Executing an action failed', '执行操作失败'),
    localText(
      'A custom action failed. The lines above it usually say which one and why.',
      '某个自定义操作失败了。它上面的几行通常会说明是哪一个以及原因。',
    ),
    CA,
  ),
  messageEntry(
    2803,
    localText('Dialog record not found (harmless)', '找不到对话框记录（无害）'),
    localText(
      'Harmless: user-interface bookkeeping about a dialog, logged by successful installs with a full UI.',
      '无害：关于对话框的界面记录，带完整界面的成功安装也会记录。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2826,
    localText('A control extends beyond its dialog (harmless)', '某个控件超出了对话框边界（无害）'),
    localText(
      'Harmless: a control of a dialog is drawn a few pixels beyond the dialog. It is a cosmetic note of the package author, not a failure.',
      '无害：对话框中的某个控件超出对话框边界几个像素。这只是安装包作者的外观问题，不是失败。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2898,
    localText('Font created for a text style (harmless)', '为文本样式创建了字体（无害）'),
    localText(
      'Harmless: the engine created a font for a dialog text style. Successful installs with a user interface log it many times.',
      '无害：引擎为对话框的文本样式创建了字体。带界面的成功安装会多次记录这一行。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2908,
    localText('Could not register a component', '无法注册组件'),
    localText(
      'A component could not be registered. In logs it often appears next to assembly (1935) problems; read the surrounding lines.',
      '无法注册某个组件。在日志中它常与程序集（1935）问题一起出现；请阅读前后几行。',
    ),
    { causes: ['prerequisite-missing'] },
  ),
  messageEntry(
    2911,
    localText('Could not remove a folder (usually harmless)', '无法删除文件夹（通常无害）'),
    localText(
      'Usually harmless, especially "DEBUG: Error 2911" on C:\\Config.Msi at the end of an installation.',
      '通常无害，尤其是安装结束时针对 C:\\Config.Msi 的 “DEBUG: Error 2911”。',
    ),
    SUCCESS_NOTE,
  ),
  messageEntry(
    2932,
    localText('Could not create a file from script data', '无法根据脚本数据创建文件'),
    localText(
      'A file could not be created while running the installation script (the error code is given): access denied, file in use, or security software.',
      '在执行安装脚本时无法创建某个文件（给出了错误代码）：拒绝访问、文件正被使用，或被安全软件拦截。',
    ),
    { causes: ['insufficient-privileges', 'files-in-use'] },
  ),
  messageEntry(
    2935,
    localText('Could not unsecure a transform', '无法解除转换文件的安全保护'),
    localText(
      'A secured transform in the Windows Installer cache could not be unsecured (error given): usually a permissions problem in C:\\Windows\\Installer.',
      '无法解除 Windows Installer 缓存中某个受保护转换文件的安全设置（给出了错误）：通常是 C:\\Windows\\Installer 的权限问题。',
    ),
    { causes: ['installer-folders-access'] },
  ),
  messageEntry(
    2943,
    localText('64-bit package on 32-bit Windows', '在 32 位 Windows 上使用 64 位安装包'),
    localText(
      'This version of Windows does not support deploying 64-bit packages.',
      '此版本的 Windows 不支持部署 64 位安装包。',
    ),
    { causes: ['prerequisite-missing'], manual: [COMMON_STEPS.platform] },
  ),
] satisfies readonly ErrorCodeEntry[];
