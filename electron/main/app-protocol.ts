// The app:// protocol: serves the built renderer (dist/renderer) with a path-traversal guard and the CSP header.
// resolveAppPath is pure and unit-tested; the handler takes its file reader injected so it is tested without Electron.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';

export type AppPathResolution = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// URL to a file under root, refusing anything that could escape it: `..` segments (also
 * percent-encoded or double-encoded), backslashes, NUL and control characters, drive letters, UNC/absolute paths,
 * other hosts or schemes. `/` serves index.html.
 */
export function resolveAppPath(rawUrl: string, root: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST)
    return { ok: false, status: 403, reason: 'foreign origin' };
  // Work on the raw path as sent: WHATWG URL parsing already folds some `..`, but not every encoded form.
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(rawUrl)?.[1] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  // eslint-disable-next-line no-control-regex -- control characters (NUL first of all) are exactly what we refuse
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { ok: false, status: 400, reason: 'control character' };
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'backslash' };
  if (decoded.includes('%')) return { ok: false, status: 400, reason: 'double encoding' };
  if (decoded.includes(':')) return { ok: false, status: 400, reason: 'drive letter or stream name' };
  if (decoded.startsWith('//')) return { ok: false, status: 400, reason: 'UNC-like path' };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^\.+$/.test(s))) return { ok: false, status: 403, reason: 'parent segment' };
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const target = resolve(base, ...segments);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return { ok: false, status: 403, reason: 'outside the app folder' };
  }
  return { ok: true, path: target };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** The protocol handler: GET/HEAD only, guarded path, every response with the CSP header. */
export function createAppProtocolHandler(options: { root: string; readFile: (path: string) => Promise<Uint8Array> }) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: SECURITY_HEADERS });
    const resolved = resolveAppPath(request.url, options.root);
    if (!resolved.ok) return new Response(null, { status: resolved.status, headers: SECURITY_HEADERS });
    let body: Uint8Array;
    try {
      body = await options.readFile(resolved.path);
    } catch {
      return new Response(null, { status: 404, headers: SECURITY_HEADERS });
    }
    return new Response(request.method === 'HEAD' ? null : new Blob([body as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(resolved.path) },
    });
  };
}
