// The preview transport end to end in Node: the HTTP bridge against the preview server (fake back end), payload
// validation, events over the WebSocket, and the server's guards (host/origin, path traversal, bad JSON).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createHttpBridge, createHttpUploader } from '../../renderer/src/api/bridge.ts';
import { MAX_IMPORT_BYTES } from '../../shared/contract/import-limit.ts';
import { startPreviewServer, type PreviewServer } from './server.ts';

async function withServer(run: (server: PreviewServer, base: string, dataDir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'msi-doctor-bridge-'));
  const staticDir = join(dir, 'static');
  await mkdir(join(dir, 'data', 'reports'), { recursive: true });
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'secret.txt'), 'do not serve');
  const server = await startPreviewServer({ fake: true, staticDir, dataDir: join(dir, 'data'), log: () => {} });
  try {
    await run(server, server.url.replace(/\/$/, ''), join(dir, 'data'));
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A raw request with chosen headers (fetch would not let us set Host). */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body = '',
  /** Leave the body unfinished (its Content-Length says more): the answer must come anyway. */
  partial = false,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    if (partial) req.write(body);
    else req.end(body);
  });
}

test('the HTTP bridge calls the preview API and gets Result envelopes', async () => {
  await withServer(async (_server, base) => {
    const api = createHttpBridge(base);
    const env = await api.getEnvironment({});
    assert.equal(env.ok && env.value.kind, 'simulated');
    const parsed = await api.parseSymptom({ text: 'error 1603' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.ok && parsed.value.exitCodes, [1603]);
    // Invalid payloads are refused by the contract's zod schema, as a Result, not an exception.
    const bad = await api.getLogLines({ path: 'x', from: -1, count: 1 });
    assert.equal(!bad.ok && bad.error.code, 'invalid-input');
  });
});

test('an unreachable server is a Result error, not an exception', async () => {
  const api = createHttpBridge('http://127.0.0.1:9');
  const result = await api.getEnvironment({});
  assert.equal(!result.ok && result.error.code, 'unavailable');
});

test('events reach WebSocket clients of the page origin only', async () => {
  await withServer(async (server, base) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/events`, { origin: base });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const received: string[] = [];
    socket.on('message', (data) => received.push(String(data)));
    const api = createHttpBridge(base);
    const scan = await api.startScan({ symptom: '2503', logPaths: [], msiPath: null, allowElevation: false });
    assert.ok(scan.ok);
    await new Promise((r) => setTimeout(r, 100));
    const events = received.map((m) => JSON.parse(m) as { event: string });
    const progress = events.filter((e) => e.event === 'scanProgress');
    assert.ok(progress.length >= 9, `only ${progress.length} progress events`);
    // The scan ends with the session record it started.
    assert.deepEqual(
      events.filter((e) => e.event !== 'scanProgress').map((e) => e.event),
      ['sessionChanged'],
    );
    socket.close();
    const foreign = new WebSocket(`${base.replace('http', 'ws')}/events`, { origin: 'http://evil.example' });
    const refused = await new Promise<boolean>((resolve) => {
      foreign.once('open', () => resolve(false));
      foreign.once('error', () => resolve(true));
    });
    assert.equal(refused, true);
    assert.ok(server.port > 0);
  });
});

test('the server refuses other hosts and origins, path traversal, bad JSON and unknown functions', async () => {
  await withServer(async (server) => {
    const host = `127.0.0.1:${server.port}`;
    assert.equal((await raw(server.port, '/', { host: 'evil.example' })).status, 403, 'DNS rebinding: foreign Host');
    const crossSite = await raw(
      server.port,
      '/api/getEnvironment',
      { host, origin: 'http://evil.example', 'content-type': 'application/json' },
      'POST',
      '{}',
    );
    assert.equal(crossSite.status, 403, 'cross-site POST');
    const traversal = await raw(server.port, '/..%2f..%2fsecret.txt', { host });
    assert.ok(!traversal.text.includes('do not serve'));
    const badJson = await raw(
      server.port,
      '/api/getEnvironment',
      { host, 'content-type': 'application/json' },
      'POST',
      '{nope',
    );
    assert.equal(badJson.status, 400);
    const unknown = await raw(server.port, '/api/deleteEverything', { host }, 'POST', '{}');
    assert.equal(unknown.status, 404);
    const get = await raw(server.port, '/api/getEnvironment', { host });
    assert.equal(get.status, 405);
    const ok = await raw(server.port, '/api/getEnvironment', { host, origin: `http://${host}` }, 'POST', '{}');
    assert.equal((JSON.parse(ok.text) as { ok: boolean }).ok, true);
  });
});

test('a file is uploaded as a binary body (POST /upload), written as sent; too large is a 413, not a reset', async () => {
  await withServer(async (server, base, dataDir) => {
    const upload = createHttpUploader(base);
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('MSI (s) (A4:B8): 你好 \u0000\r\n'.repeat(5000), 'utf16le'),
    ]);
    const done = await upload('../evil/in<stall>.log', new Blob([bytes]));
    assert.ok(done.ok, JSON.stringify(done));
    assert.equal(done.value.name, 'in_stall_.log');
    assert.ok(done.value.path.startsWith(join(dataDir, 'imports')));
    assert.deepEqual(await readFile(done.value.path), bytes);

    const host = { host: `127.0.0.1:${server.port}`, connection: 'close' };
    const declared = await raw(
      server.port,
      '/upload?name=big.log',
      { ...host, 'content-type': 'application/octet-stream', 'content-length': String(MAX_IMPORT_BYTES + 1) },
      'POST',
      'only the start of a body that is said to be too large',
      true,
    );
    assert.equal(declared.status, 413);
    assert.match(declared.text, /larger than 2 GB/);
    assert.equal((await raw(server.port, '/upload?name=a.log', host, 'GET')).status, 405);
    assert.equal((await raw(server.port, '/upload', host, 'POST', 'x')).status, 400);
    const foreign = await raw(
      server.port,
      '/upload?name=a.log',
      { ...host, origin: 'http://evil.example' },
      'POST',
      'x',
    );
    assert.equal(foreign.status, 403);
    // The API's JSON bodies are small now: a big one is refused before it is parsed.
    const api = await raw(server.port, '/api/parseSymptom', host, 'POST', 'x'.repeat(64 * 1024 * 1024 + 1));
    assert.equal(api.status, 413);
  });
});
