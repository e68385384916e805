// The browser preview server: serves dist/renderer and hosts the app services (simulated machine) on 127.0.0.1 only,
// over HTTP POST /api/<fn> (validated by the contract's zod schemas, Result envelopes) and a WebSocket for events;
// dropped files arrive as a binary POST /upload?name=..., streamed to disk (no base64, no whole-file string).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiEventName, ApiEvents, ApiFunctionName } from '../../shared/contract/api.ts';
import type { Result } from '../../shared/contract/result.ts';
import { createAppServices } from '../../electron/services/app-services.ts';
import { importFileStream, ImportTooLargeError } from '../../electron/services/file-import.ts';
import { ReadablePaths } from '../../electron/services/readable-paths.ts';
import { MAX_IMPORT_BYTES } from '../../shared/contract/import-limit.ts';
import { dispatchApi } from '../../electron/services/api-dispatch.ts';
import { isApiFunctionName } from '../../shared/contract/api-names.ts';
import { apiRequestSchemas, API_EVENTS } from '../../shared/contract/api.ts';
import { createFakeApi } from '../../renderer/src/api/fake-api.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** API calls carry JSON only (files come through /upload): anything bigger is refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
};

export interface PreviewOptions {
  /** 0 = any free port. */
  port?: number;
  /** Built-in scenario to start with (default healthy). */
  scenario?: string;
  /** Folder of the built renderer (default dist/renderer). */
  staticDir?: string;
  /** App data folder (sessions, imports, reports); default a fresh temp folder removed on close. */
  dataDir?: string;
  log?: (line: string) => void;
  /** UI work without the back end: the renderer's in-memory fake API instead of the app services. */
  fake?: boolean;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Dispatch = (name: ApiFunctionName, payload: unknown) => Promise<Result<unknown>>;

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/** Reads a request body up to a limit; null when it is too big. */
async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A file under root, or null when the path escapes it. */
function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(root, '.' + normalize('/' + decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

async function serveFile(res: ServerResponse, file: string | null, fallback?: string): Promise<void> {
  for (const candidate of [file, fallback]) {
    if (!candidate) continue;
    try {
      if (!(await stat(candidate)).isFile()) continue;
      send(res, 200, await readFile(candidate), TYPES[extname(candidate)] ?? 'application/octet-stream');
      return;
    } catch {
      // try the next candidate
    }
  }
  send(res, 404, 'Not found', 'text/plain; charset=utf-8');
}

/** The fake API behind the same validation as the real transport. */
function fakeDispatch(emit: <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void): Dispatch {
  const fake = createFakeApi();
  for (const event of API_EVENTS) fake.on(event, (payload) => emit(event, payload as never));
  return async (name, payload) => {
    const parsed = apiRequestSchemas[name].safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: parsed.error.message } };
    const fn = fake[name] as (request: unknown) => Promise<Result<unknown>>;
    return fn(parsed.data);
  };
}

export async function startPreviewServer(options: PreviewOptions = {}): Promise<PreviewServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const staticDir = resolve(options.staticDir ?? join(REPO, 'dist', 'renderer'));
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'msi-doctor-preview-')));
  const reportsDir = join(dataDir, 'reports');
  try {
    await stat(join(staticDir, 'index.html'));
  } catch {
    throw new Error(
      `The renderer is not built (${join(staticDir, 'index.html')} is missing). Run "npm run build" first.`,
    );
  }

  const sockets = new Set<WebSocket>();
  const emit = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    const message = JSON.stringify({ event, payload });
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(message);
  };
  // Always the simulated machine: the preview never touches the computer it runs on, Windows or not.
  const readablePaths = new ReadablePaths();
  const services = createAppServices({
    readablePaths,
    platform: process.platform,
    dataDir,
    simulate: options.scenario ?? 'healthy',
    emit,
    appVersion: '0.1.0-preview',
  });
  const real: Dispatch = (name, payload) =>
    dispatchApi(services, name, payload, {
      logError: (fn, error) => log(`preview: ${fn} failed: ${error instanceof Error ? error.stack : String(error)}`),
    });
  const dispatch: Dispatch = options.fake ? fakeDispatch(emit) : real;

  let allowedHosts: string[] = [];
  /** DNS-rebinding and cross-site guard: only our own host name and origin may talk to the API. */
  function trusted(req: IncomingMessage): boolean {
    if (!allowedHosts.includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!trusted(req))
      return sendJson(res, 403, {
        ok: false,
        error: { code: 'forbidden', message: 'Only this page may use the preview API.' },
      });
    if (url.pathname === '/upload') return upload(req, res, url);
    if (url.pathname.startsWith('/api/')) {
      const name = url.pathname.slice('/api/'.length);
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST.' } });
      if (!isApiFunctionName(name))
        return sendJson(res, 404, {
          ok: false,
          error: { code: 'not-found', message: `Unknown API function "${name}".` },
        });
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null)
        return sendJson(res, 413, {
          ok: false,
          error: { code: 'invalid-input', message: 'The request is too large.' },
        });
      let payload: unknown;
      try {
        payload = body.trim() ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid-input', message: 'The request body is not valid JSON.' },
        });
      }
      return sendJson(res, 200, await dispatch(name, payload));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    if (url.pathname.startsWith('/reports/')) {
      const file = safeJoin(reportsDir, url.pathname.slice('/reports/'.length));
      if (file) res.setHeader('content-disposition', 'attachment');
      return serveFile(res, file);
    }
    const file = url.pathname === '/' ? join(staticDir, 'index.html') : safeJoin(staticDir, url.pathname);
    return serveFile(res, file, join(staticDir, 'index.html'));
  }

  /**
   * POST /upload?name=FILE with the file as the body: written to dataDir/imports as it arrives, then readable by the
   * API like a picked file. Over MAX_IMPORT_BYTES (by Content-Length at once, else when the count passes it): 413,
   * and the rest of the body is read and dropped so the browser gets the answer instead of a reset connection.
   */
  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const tooLarge = () => {
      req.resume();
      sendJson(res, 413, {
        ok: false,
        error: { code: 'invalid-input', message: new ImportTooLargeError(MAX_IMPORT_BYTES).message },
      });
    };
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST.' } });
    const name = url.searchParams.get('name') ?? '';
    if (name.length === 0 || name.length > 260)
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid-input', message: 'The upload needs a file name.' },
      });
    if (Number(req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) return tooLarge();
    try {
      const picked = await importFileStream(dataDir, name, req, MAX_IMPORT_BYTES);
      readablePaths.grant(picked.path);
      return sendJson(res, 200, { ok: true, value: picked });
    } catch (error) {
      if (error instanceof ImportTooLargeError) return tooLarge();
      throw error;
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`preview: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal', message: 'The preview server hit an unexpected problem.' },
        });
      else res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/events' || !trusted(req)) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    port,
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function parseArgs(argv: string[]): PreviewOptions {
  const options: PreviewOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port' && value !== undefined) {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port wants a number from 0 to 65535, not "${value}".`);
      options.port = port;
      i++;
    } else if (arg === '--scenario' && value !== undefined) {
      options.scenario = value;
      i++;
    } else if (arg === '--data-dir' && value !== undefined) {
      options.dataDir = resolve(value);
      i++;
    } else if (arg === '--fake') {
      options.fake = true;
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run preview -- [--port N] [--scenario NAME] [--data-dir DIR] [--fake]');
      process.exit(0);
    } else {
      throw new Error(`Unknown option "${arg}". Try --help.`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: PreviewOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`preview: ${(error as Error).message}`);
    process.exit(2);
  }
  try {
    const preview = await startPreviewServer(options);
    console.log(`MSI Doctor preview (simulated machine): ${preview.url}`);
    const stop = () => void preview.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`preview: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
