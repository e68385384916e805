// Tests of the process runner with real child processes (node -e printing GBK / UTF-16 bytes), timeouts and cancel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { ProcessRunner, createOemCodePageDetector, type ExecFileFn } from './process-runner.ts';
import { decodeOutput, parseChcpOutput } from './output-decoding.ts';
import type { CommandSpec } from './command-runner.ts';

const node = process.execPath;
const nodeSpec = (code: string, encoding: CommandSpec['encoding'], timeoutMs?: number): CommandSpec => ({
  file: node,
  args: ['-e', code],
  encoding,
  ...(timeoutMs ? { timeoutMs } : {}),
});
const writeHex = (hex: string, stream = 'stdout'): string => `process.${stream}.write(Buffer.from('${hex}','hex'))`;

test('oem output decoded with the OEM code page (CP936 bytes of a Chinese sc.exe line)', async () => {
  const text = 'SERVICE_NAME: msiserver\r\n[SC] OpenService 失败 1060:\r\n指定的服务未安装。';
  const hex = iconv.encode(text, 'cp936').toString('hex');
  const runner = new ProcessRunner({ oemCodePage: 936 });
  const out = await runner.run(nodeSpec(writeHex(hex) + ';' + writeHex(hex, 'stderr') + ';process.exitCode=60', 'oem'));
  assert.equal(out.stdout, text);
  assert.equal(out.stderr, text);
  assert.equal(out.exitCode, 60); // (Linux exit codes are 8-bit; Windows would give 1060)
  assert.equal(out.error, null);
  assert.equal(out.timedOut, false);
  assert.equal(out.elevated, false);
});

test('oem output with CP850 (German/Spanish consoles)', async () => {
  const text = 'ESTADO : 4 EN EJECUCIÓN — Größe';
  const hex = iconv.encode(text.replace('—', '-'), 'cp850').toString('hex');
  const out = await new ProcessRunner({ oemCodePage: 850 }).run(nodeSpec(writeHex(hex), 'oem'));
  assert.equal(out.stdout, text.replace('—', '-'));
});

test('utf16le and utf8 outputs, BOMs stripped', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('张伟 Łódź\r\n', 'utf16le')]).toString('hex');
  const runner = new ProcessRunner({ oemCodePage: 437 });
  assert.equal((await runner.run(nodeSpec(writeHex(utf16), 'utf16le'))).stdout, '张伟 Łódź\r\n');
  const utf8 = Buffer.from('\uFEFF{"user":"张伟"}', 'utf8').toString('hex');
  assert.equal((await runner.run(nodeSpec(writeHex(utf8), 'utf8'))).stdout, '{"user":"张伟"}');
});

test('a tool that writes UTF-16LE while we expected OEM (sfc.exe) is still readable', () => {
  const bytes = Buffer.from('Windows Resource Protection did not find any integrity violations.', 'utf16le');
  assert.equal(decodeOutput(bytes, 'oem', 437), 'Windows Resource Protection did not find any integrity violations.');
});

test('timeout kills the child, reports timedOut, and returns promptly', async () => {
  const killed: number[] = [];
  const runner = new ProcessRunner({
    oemCodePage: 437,
    killTree: (pid) => {
      killed.push(pid);
      process.kill(pid, 'SIGKILL');
    },
  });
  const started = Date.now();
  const out = await runner.run(nodeSpec("process.stdout.write('partial'); setTimeout(() => {}, 20000)", 'utf8', 500));
  assert.equal(out.timedOut, true);
  assert.match(out.error ?? '', /timed out after 500 ms/);
  assert.equal(out.exitCode, null);
  assert.equal(killed.length, 1);
  assert.ok(Date.now() - started < 10_000);
});

test('cancel through AbortSignal', async () => {
  const runner = new ProcessRunner({ oemCodePage: 437 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const out = await runner.run(nodeSpec('setTimeout(() => {}, 20000)', 'utf8', 30_000), { signal: controller.signal });
  assert.equal(out.error, 'cancelled');
  assert.equal(out.timedOut, false);
  const already = await runner.run(nodeSpec('1', 'utf8'), { signal: AbortSignal.abort() });
  assert.equal(already.error, 'cancelled before start');
});

test('a missing program becomes an error, not a throw', async () => {
  const out = await new ProcessRunner({ oemCodePage: 437 }).run({
    file: 'definitely-not-here.exe',
    args: [],
    encoding: 'oem',
  });
  assert.equal(out.exitCode, null);
  assert.match(out.error ?? '', /program not found/);
});

test('arguments are passed as argv, never through a shell', async () => {
  const hostile = ['a & echo pwned', '"quoted"', '%PATH%', '$(id)', '张伟'];
  const out = await new ProcessRunner({ oemCodePage: 437 }).run({
    file: node,
    args: ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...hostile],
    encoding: 'utf8',
  });
  assert.deepEqual(JSON.parse(out.stdout), hostile);
});

test('chcp parsing across languages', () => {
  assert.equal(parseChcpOutput('Active code page: 437\r\n'), 437);
  assert.equal(parseChcpOutput(iconv.decode(iconv.encode('活动代码页: 936', 'cp936'), 'latin1')), 936);
  assert.equal(parseChcpOutput('Aktive Codepage: 850.'), 850);
  assert.equal(parseChcpOutput('Página de códigos activa: 850'), 850);
  assert.equal(parseChcpOutput('nothing'), null);
});

test('OEM code page detection runs chcp once on Windows and caches it', async () => {
  let calls = 0;
  const fake: ExecFileFn = (file, _args, _options, callback) => {
    calls++;
    assert.equal(file, 'C:\\Windows\\System32\\chcp.com', 'absolute path');
    setImmediate(() => callback(null, iconv.encode('活动代码页: 936\r\n', 'cp936'), Buffer.alloc(0)));
    return undefined as never;
  };
  const detect = createOemCodePageDetector(fake, 'win32');
  assert.equal(await detect(), 936);
  assert.equal(await detect(), 936);
  assert.equal(calls, 1);
  const failing: ExecFileFn = (_f, _a, _o, callback) => {
    setImmediate(() =>
      callback(Object.assign(new Error('spawn chcp.com ENOENT'), { code: 'ENOENT' }), Buffer.alloc(0), Buffer.alloc(0)),
    );
    return undefined as never;
  };
  assert.ok([437, 936].includes(await createOemCodePageDetector(failing, 'win32')()));
});

test('on Windows a bare or relative program name is refused without starting anything (current-folder planting)', async () => {
  let started = 0;
  const fake: ExecFileFn = (_file, _args, _options, callback) => {
    started++;
    setImmediate(() => callback(null, Buffer.alloc(0), Buffer.alloc(0)));
    return undefined as never;
  };
  const runner = new ProcessRunner({ execFile: fake, platform: 'win32', oemCodePage: 437 });
  for (const file of ['reg.exe', '.\\reg.exe', 'C:\\Users\\Public\\Downloads\\reg.exe']) {
    const out = await runner.run({ file, args: ['query', 'HKLM'], encoding: 'oem' });
    assert.match(out.error ?? '', /not an absolute path under the Windows folder/, file);
  }
  assert.equal(started, 0);
  await runner.run({ file: 'C:\\Windows\\System32\\reg.exe', args: ['query', 'HKLM'], encoding: 'oem' });
  assert.equal(started, 1);
});
