// Tests of the elevated runner with a fake sudo-prompt: approve (runs the generated script's steps), decline, hang, race, break.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { SudoElevatedRunner, sudoPromptName, type SudoExec } from './elevated-runner.ts';
import { SUDO_PERMISSION_DENIED } from './elevated-script.ts';
import { parseWindowsCommandLine } from './quoting.ts';
import type { CommandSpec } from './command-runner.ts';

/** Reads a PowerShell single-quoted literal at text[start] (a quote); returns its value and the index after it. */
function readLiteral(text: string, start: number): [string, number] {
  assert.equal(text[start], "'");
  let value = '';
  let i = start + 1;
  for (; i < text.length; i++) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i++;
        continue;
      }
      return [value, i + 1];
    }
    value += text[i];
  }
  throw new Error('unterminated literal');
}

interface ParsedScript {
  marker: string;
  result: string;
  cancel: string;
  id: string;
  steps: { file: string; arguments: string; timeoutMs: number }[];
}

/** A tiny reader of the generated script: enough to play the elevated PowerShell on Linux. */
function readScript(path: string): ParsedScript {
  const text = readFileSync(path).toString('utf8');
  const variable = (name: string): string => {
    const at = text.indexOf(`$${name} = '`);
    assert.ok(at >= 0, name);
    return readLiteral(text, text.indexOf("'", at))[0];
  };
  const steps: ParsedScript['steps'] = [];
  let at = 0;
  while ((at = text.indexOf('  @{ file = ', at)) !== -1) {
    const [file, afterFile] = readLiteral(text, at + '  @{ file = '.length);
    const argsAt = text.indexOf("arguments = '", afterFile);
    assert.equal(argsAt, afterFile + 2, 'arguments follow file directly');
    const [args, afterArgs] = readLiteral(text, argsAt + 'arguments = '.length);
    const timeout = /^; timeoutMs = (\d+); signedInUserOnly = \$(?:true|false) \}/.exec(text.slice(afterArgs));
    assert.ok(timeout, 'timeoutMs follows arguments');
    steps.push({ file, arguments: args, timeoutMs: Number(timeout[1]) });
    at = afterArgs;
  }
  const idMatch = /id = '([0-9a-f]+)'; identity/.exec(text);
  assert.ok(idMatch);
  // The marker is written before any step runs.
  assert.ok(text.indexOf('WriteAllText($markerPath') < text.indexOf('foreach ($step in $steps)'));
  return {
    marker: variable('markerPath'),
    result: variable('resultPath'),
    cancel: variable('cancelPath'),
    id: idMatch[1]!,
    steps,
  };
}

function runStep(step: ParsedScript['steps'][number]): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const started = Date.now();
    execFile(
      step.file,
      parseWindowsCommandLine(step.arguments),
      { encoding: 'buffer', timeout: step.timeoutMs },
      (error, stdout, stderr) => {
        resolve({
          exitCode: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout: Buffer.from(stdout).toString('base64'),
          stderr: Buffer.from(stderr).toString('base64'),
          durationMs: Date.now() - started,
          timedOut: Boolean(error?.killed),
          error: null,
        });
      },
    );
  });
}

/** The bootstrap sudo-prompt runs (-EncodedCommand), decoded. */
function bootstrapOf(command: string): string {
  const match =
    /^cd \/d "[^"]+" && "[^"]+" -NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand ([A-Za-z0-9+/=]+)$/.exec(
      command,
    );
  assert.ok(match, command);
  return Buffer.from(match[1]!, 'base64').toString('utf16le');
}

function scriptPathOf(command: string): string {
  const bootstrap = bootstrapOf(command);
  return readLiteral(bootstrap, bootstrap.indexOf("$p = '") + 5)[0];
}

/** Like the real bootstrap: the script's SHA-256 must be the one we computed when writing it. */
function hashMatches(command: string): boolean {
  const expected = /\$h -ne '([0-9a-f]{64})'/.exec(bootstrapOf(command))?.[1];
  const actual = createHash('sha256')
    .update(readFileSync(scriptPathOf(command)))
    .digest('hex');
  return expected === actual;
}

/** The fake "user clicks Yes" sudo-prompt: plays the script and calls back like sudo-prompt does. */
function approvingExec(seen: { command?: string; temp?: string; name?: string }): SudoExec {
  return (command, options, callback) => {
    seen.command = command;
    seen.name = options.name;
    seen.temp = process.env.TEMP;
    const script = readScript(scriptPathOf(command));
    void (async () => {
      writeFileSync(script.marker, 'started');
      if (!hashMatches(command)) {
        writeFileSync(
          script.result,
          JSON.stringify({ version: 1, id: script.id, steps: null, fatal: 'script-hash-mismatch' }),
        );
        return callback(undefined, '', '');
      }
      const steps = [];
      for (const step of script.steps) steps.push(await runStep(step));
      writeFileSync(script.result, JSON.stringify({ version: 1, id: script.id, steps, fatal: null }));
      callback(undefined, '', '');
    })();
  };
}

const node = process.execPath;
const nodeSpec = (code: string, encoding: CommandSpec['encoding'], extra: string[] = []): CommandSpec => ({
  file: node,
  args: ['-e', code, ...extra],
  encoding,
});
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'msi-doctor-elev-'));
const base = { oemCodePage: 936, pollMs: 20, markerGraceMs: 200 } as const;

test('approve: one prompt runs every step, outputs decoded per encoding, TEMP swapped then restored, files removed', async () => {
  const dir = tempDir();
  const seen: { command?: string; temp?: string; name?: string } = {};
  const runner = new SudoElevatedRunner({
    ...base,
    dir,
    exec: approvingExec(seen),
    powerShellExe: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  });
  const gbk = iconv.encode('拒绝访问。', 'cp936').toString('hex');
  const hostile = ['C:\\Users\\张伟\\Temp & Co', 'it\'s 100% "odd"!', 'trail\\', '^|<>'];
  const specs = [
    nodeSpec(`process.stdout.write(Buffer.from('${gbk}','hex'))`, 'oem'),
    nodeSpec("process.stdout.write(Buffer.from('张伟','utf16le'))", 'utf16le'),
    nodeSpec('process.stdout.write(JSON.stringify(process.argv.slice(1))); process.exitCode = 3', 'utf8', hostile),
  ];
  const before = process.env.TEMP;
  const result = await runner.runBatch(specs, { name: 'MSI Doctor (scan)!' });
  assert.equal(result.status, 'ok', result.message ?? '');
  assert.equal(result.outputs.length, 3);
  assert.equal(result.outputs[0]!.stdout, '拒绝访问。');
  assert.equal(result.outputs[1]!.stdout, '张伟');
  assert.deepEqual(JSON.parse(result.outputs[2]!.stdout), hostile);
  assert.equal(result.outputs[2]!.exitCode, 3);
  assert.ok(result.outputs.every((o) => o.elevated));
  assert.ok(seen.temp?.startsWith(`${dir}/MSIDoctor-elev-`), 'sudo-prompt saw the batch folder as TEMP');
  assert.equal(process.env.TEMP, before, 'TEMP restored');
  assert.equal(seen.name, 'MSI Doctor scan');
  // System32 as working folder, the absolute PowerShell, the bootstrap as -EncodedCommand (no execution policy, no -File).
  assert.match(
    seen.command!,
    /^cd \/d "C:\\Windows\\System32" && "C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe" -NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand [A-Za-z0-9+/=]+$/,
  );
  assert.ok(seen.command!.length < 8191, 'fits a cmd.exe line');
  assert.match(seen.command!, /^[\x20-\x7e]+$/, 'ASCII-only command line');
  assert.deepEqual(readdirSync(dir), [], 'batch files removed');
});

test('a broken or non-ASCII %TEMP% does not matter and is restored exactly', async () => {
  const dir = tempDir();
  const env: Record<string, string | undefined> = {
    TEMP: "C:\\Users\\张伟\\AppData\\Local\\Temp\\gone & O'Brien",
    TMP: undefined,
  };
  const seen: { temp?: string } = {};
  const exec: SudoExec = (command, options, callback) => {
    seen.temp = env.TEMP;
    assert.ok(env.TMP?.startsWith(`${dir}/MSIDoctor-elev-`));
    approvingExec({})(command, options, callback);
  };
  const result = await new SudoElevatedRunner({ ...base, dir, env, exec }).runBatch([
    nodeSpec("process.stdout.write('ok')", 'utf8'),
  ]);
  assert.equal(result.status, 'ok');
  assert.ok(seen.temp?.startsWith(`${dir}/MSIDoctor-elev-`));
  assert.equal(env.TEMP, "C:\\Users\\张伟\\AppData\\Local\\Temp\\gone & O'Brien");
  assert.ok(!('TMP' in env) || env.TMP === undefined);
});

test('decline at the UAC prompt: "not granted" and no started marker -> declined, nothing ran', async () => {
  const dir = tempDir();
  const exec: SudoExec = (_c, _o, callback) => setTimeout(() => callback(new Error(SUDO_PERMISSION_DENIED)), 10);
  const result = await new SudoElevatedRunner({ ...base, dir, exec }).runBatch([
    nodeSpec('1', 'utf8'),
    nodeSpec('2', 'utf8'),
  ]);
  assert.equal(result.status, 'declined');
  assert.match(result.message ?? '', /not granted/);
  assert.equal(result.outputs.length, 2);
  assert.ok(result.outputs.every((o) => o.exitCode === null && /^not run/.test(o.error ?? '')));
});

test('PowerShell broke after elevation: marker present, no result -> failed with the real error', async () => {
  const dir = tempDir();
  const exec: SudoExec = (command, _o, callback) => {
    const script = readScript(scriptPathOf(command));
    writeFileSync(script.marker, 'started');
    callback(Object.assign(new Error('Command failed: powershell\r\nCannot load assembly'), { code: 1 }));
  };
  const result = await new SudoElevatedRunner({ ...base, dir, exec }).runBatch([nodeSpec('1', 'utf8')]);
  assert.equal(result.status, 'failed');
  assert.match(result.message ?? '', /started but it wrote no result \(Command failed: powershell/);
});

test('a garbage result file -> failed, with the parse error', async () => {
  const dir = tempDir();
  const exec: SudoExec = (command, _o, callback) => {
    const script = readScript(scriptPathOf(command));
    writeFileSync(script.marker, 'started');
    writeFileSync(script.result, 'Windows PowerShell\r\nCopyright');
    callback(undefined, '', '');
  };
  const result = await new SudoElevatedRunner({ ...base, dir, exec }).runBatch([nodeSpec('1', 'utf8')]);
  assert.equal(result.status, 'failed');
  assert.match(result.message ?? '', /result file is not JSON/);
});

test('sudo-prompt race: it says "not granted" but the script started and finishes -> ok', async () => {
  const dir = tempDir();
  const exec: SudoExec = (command, options, callback) => {
    callback(new Error(SUDO_PERMISSION_DENIED));
    setTimeout(() => approvingExec({})(command, options, () => {}), 100);
  };
  const result = await new SudoElevatedRunner({ ...base, dir, exec }).runBatch(
    [nodeSpec("process.stdout.write('late')", 'utf8')],
    { timeoutMs: 20_000 },
  );
  assert.equal(result.status, 'ok', result.message ?? '');
  assert.equal(result.outputs[0]!.stdout, 'late');
});

test('hang at the prompt: our own timeout -> timeout, promptly', async () => {
  const dir = tempDir();
  const started = Date.now();
  const result = await new SudoElevatedRunner({ ...base, dir, exec: () => {} }).runBatch([nodeSpec('1', 'utf8')], {
    timeoutMs: 300,
  });
  assert.equal(result.status, 'timeout');
  assert.match(result.message ?? '', /no answer to the administrator prompt/);
  assert.ok(Date.now() - started < 5000);
});

test('hang after elevation: timeout, and a cancel file tells the script to stop', async () => {
  const dir = tempDir();
  let script: ParsedScript | undefined;
  const exec: SudoExec = (command) => {
    script = readScript(scriptPathOf(command));
    writeFileSync(script.marker, 'started');
  };
  const result = await new SudoElevatedRunner({ ...base, dir, exec }).runBatch([nodeSpec('1', 'utf8')], {
    timeoutMs: 300,
  });
  assert.equal(result.status, 'timeout');
  assert.match(result.message ?? '', /did not finish within/);
  assert.ok(script && existsSync(script.cancel));
});

test('cancel through AbortSignal while the prompt is open -> cancelled', async () => {
  const dir = tempDir();
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const result = await new SudoElevatedRunner({ ...base, dir, exec: () => {} }).runBatch([nodeSpec('1', 'utf8')], {
    signal: controller.signal,
    timeoutMs: 20_000,
  });
  assert.equal(result.status, 'cancelled');
});

test('an unsafe folder is refused before any prompt; batches never overlap', async () => {
  const odd = await new SudoElevatedRunner({
    ...base,
    dir: 'C:\\Program Data & Co',
    exec: () => assert.fail('must not prompt'),
  }).runBatch([nodeSpec('1', 'utf8')]);
  assert.equal(odd.status, 'failed');
  assert.match(odd.message ?? '', /unsafe path/);
  const tooLong = await new SudoElevatedRunner({
    ...base,
    dir: tempDir(),
    exec: () => assert.fail('must not prompt'),
  }).runBatch([nodeSpec('1', 'utf8', ['x'.repeat(40_000)])]);
  assert.equal(tooLong.status, 'failed');
  assert.match(tooLong.message ?? '', /could not prepare the elevated batch: command line is \d+ characters/);

  const dir = tempDir();
  let active = 0;
  let maxActive = 0;
  const exec: SudoExec = (command, options, callback) => {
    active++;
    maxActive = Math.max(maxActive, active);
    approvingExec({})(command, options, (...args) => {
      active--;
      callback(...args);
    });
  };
  const serial = new SudoElevatedRunner({ ...base, dir, exec });
  const results = await Promise.all([
    serial.runBatch([nodeSpec('1', 'utf8')]),
    serial.runBatch([nodeSpec('2', 'utf8')]),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['ok', 'ok'],
  );
  assert.equal(maxActive, 1);
});

test('sudo-prompt names are reduced to what it accepts', () => {
  assert.equal(sudoPromptName('MSI Doctor'), 'MSI Doctor');
  assert.equal(sudoPromptName('修复'), 'MSI Doctor');
  assert.equal(sudoPromptName('x'.repeat(100)).length, 70);
});
