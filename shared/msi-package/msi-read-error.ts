// MsiReadError: why a file could not be read as an installer database, as one plain sentence in each language.
import type { LocalText } from '../knowledge/local-text.ts';

export type MsiReadErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'empty'
  | 'not-compound-file'
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'patch'
  | 'transform'
  | 'merge-module'
  | 'not-installer-database';

const TEXTS: Record<MsiReadErrorCode, LocalText> = {
  'not-found': { en: 'the file does not exist.', 'zh-CN': '文件不存在。' },
  'not-a-file': { en: 'this is a folder, not a file.', 'zh-CN': '这是文件夹，不是文件。' },
  unreadable: { en: 'the file cannot be read ({detail}).', 'zh-CN': '无法读取该文件（{detail}）。' },
  empty: { en: 'the file is empty (0 bytes).', 'zh-CN': '文件是空的（0 字节）。' },
  'not-compound-file': {
    en: 'this is not a Windows Installer package (.msi): it does not start like one.',
    'zh-CN': '这不是 Windows Installer 安装包（.msi）：文件开头不是安装包的格式。',
  },
  truncated: {
    en: 'the package is incomplete (cut short, e.g. an unfinished download): {detail}. Download it again.',
    'zh-CN': '安装包不完整（被截断，例如下载未完成）：{detail}。请重新下载。',
  },
  corrupt: {
    en: 'the package is damaged: {detail}. Download it again or ask the vendor for a good copy.',
    'zh-CN': '安装包已损坏：{detail}。请重新下载，或向厂商索取完好的文件。',
  },
  'too-large': {
    en: 'the package declares a table or stream too large to be real: {detail}.',
    'zh-CN': '安装包声明的表或数据流大得不合常理：{detail}。',
  },
  patch: {
    en: 'this is a patch (.msp), not a package: it updates an installed product (msiexec /p), it cannot be inspected as an .msi.',
    'zh-CN': '这是补丁（.msp），不是安装包：它用于更新已安装的产品（msiexec /p），不能作为 .msi 检查。',
  },
  transform: {
    en: 'this is a transform (.mst), not a package: it customizes an .msi at install time (TRANSFORMS=...), it cannot be inspected alone.',
    'zh-CN': '这是转换文件（.mst），不是安装包：它在安装时定制某个 .msi（TRANSFORMS=...），不能单独检查。',
  },
  'merge-module': {
    en: 'this is a merge module (.msm): it is built into an .msi by its author and is never installed by itself.',
    'zh-CN': '这是合并模块（.msm）：它由作者合并进 .msi 中使用，本身不能直接安装。',
  },
  'not-installer-database': {
    en: 'this compound document is not a Windows Installer package (perhaps an Office document renamed to .msi).',
    'zh-CN': '这个复合文档不是 Windows Installer 安装包（可能是改了扩展名的 Office 文档）。',
  },
};

export class MsiReadError extends Error {
  constructor(
    readonly code: MsiReadErrorCode,
    readonly detail = '',
  ) {
    super(TEXTS[code].en.replace('{detail}', detail));
    this.name = 'MsiReadError';
  }

  /** The one-line explanation in both languages (the technical detail stays in English). */
  get text(): LocalText {
    const t = TEXTS[this.code];
    return { en: t.en.replace('{detail}', this.detail), 'zh-CN': t['zh-CN'].replace('{detail}', this.detail) };
  }
}
