// Windows Installer dialog sentences (English and Simplified Chinese) that identify an error even when no number is pasted.

export interface DialogPhrase {
  pattern: RegExp;
  code?: number;
  /** 'exit': the sentence of an msiexec exit code; 'message': of a message number. */
  role: 'exit' | 'message';
  /** An extra note to add (e.g. a newer version is installed, which has no code of its own). */
  noteKey?: string;
}

// Tolerant patterns: pasted dialogs lose line breaks and punctuation; Chinese wording varies between Windows versions.
export const DIALOG_PHRASES: readonly DialogPhrase[] = [
  {
    pattern:
      /another (installation|program) is (already )?(in progress|being installed)|another install(ation)? is running/i,
    code: 1618,
    role: 'exit',
  },
  { pattern: /另一个(程序|安装)(正在|已在)(安装|进行)|另一个安装正在运行|其他安装正在进行/, code: 1618, role: 'exit' },
  { pattern: /fatal error (occurred )?during installation/i, code: 1603, role: 'exit' },
  { pattern: /安装(过程中|时)?(发生|出现)?严重错误|严重错误/, code: 1603, role: 'exit' },
  {
    pattern: /forbidden by system policy|administrator has set policies to prevent this installation/i,
    code: 1625,
    role: 'exit',
  },
  { pattern: /系统策略禁止|管理员已(经)?设置(了)?策略/, code: 1625, role: 'exit' },
  { pattern: /this installation package could not be opened/i, code: 1619, role: 'exit' },
  { pattern: /无法打开(此|这个)?安装(程序)?包/, code: 1619, role: 'exit' },
  { pattern: /another version of this product is already installed/i, code: 1638, role: 'exit' },
  { pattern: /已(经)?安装了?(此|该|这个)产品的另一个版本/, code: 1638, role: 'exit' },
  { pattern: /installation source for this product is not available/i, code: 1612, role: 'exit' },
  { pattern: /此产品的安装源不可用/, code: 1612, role: 'exit' },
  { pattern: /windows installer service could not be accessed/i, code: 1719, role: 'message' },
  { pattern: /无法访问\s*windows installer\s*服务/i, code: 1719, role: 'message' },
  {
    pattern:
      /feature you are trying to use is on a network resource that is unavailable|no valid source could be found/i,
    code: 1706,
    role: 'message',
  },
  { pattern: /(要|正在)使用的功能(位于|在)(一个)?(不可用|无法使用)的网络资源上/, code: 1706, role: 'message' },
  { pattern: /a program run as part of the setup did not finish as expected/i, code: 1722, role: 'message' },
  { pattern: /作为安装(程序)?的一部分(运行的程序|而运行的程序)未(能)?按预期完成/, code: 1722, role: 'message' },
  { pattern: /a program required for this install to complete could not be run/i, code: 1721, role: 'message' },
  { pattern: /无法运行(完成)?此安装(完成)?所需的程序/, code: 1721, role: 'message' },
  { pattern: /a dll required for this install to complete could not be run/i, code: 1723, role: 'message' },
  { pattern: /无法运行(完成)?此安装(完成)?所需的\s*DLL/i, code: 1723, role: 'message' },
  {
    pattern: /failed to start\.? verify that you have sufficient privileges to start system services/i,
    code: 1920,
    role: 'message',
  },
  {
    pattern: /(无法启动|未能启动|启动失败)[。.]?\s*请(确认|验证)(你|您)有足够的权限启动系统服务/,
    code: 1920,
    role: 'message',
  },
  {
    pattern: /could not be installed\.? verify that you have sufficient privileges to install system services/i,
    code: 1923,
    role: 'message',
  },
  {
    pattern: /do not have sufficient privileges to complete this installation for all users/i,
    code: 1925,
    role: 'message',
  },
  { pattern: /没有足够的权限(来)?为(这台|此)(计算机|电脑)的所有用户完成(此)?安装/, code: 1925, role: 'message' },
  { pattern: /insufficient privileges to access this directory/i, code: 1303, role: 'message' },
  { pattern: /没有足够的权限访问(此|该)目录/, code: 1303, role: 'message' },
  {
    pattern: /a newer version of .{1,120}? is already installed/i,
    role: 'exit',
    noteKey: 'symptom.note.newer-version-text',
  },
  {
    pattern: /已(经)?安装了?.{0,60}?(较新|更新|更高)的?版本/,
    role: 'exit',
    noteKey: 'symptom.note.newer-version-text',
  },
];
