// Benchmark of `msi-doctor fleet summarize`: writes N result files (real scan@1 results of the simulated machines, each
// under its own machine name; some machines scanned twice; a few broken files), then times the real command in a child
// process (best of N rounds) with its peak RSS, and prints the machine's load. The issue's bar: 10,000 files < 30 s.
// Usage: npm run bench:fleet [-- --files 10000 --rounds 2 --keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSystem, systemScanOptions } from '../../electron/services/system-factory.ts';
import { runScan } from '../../electron/services/scan-service.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const SCENARIOS = [
  'healthy',
  'healthy',
  'healthy',
  'configmgr-1603-custom-action',
  'intune-1618-retried-then-failed',
  'psadt-mutex-timeout',
  'configmgr-detection-after-success',
  '1618-stuck-client-install',
  '2503-windows-temp-acl',
  '1603-pending-reboot',
  'always-install-elevated',
];

async function templates(): Promise<ScanResult[]> {
  const out: ScanResult[] = [];
  for (const name of [...new Set(SCENARIOS)]) {
    const system = createSystem({ simulate: name });
    const scenario = system.simulation!.loaded.scenario;
    out.push(
      await runScan(
        { symptom: scenario.expect.symptom ?? '', msiPath: scenario.msiPath ?? null },
        {
          ...(await systemScanOptions(system)),
          parseSymptom,
          diagnose: (input) => diagnose(input),
        },
      ),
    );
  }
  return out;
}

async function main(): Promise<void> {
  const files = arg('files', 10_000);
  const rounds = arg('rounds', 2);
  const keep = process.argv.includes('--keep');
  const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-bench-fleet-'));
  const results = join(dir, 'results');
  try {
    const base = await templates();
    const byName = new Map(base.map((r) => [r.environment.scenario, r]));
    let bytes = 0;
    const started = Date.now();
    for (let i = 0; i < files; i++) {
      // 2% broken files (truncated JSON), 5% second scans of an earlier machine, machines in 100 subfolders.
      const template = byName.get(SCENARIOS[i % SCENARIOS.length]!)!;
      const machine = i % 20 === 19 ? `PC-${String(i - 7).padStart(5, '0')}` : `PC-${String(i).padStart(5, '0')}`;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const result = {
        ...template,
        scanId: `bench-${i}`,
        startedAt: `2026-11-${day}T08:${String(i % 60).padStart(2, '0')}:00.000Z`,
        environment: { ...template.environment, computerName: machine },
      };
      let text = JSON.stringify(result);
      if (i % 50 === 49) text = text.slice(0, Math.floor(text.length / 2));
      const sub = join(results, `group-${i % 100}`);
      if (i < 100) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `${machine}_${i}.json`), text);
      bytes += text.length;
    }
    const written = readdirSync(results).reduce((n, d) => n + readdirSync(join(results, d)).length, 0);
    console.log(
      `Wrote ${written} result files (${(bytes / 1024 / 1024).toFixed(0)} MB, ~${Math.round(bytes / files / 1024)} KB each) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const times: number[] = [];
    let maxRssKb = 0;
    for (let r = 0; r < rounds; r++) {
      const out = join(dir, `summary-${r}`);
      // The child prints its own peak RSS after the command (the tsx loader included, like a user's run).
      const script = `const { main } = await import(${JSON.stringify(join(REPO, 'electron', 'cli', 'main.ts'))}); const code = await main(['fleet', 'summarize', ${JSON.stringify(results)}, '--out', ${JSON.stringify(out)}]); process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code;`;
      const t0 = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: REPO,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (child.status !== 0) throw new Error(`fleet summarize failed (${child.status}): ${child.stderr.slice(-500)}`);
      times.push(ms);
      maxRssKb = Math.max(maxRssKb, Number(/RSS (\d+)/.exec(child.stderr)?.[1] ?? 0));
      const refused = child.stderr.split('\n').filter((l) => l.startsWith('msi-doctor fleet: ')).length;
      const totals = child.stdout.split('\n')[1] ?? '';
      console.log(`round ${r + 1}: ${(ms / 1000).toFixed(2)} s — ${totals} (${refused} refusal lines)`);
      if (r === 0)
        console.log(
          `  outputs: ${readdirSync(out)
            .map((f) => `${f} ${(statSync(join(out, f)).size / 1024).toFixed(0)} KB`)
            .join(', ')}`,
        );
    }
    const best = Math.min(...times);
    console.log(
      `\nfleet summarize, ${files} files: best ${(best / 1000).toFixed(2)} s of ${rounds} (${Math.round(files / (best / 1000))} files/s), peak RSS ${(maxRssKb / 1024).toFixed(0)} MB; bar: < 30 s`,
    );
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} on ${cpus().length} CPUs (uptime)`,
    );
    if (best >= 30_000) process.exitCode = 1;
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
