// Reads an .msi from disk through the pure reader: a ByteSource over one file descriptor (positional reads only,
// so a 1 GB package costs a few hundred KB of memory), file-system errors turned into MsiReadError.
import { open, type FileHandle } from 'node:fs/promises';
import type { InstalledProductRef, MsiPackage } from '../../shared/contract/msi-package.ts';
import { MsiReadError, readMsiPackage, type ByteSource } from '../../shared/msi-package/index.ts';

export function fileSource(handle: FileHandle, size: number): ByteSource {
  return {
    size,
    read: async (offset, length) => {
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = new Uint8Array(want);
      let done = 0;
      while (done < want) {
        const { bytesRead } = await handle.read(buffer, done, want - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === want ? buffer : buffer.subarray(0, done);
    },
  };
}

function fileError(error: unknown): MsiReadError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new MsiReadError('not-found');
  if (code === 'EISDIR') return new MsiReadError('not-a-file');
  return new MsiReadError('unreadable', code ?? (error instanceof Error ? error.message : String(error)));
}

/** Opens the file, lets `use` read it, always closes it. */
export async function withMsiFile<T>(path: string, use: (source: ByteSource) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(error);
  }
  try {
    const stat = await handle.stat().catch((error: unknown) => {
      throw fileError(error);
    });
    if (!stat.isFile()) throw new MsiReadError('not-a-file');
    return await use(fileSource(handle, stat.size));
  } catch (error) {
    if (error instanceof MsiReadError) throw error;
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code) throw fileError(error);
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** msi-doctor/package@1 of a file on disk. Throws MsiReadError with one plain sentence for anything unreadable. */
export function readMsiPackageFile(path: string, installed: readonly InstalledProductRef[] = []): Promise<MsiPackage> {
  return withMsiFile(path, (source) => readMsiPackage(source, path, { installed }));
}
