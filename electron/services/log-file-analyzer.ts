// Streams a log file (or any byte stream) into the pure analyzer in 1 MiB chunks; bad input becomes a LogInputError.
// MSI / Burn logs and deployment-tool logs (ConfigMgr, Intune, PSADT) alike: the first records decide which reader.
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createAnyLogAnalyzer } from '../../shared/deploylog/index.ts';
import type { InputProblem } from '../../shared/msilog/index.ts';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { LocalText } from '../../shared/knowledge/local-text.ts';
import { ServiceError } from './service-error.ts';

export const LOG_CHUNK_BYTES = 1024 * 1024;
/**
 * A file is fed to the analyzer in pieces of this size, cut from the 1 MiB reads: each piece decodes to a string
 * under V8's large-object size (128 KiB), which dies young in the new space; a 1 MiB string went to the large-object
 * space and waited for a full GC, which made the peak RSS grow with the file (137 MB at 50 MB, 213 MB at 1.5 GB).
 */
export const LOG_PIECE_BYTES = 64 * 1024;

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
  const analyzer = createAnyLogAnalyzer({ fileName: path });
  try {
    await readInPieces(path, (piece) => analyzer.push(piece));
  } catch (error) {
    throw fileProblem(error);
  }
  const analysis = analyzer.finish();
  const problem = analyzer.problem();
  if (problem) throw new LogInputError(problem.kind, problem.message);
  return analysis;
}

/**
 * Reads a file through two reused 1 MiB buffers (no buffer allocated per chunk): the next read runs while the
 * analyzer works on the current one. Each read fills its buffer (a short read is continued), so every piece is
 * LOG_PIECE_BYTES long except the file's last: the analyzers' first piece is a whole sniff prefix (64 KiB) and
 * no piece is referenced after `onPiece` returns. `onPiece` returning false stops the reading.
 */
async function readInPieces(path: string, onPiece: (piece: Uint8Array) => boolean): Promise<void> {
  const file = await open(path, 'r');
  let reading: Promise<number> = Promise.resolve(0);
  try {
    const buffers = [Buffer.allocUnsafe(LOG_CHUNK_BYTES), Buffer.allocUnsafe(LOG_CHUNK_BYTES)];
    const fill = async (buffer: Buffer): Promise<number> => {
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled;
    };
    let current = 0;
    reading = fill(buffers[current]!);
    for (;;) {
      const length = await reading;
      if (length === 0) return;
      const buffer = buffers[current]!;
      current ^= 1;
      // The file's end is near when this read came back short: no read ahead then.
      reading = length === LOG_CHUNK_BYTES ? fill(buffers[current]!) : Promise.resolve(0);
      for (let at = 0; at < length; at += LOG_PIECE_BYTES) {
        if (!onPiece(buffer.subarray(at, Math.min(length, at + LOG_PIECE_BYTES)))) return;
      }
    }
  } finally {
    // Never close the file under a read in flight, nor leave its rejection unhandled.
    await reading.catch(() => 0);
    await file.close();
  }
}
