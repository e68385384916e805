// Streams a log file (or any byte stream) into the pure analyzer in 1 MiB chunks; bad input becomes a LogInputError.
// MSI / Burn logs and deployment-tool logs (ConfigMgr, Intune, PSADT) alike: the first records decide which reader.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createAnyLogAnalyzer } from '../../shared/deploylog/index.ts';
import type { InputProblem } from '../../shared/msilog/index.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { LocalText } from '../../shared/knowledge/local-text.ts';
import { ServiceError } from './service-error.ts';

export const LOG_CHUNK_BYTES = 1024 * 1024;

export type LogInputProblemKind = InputProblem['kind'] | 'not-found' | 'directory' | 'unreadable';

/** The file could not be analyzed as a log; message is plain words in both languages. */
export class LogInputError extends ServiceError {
  readonly kind: LogInputProblemKind;
  declare readonly text: LocalText;
  constructor(kind: LogInputProblemKind, text: LocalText) {
    super(kind === 'not-found' ? 'not-found' : 'invalid-input', text.en, text);
    this.name = 'LogInputError';
    this.kind = kind;
  }
}

function fileProblem(error: unknown): LogInputError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new LogInputError('not-found', { en: 'file not found', 'zh-CN': '找不到这个文件' });
  if (code === 'EISDIR')
    return new LogInputError('directory', {
      en: 'this is a folder, not a log file',
      'zh-CN': '这是文件夹，不是日志文件',
    });
  if (code === 'EACCES' || code === 'EPERM')
    return new LogInputError('unreadable', {
      en: 'no permission to read this file',
      'zh-CN': '没有读取这个文件的权限',
    });
  const detail = error instanceof Error ? error.message : String(error);
  return new LogInputError('unreadable', {
    en: `cannot read the file (${detail})`,
    'zh-CN': `无法读取这个文件（${detail}）`,
  });
}

/** Feeds a byte stream to the analyzer; stops reading as soon as the analyzer has seen it is not a log. */
export async function analyzeLogStream(
  stream: Readable | NodeJS.ReadableStream,
  fileName: string,
): Promise<LogAnalysis> {
  const analyzer = createAnyLogAnalyzer({ fileName });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (!analyzer.push(bytes)) break;
    }
  } catch (error) {
    throw fileProblem(error);
  } finally {
    // Stop the underlying read early (a 2 GB file of zeros must not be read to the end).
    if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
  }
  const analysis = analyzer.finish();
  const problem = analyzer.problem();
  if (problem) throw new LogInputError(problem.kind, problem.message);
  return analysis;
}

/** Analyzes one log file on disk. Throws LogInputError for a missing file, a folder, unreadable or not-a-log input. */
export async function analyzeLogFile(path: string): Promise<LogAnalysis> {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new LogInputError('directory', {
        en: 'this is a folder, not a log file',
        'zh-CN': '这是文件夹，不是日志文件',
      });
  } catch (error) {
    if (error instanceof LogInputError) throw error;
    throw fileProblem(error);
  }
  return analyzeLogStream(createReadStream(path, { highWaterMark: LOG_CHUNK_BYTES }), path);
}
