// Why a file could not be analyzed as a log (empty, binary, not a log), with the message in both languages.
import type { LocalText } from '../knowledge/local-text.ts';
import type { BinaryKind } from './encoding-sniffer.ts';

export type InputProblemKind = 'empty' | 'binary' | 'not-a-log';

export interface InputProblem {
  kind: InputProblemKind;
  /** For binaries: what the bytes look like (png, ole-msi, all-zeros...). */
  detail: BinaryKind | null;
  message: LocalText;
}

const BINARY_TEXT: Record<BinaryKind, LocalText> = {
  empty: { en: 'the file is empty', 'zh-CN': '文件是空的' },
  'all-zeros': { en: 'the file contains only zero bytes, not text', 'zh-CN': '文件里全是零字节，不是文本' },
  png: { en: 'this is a PNG image, not a log', 'zh-CN': '这是一张 PNG 图片，不是日志' },
  'ole-msi': {
    en: 'this is an installer package (.msi/.msp), not its log; run it with /L*v log.txt to get a log',
    'zh-CN': '这是安装包（.msi/.msp）本身，不是日志；用 /L*v log.txt 参数运行它可以得到日志',
  },
  zip: { en: 'this is a ZIP archive; extract the log first', 'zh-CN': '这是 ZIP 压缩包，请先解压出日志文件' },
  executable: { en: 'this is a program (.exe/.dll), not a log', 'zh-CN': '这是程序文件（.exe/.dll），不是日志' },
  binary: { en: 'this is a binary file, not a text log', 'zh-CN': '这是二进制文件，不是文本日志' },
};

export function binaryProblem(kind: BinaryKind): InputProblem {
  return { kind: kind === 'empty' ? 'empty' : 'binary', detail: kind, message: BINARY_TEXT[kind] };
}

export function notALogProblem(): InputProblem {
  return {
    kind: 'not-a-log',
    detail: null,
    message: {
      en: 'this text file is not a Windows Installer or Burn log (no log lines found)',
      'zh-CN': '这个文本文件不是 Windows Installer 或 Burn 安装日志（没有找到日志行）',
    },
  };
}
