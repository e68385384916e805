// Issue 15 #15 in a real PowerShell PROCESS, stdout to a pipe as the app reads it (the other checks run scripts in a
// runspace): the log reader's 8 MiB tail (real prelude, a real file) and the scan's largest batch wrapper (the
// stubbed primitives) print their JSON unwrapped, with no warning or error mixed in, and parse to the same answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandOutput, CommandSpec } from '../run/command-runner.ts';
import { encodePowerShellCommand, scriptOfSpec } from '../run/powershell.ts';
import { ALL_PROBES, logReadCommand } from '../probes/index.ts';
import { parseLogRead } from '../probes/recent-logs.ts';
import { commandsOf } from '../probes/run-probe.ts';
import { batchScripts, isBatchable, splitBatchOutput, type BatchPart } from '../probes/script-batch.ts';
import { createSimulation } from '../simulated/index.ts';
import { contextFor } from '../simulated/scenario-check.ts';
import { MAX_COMMAND_LINE } from '../run/quoting.ts';
import { powerShell, REPO, skipReason } from './powershell-host.test-support.ts';
import { AWAITING_PRELUDE, emulatedOutput, withStubs } from './stub-layer.test-support.ts';
import { stubSnapshot } from './stub-snapshot.test-support.ts';

const skip = skipReason();

/** Runs a script in its own PowerShell process (-EncodedCommand, as the app does); stdout and stderr as text. */
function runProcess(script: string): { code: number | null; stdout: string; stderr: string } {
  const found = powerShell();
  if (!found.ok) throw new Error(found.reason);
  const r = spawnSync(
    found.command.file,
    [...found.command.prefix, '-NoProfile', '-NonInteractive', '-EncodedCommand', encodePowerShellCommand(script)],
    { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function output(spec: CommandSpec, r: { code: number | null; stdout: string; stderr: string }): CommandOutput {
  return {
    spec,
    exitCode: r.code,
    stdout: r.stdout,
    stderr: r.stderr,
    durationMs: 1,
    timedOut: false,
    error: null,
    elevated: false,
  };
}

test(
  'issue 15 #15: an 8 MiB log tail read by the real prelude in its own process arrives as one unwrapped JSON line, byte for byte',
  { skip },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-pwsh-tail-'));
    try {
      // A UTF-16LE verbose log of 9 MiB with CJK, quotes and backslashes; a name PowerShell would misread if spliced.
      const line =
        'MSI (s) (D4:F8) [01:12:54:001]: 属性: INSTALLDIR = "C:\\Program Files\\Contoso\\" 金蝶 \'x\' $(y)\r\n';
      const bytes = Buffer.from(`\ufeff${line.repeat(Math.ceil((9 * 1024 * 1024) / (line.length * 2)))}`, 'utf16le');
      const path = join(dir, "MSI a'b $(c) 张伟 “q”.log");
      writeFileSync(path, bytes);
      const spec = logReadCommand(path);
      const r = runProcess(scriptOfSpec(spec)!);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr.trim(), '', 'nothing on stderr (no warnings, no progress records)');
      const lines = r.stdout.split(/\r?\n/).filter((l) => l !== '');
      assert.equal(lines.length, 2, 'the language line and ONE JSON line: never wrapped');
      assert.ok(lines[1]!.length > 11_000_000, `${lines[1]!.length} characters`);
      const read = parseLogRead(output(spec, r));
      assert.ok(read.ok, read.ok ? '' : read.error);
      assert.equal(read.value.path, path);
      assert.equal(read.value.size, bytes.length);
      assert.equal(read.value.offset % 2, 0);
      assert.equal(read.value.bytes.length, 8 * 1024 * 1024);
      assert.ok(
        Buffer.from(read.value.bytes).equals(bytes.subarray(bytes.length - 8 * 1024 * 1024)),
        'the tail, byte for byte',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  "issue 15 #15: the largest batch wrapper, run in its own process with stdout to a pipe, splits back into every probe's JSON",
  { skip },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-pwsh-batch-'));
    try {
      const scenario = '1618-stuck-client-install';
      const sim = createSimulation(scenario, { approve: true });
      const context = contextFor(sim);
      const parts: BatchPart[] = [];
      for (const probe of ALL_PROBES)
        if (probe.appliesTo(context) && !AWAITING_PRELUDE.includes(probe.id))
          commandsOf(probe, context).forEach(
            (spec, i) => isBatchable(spec) && parts.push({ key: `${probe.id}#${i}`, spec }),
          );
      const batches = batchScripts(parts);
      // The wrapper holding the most probe scripts (the longest of those): the PATH probe's script is long enough to
      // fill a process of its own, so the longest wrapper alone would hold one script and test no splitting.
      const size = (b: (typeof batches)[number]): number => b.parts.length * 1e6 + b.spec.args.at(-1)!.length;
      const batch = batches.reduce((a, b) => (size(b) > size(a) ? b : a));
      const commandLine = batch.spec.args.join(' ').length;
      assert.ok(
        commandLine > 20_000 && commandLine < MAX_COMMAND_LINE,
        `${commandLine} characters on the command line`,
      );
      const snapshot = join(dir, 'snapshot.json');
      writeFileSync(snapshot, JSON.stringify(stubSnapshot(sim.machine, { elevated: false })));
      // The machine's environment as the stub sees it, then the batch with its primitives stubbed.
      const env = Object.entries(sim.machine.state.env)
        .map(([k, v]) => `[Environment]::SetEnvironmentVariable('${k}', '${String(v).replace(/'/g, "''")}')`)
        .join('\n');
      const script = [
        env,
        `$__md_sim = [IO.File]::ReadAllText('${snapshot.replace(/'/g, "''")}') | ConvertFrom-Json`,
        '$__md_effects = New-Object System.Collections.Generic.List[object]',
        '$__md_facts = New-Object System.Collections.Generic.List[string]',
        withStubs(scriptOfSpec(batch.spec)!),
      ].join('\n');
      const r = runProcess(script);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr.trim(), '', 'nothing on stderr');
      const split = splitBatchOutput(batch, output(batch.spec, r));
      for (const part of batch.parts) {
        const [probeId] = part.key.split('#') as [string];
        const probe = ALL_PROBES.find((p) => p.id === probeId)!;
        const specs = commandsOf(probe, context);
        const emulated = specs.map((s) => emulatedOutput(sim, s, { elevated: false }));
        const real = specs.map((s, i) => (`${probe.id}#${i}` === part.key ? split.get(part.key)! : emulated[i]!));
        assert.deepEqual(
          JSON.parse(JSON.stringify(probe.parse(real, context, false))),
          JSON.parse(JSON.stringify(probe.parse(emulated, context, false))),
          part.key,
        );
      }
      assert.ok(batch.parts.length >= 3, `${batch.parts.length} probes in the batch`);
      console.log(
        `# batch wrapper: ${batch.parts.length} probe scripts, ${commandLine}-character command line, run in one process`,
      );
      assert.ok(readFileSync(snapshot).length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test(
  "the real shell-environment script (Explorer's PATH reader, compiled with Add-Type) compiles and, where there is no Windows shell, reports it unread instead of failing",
  { skip },
  () => {
    const probe = ALL_PROBES.find((p) => p.id === 'path-environment')!;
    const spec = commandsOf(probe, contextFor(createSimulation('healthy')))[1]!;
    const script = scriptOfSpec(spec)!;
    assert.match(script, /^# msi-doctor:probe-alone=shell-environment$/m);
    // The real prelude, not the stubs: the C# reader must compile; without user32 (here) the script says "not read".
    const r = runProcess(`${script}\n"compiled: $(('MsiDoctorShellEnvironment' -as [type]) -ne $null)"`);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split(/\r?\n/).filter((l) => l.trim() !== '');
    assert.ok(lines.includes('compiled: True'), r.stdout);
    const json = JSON.parse(lines.find((l) => l.startsWith('{'))!) as { read: boolean; path: string };
    if (process.platform !== 'win32') assert.deepEqual(json, { read: false, path: '' });
    else assert.equal(typeof json.read, 'boolean');
  },
);
