// npm run bench:msi [-- SIZE_MB]: builds a real package (wixl) carrying a SIZE_MB stream (default 1024), then reads
// it with the .msi reader and, as a baseline, loads it whole (what a whole-file CFB library does); each in its own
// process so peak memory (maxRSS) is its own. Prints time, bytes read and peak memory with the machine's load.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { buildTestPackage } from '../../electron/system/msi-packages/build-test-package.ts';
import { msiToolsSkip, runMsiTool } from '../../electron/system/msi-packages/msi-tools.ts';
import { testPackage } from '../../electron/system/msi-packages/test-packages.ts';

const mode = process.argv[2];

if (mode === '--reader' || mode === '--whole') {
  const file = process.argv[3]!;
  const started = process.hrtime.bigint();
  let bytesRead = 0;
  if (mode === '--reader') {
    const { withMsiFile } = await import('../../electron/system/msi-file.ts');
    const { readMsiPackage } = await import('../../shared/msi-package/index.ts');
    const pkg = await withMsiFile(file, (source) =>
      readMsiPackage(
        {
          size: source.size,
          read: async (offset, length) => {
            const bytes = await source.read(offset, length);
            bytesRead += bytes.length;
            return bytes;
          },
        },
        file,
      ),
    );
    if (!pkg.productCode) throw new Error('no product code read');
  } else {
    const { readFileSync } = await import('node:fs');
    bytesRead = readFileSync(file).length;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ms, bytesRead, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
  process.exit(0);
}

const skip = msiToolsSkip();
if (skip) {
  console.log(`bench:msi ${skip}`);
  process.exit(0);
}
const sizeMb = Number(process.argv[2] ?? 1024);
const dir = mkdtempSync(join(tmpdir(), 'bench-msi-'));
try {
  const msi = buildTestPackage(testPackage('good-per-machine').spec, dir);
  const payload = join(dir, 'payload.bin');
  const out = createWriteStream(payload);
  const chunk = new Uint8Array(1 << 20);
  for (let i = 0; i < sizeMb; i++) {
    for (let k = 0; k < chunk.length; k += 4) new DataView(chunk.buffer).setUint32(k, (Math.random() * 2 ** 32) >>> 0);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  runMsiTool('msibuild', [msi, '-a', 'payload.bin', payload]);
  rmSync(payload);
  const size = statSync(msi).size;
  const run = (flag: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, flag, msi], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { ms: number; bytesRead: number; maxRssKb: number };
  };
  const reader = run('--reader');
  const whole = run('--whole');
  const mb = (n: number) => (n / 1048576).toFixed(1);
  console.log(`package: ${mb(size)} MiB (a ${sizeMb} MiB stream besides the tables and the cabinet)`);
  console.log(
    `reader:     ${reader.ms.toFixed(0)} ms, read ${mb(reader.bytesRead)} MiB (${((100 * reader.bytesRead) / size).toFixed(3)} % of the file), peak RSS ${mb(reader.maxRssKb * 1024)} MiB`,
  );
  console.log(
    `whole file: ${whole.ms.toFixed(0)} ms, read ${mb(whole.bytesRead)} MiB, peak RSS ${mb(whole.maxRssKb * 1024)} MiB`,
  );
  console.log(
    `ratio: the reader's peak memory is ${(reader.maxRssKb / whole.maxRssKb).toFixed(3)} of loading the file whole; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
