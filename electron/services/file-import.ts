// Browser preview uploads: writes a dropped file under dataDir/imports/<id>/ with a sanitized name.
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { PickedFile } from '../../shared/contract/api.ts';
import { ServiceError } from './service-error.ts';
import { trimEndChars } from '../../shared/text/trim-end.ts';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name that is safe on Windows and Linux: the last path segment only, no control or reserved characters,
 * no reserved device names, no trailing dots/spaces, at most 120 characters (keeping the extension).
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = trimEndChars(
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    lastSegment.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_'),
    '. ',
  ).trim();
  if (name === '' || /^\.+$/.test(name)) name = 'file';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > 120) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, 120 - ext.length) + ext;
  }
  return name;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A streamed upload went over the size limit; nothing of it is kept. */
export class ImportTooLargeError extends ServiceError {
  constructor(limitBytes: number) {
    super(
      'invalid-input',
      `The file is larger than ${(limitBytes / 1024 ** 3).toFixed(0)} GB, the most an upload may be.`,
    );
    this.name = 'ImportTooLargeError';
  }
}

/** A new folder under dataDir/imports for one upload: equal names never overwrite each other. */
async function importPath(dataDir: string, rawName: string): Promise<PickedFile> {
  const name = sanitizeFileName(rawName);
  const dir = join(dataDir, 'imports', randomUUID());
  await mkdir(dir, { recursive: true });
  return { path: join(dir, name), name };
}

/**
 * Writes an upload to disk as its bytes arrive (no whole-file buffer or string, whatever the size); over `limitBytes`
 * it stops reading, deletes what was written and throws ImportTooLargeError.
 */
export async function importFileStream(
  dataDir: string,
  rawName: string,
  body: AsyncIterable<Uint8Array>,
  limitBytes: number,
): Promise<PickedFile> {
  const picked = await importPath(dataDir, rawName);
  let size = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limitBytes) throw new ImportTooLargeError(limitBytes);
      yield chunk;
    }
  }
  try {
    await pipeline(counted(), createWriteStream(picked.path, { flags: 'wx' }));
  } catch (error) {
    await rm(join(picked.path, '..'), { recursive: true, force: true });
    throw error;
  }
  return picked;
}

/** Decodes the upload and writes it; each import gets its own folder so equal names never overwrite each other. */
export async function importFile(dataDir: string, request: { name: string; base64: string }): Promise<PickedFile> {
  const compact = request.base64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new ServiceError('invalid-input', 'The uploaded file is not valid base64 data.');
  }
  const picked = await importPath(dataDir, request.name);
  await writeFile(picked.path, Buffer.from(compact, 'base64'));
  return picked;
}
