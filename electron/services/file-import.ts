// Browser preview uploads: writes a dropped file under dataDir/imports/<id>/ with a sanitized name.
import { mkdir, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { PickedFile } from '../../shared/contract/api.ts';
import { ServiceError } from './service-error.ts';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name that is safe on Windows and Linux: the last path segment only, no control or reserved characters,
 * no reserved device names, no trailing dots/spaces, at most 120 characters (keeping the extension).
 */
export function sanitizeFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/[. ]+$/g, '')
    .trim();
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

/** Decodes the upload and writes it; each import gets its own folder so equal names never overwrite each other. */
export async function importFile(dataDir: string, request: { name: string; base64: string }): Promise<PickedFile> {
  const compact = request.base64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new ServiceError('invalid-input', 'The uploaded file is not valid base64 data.');
  }
  const name = sanitizeFileName(request.name);
  const dir = join(dataDir, 'imports', randomUUID());
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, Buffer.from(compact, 'base64'));
  return { path, name };
}
