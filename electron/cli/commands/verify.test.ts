// Tests of `msi-doctor verify`: the four after-install scenarios in plain words (en, zh-CN) and JSON, fix -> verify
// on the same simulated machine, and bad input (one line, exit 2).
import assert from 'node:assert/strict';
import { fakeIo, testWithDataDir } from '../cli-test-io.test-support.ts';
import { main } from '../main.ts';
import { verifyCommand } from './verify.ts';
import { fixCommand } from './fix.ts';

const test = testWithDataDir;

async function run([name, ...args]: string[]) {
  const { io, out, err } = fakeIo();
  const code = await (name === 'fix' ? fixCommand : verifyCommand)(args, io);
  return { code, out: out(), err: err() };
}

/** main() writes to process streams: capture stderr for the exit-2 cases (stdout is the test runner's). */
async function runMain(argv: string[]): Promise<{ code: number; err: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let err = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(argv), err };
  } finally {
    process.stderr.write = write;
  }
}

test('go-new-terminal: go version answers from a fresh environment, with the open-a-new-terminal advice', async () => {
  const r = await run(['verify', '--simulate', 'go-new-terminal']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Go works in a new terminal\.\n {2}> go version\n {4}go version go1\.21\.5 windows\/amd64/);
  assert.match(r.out, /Open a new terminal/);
  const zh = await run(['verify', '--simulate', 'go-new-terminal', '--lang', 'zh-CN']);
  assert.match(zh.out, /Go 语言 在新终端中可以运行。/);
  assert.match(zh.out, /请打开一个新的终端/);
});

test('go-per-user-admin-hive: not found, why (the administrator account), and the repair to use', async () => {
  const r = await run(['verify', '--simulate', 'go-per-user-admin-hive', '--product', 'go']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Go is installed, but PATH does not lead to it\./);
  assert.match(r.out, /Not run: a new terminal does not find this command\./);
  assert.match(r.out, /C:\\Users\\it\.admin/);
  assert.match(r.out, /: msi-doctor fix add-to-path$/m);
  assert.doesNotMatch(r.out, /7-Zip/, '--product go shows Go only');
  assert.doesNotMatch(r.out, /Open a new terminal/, 'no advice that would not help');
});

test('go-old-shadows-new: fix remove-stale-path-entry, then verify prints go1.21.5; JSON carries the evidence', async () => {
  const before = await run(['verify', '--simulate', 'go-old-shadows-new']);
  assert.match(before.out, /go version go1\.19\.13/);
  assert.match(before.out, /: msi-doctor fix remove-stale-path-entry$/m);
  const fix = await run(['fix', 'remove-stale-path-entry', '--simulate', 'go-old-shadows-new', '--yes']);
  assert.equal(fix.code, 0, fix.err + fix.out);
  const after = await run(['verify', '--simulate', 'go-old-shadows-new', '--json']);
  assert.equal(after.code, 0, after.err);
  const json = JSON.parse(after.out) as {
    schema: string;
    evidence: Array<{ probe: string; data: { products: Array<{ id: string; runs: Array<{ stdout: string }> }> } }>;
  };
  assert.equal(json.schema, 'msi-doctor/verify@1');
  const go = json.evidence.find((e) => e.probe === 'path-environment')!.data.products.find((p) => p.id === 'go')!;
  assert.match(go.runs[0]!.stdout, /^go version go1\.21\.5/);
});

test('nodejs-path-over-limit: past the length Windows handles', async () => {
  const r = await run(['verify', '--simulate', 'nodejs-path-over-limit', '--product', 'nodejs']);
  assert.match(r.out, /Node\.js is in PATH, but past the length Windows handles\./);
  assert.match(r.out, /: msi-doctor fix remove-stale-path-entry$/m);
});

test('bad input: one line and exit 2', async () => {
  for (const args of [
    ['verify', '--product', 'rust'],
    ['verify', '--bogus'],
    ['verify', '--simulate', 'a', '--scenario', 'b'],
  ]) {
    const r = await runMain(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.doesNotMatch(r.err, /\bat \w+ \(/, 'no stack trace');
  }
});

test('verify --run-key-file: any program runs with --version (or /?) only when asked, from a fresh environment, never otherwise', async () => {
  const python = 'C:\\Users\\zhang.wei\\AppData\\Local\\Programs\\Python\\Python312\\python.exe';
  const asked = await run(['verify', '--simulate', 'python-store-alias', '--run-key-file', python]);
  assert.equal(asked.code, 0);
  assert.match(asked.out, new RegExp(`> ${python.replace(/\\/g, '\\\\')} --version\\n {4}Python 3\\.12\\.1`));
  const plain = await run(['verify', '--simulate', 'python-store-alias']);
  assert.doesNotMatch(plain.out, /Python312\\python\.exe --version/, 'not run unless asked');
  const missing = await run([
    'verify',
    '--simulate',
    'python-store-alias',
    '--run-key-file',
    'C:\\Tools\\nope.exe',
    '--lang',
    'zh-CN',
  ]);
  assert.match(missing.out, /> C:\\Tools\\nope\.exe --version\n {4}未运行：没有这个文件。/);
  const help = await run([
    'verify',
    '--simulate',
    'python-store-alias',
    '--run-key-file',
    python,
    '--run-arg',
    'help',
    '--json',
  ]);
  const evidence = (
    JSON.parse(help.out) as { evidence: Array<{ probe: string; data: { asked: { ran: boolean; exitCode: number } } }> }
  ).evidence;
  assert.equal(evidence.find((e) => e.probe === 'path-environment')!.data.asked.ran, true);
  for (const bad of [
    ['--run-key-file', 'python.exe'],
    ['--run-key-file', 'C:\\x\\a.bat'],
    ['--run-key-file', python, '--run-arg', 'rm'],
    ['--run-arg', 'help'],
  ]) {
    const r = await runMain(['verify', '--simulate', 'python-store-alias', ...bad]);
    assert.equal(r.code, 2, bad.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
});
