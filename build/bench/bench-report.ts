// Bench: exports a ZIP report with a generated 500 MB UTF-16LE verbose log and compares it with `gzip -1` on the same
// file in the same run (target: export <= 3x gzip -1, peak RSS < 300 MB); then times redaction of a 5.9 MB log with
// 20,000 distinct profile names against one with 200 (the learned-name matcher must not grow with the name count).
// The export runs twice: with its scan threads (as the app and CLI run it) and all on one thread, for comparison; the
// CPU of each thread of the threaded export is printed too (Linux), to see which one is the bottleneck.
// Usage: npm run bench:report [-- --mb 500] [-- --skip-names] [-- --skip-serial]
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  mkdtempSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReportService } from '../../electron/services/report-service.ts';
import { makeScanFixture } from '../../shared/report/fixtures/scan-fixture.ts';
import type { ScanResult } from '../../shared/contract/scan.ts';

const mbArg = process.argv.indexOf('--mb');
const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 500;
const skipNames = process.argv.includes('--skip-names');
const skipSerial = process.argv.includes('--skip-serial');

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/** One line of a busy verbose log; every few lines carries a planted identity or secret in one of the leak-prone forms. */
function logLine(line: number): string {
  const t = `${String(9 + (line % 12)).padStart(2, '0')}:${String(line % 60).padStart(2, '0')}:${String((line >> 6) % 60).padStart(2, '0')}:${line % 1000}`;
  const head = `MSI (s) (18:A8) [${t}]: `;
  switch (line % 32) {
    case 0:
      return `${head}PROPERTY CHANGE: Adding DBPASSWORD property. Its value is 'Hunter2!-${line % 7}'.`;
    case 5:
      return `${head}SHELL32::SHGetFolderPath returned: C:\\Users\\zhang.wei\\AppData\\Roaming\\Contoso\\${line}`;
    case 9:
      return `${head}Connecting to 10.20.30.${line % 250} as CONTOSO\\zhang.wei from WS-FIN-042 (S-1-5-21-1004336348-1177238915-682003330-1001)`;
    case 13:
      return `${head}Executing op: CustomActionSchedule(Action=WriteDb,ActionType=3073,Source=BinaryData,Target=Run,CustomActionData=DBUSER=sa;DBPWD=CadPassw0rd${line % 5};SERVER=sql01)`;
    case 17:
      return `${head}Note: custom action output: setup.exe --password=Flag${line % 3}Secret -pw Pw${line % 3}x /p:Slash${line % 3} \\\\fileserver01\\share$\\drop`;
    case 21:
      return `${head}Product: Contoso Expense Reporter -- Manufacturer: Contoso Ltd. -- mac 001A.2B3C.4D5F fe80::1c2d:3e4f:5a6b:7c8d`;
    case 25:
      return `${head}用户 张伟 的配置: Server=sql01;User Id=sa;Password=SqlPa55Word!;`;
    default:
      return `${head}Executing op: FileCopy(SourceName=file${line}.dll,SourceCabKey=F${line},DestName=file${line}.dll,Attributes=0,FileSize=${line * 7},PerTick=65536,,VerifyMedia=1,,,,,CheckCRC=0,,,InstallMode=58982400,HashOptions=0,HashPart1=${line},,,)`;
  }
}

/** Writes a verbose-looking UTF-16LE log (BOM, CRLF) of about targetMb megabytes. */
async function generateLog(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write(Buffer.from([0xff, 0xfe]));
  const target = targetMb * 1024 * 1024;
  let written = 2;
  let line = 0;
  while (written < target) {
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++, line++) lines.push(logLine(line));
    const chunk = Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le');
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return line;
}

/** Wall time of `gzip -1 -c file > /dev/null`, or null when gzip is not installed. */
function gzipSeconds(file: string): number | null {
  const devNull = openSync('/dev/null', 'w');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync('gzip', ['-1', '-c', file], { stdio: ['ignore', devNull, 'inherit'] });
    if (result.error || result.status !== 0) return null;
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    closeSync(devNull);
  }
}

function scanWithLog(file: string, bytes: number): ScanResult {
  const base = makeScanFixture();
  return { ...base, logs: [{ ...base.logs[0]!, file, byteCount: bytes }] };
}

/**
 * CPU seconds of each thread of this process so far, by thread id (Linux /proc; empty elsewhere): which thread is the
 * bottleneck of the threaded export (the calling thread, the scan thread, V8's and libuv's helpers running GC and
 * deflate). Threads that ended are not listed, so it is sampled while the export runs.
 */
function threadSeconds(): Map<string, { name: string; seconds: number }> {
  const out = new Map<string, { name: string; seconds: number }>();
  let tids: string[] = [];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const name = tid === String(process.pid) ? 'calling thread' : stat.slice(stat.indexOf('(') + 1, close);
      out.set(tid, { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 }); // utime + stime, in ticks
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** The CPU each thread used between two samples, largest first ("node" threads are the scan thread and V8's helpers). */
function threadUse(before: ReturnType<typeof threadSeconds>, after: ReturnType<typeof threadSeconds>): string {
  const used = [...after]
    .map(([tid, { name, seconds }]) => ({ name, tid, seconds: seconds - (before.get(tid)?.seconds ?? 0) }))
    .filter((t) => t.seconds >= 0.1)
    .sort((a, b) => b.seconds - a.seconds);
  return used
    .map((t) => `${t.name}${t.name === 'calling thread' ? '' : ` ${t.tid}`} ${t.seconds.toFixed(1)} s`)
    .join(', ');
}

async function exportZip(
  scan: ScanResult,
  out: string,
  scanThreads?: number,
): Promise<{ seconds: number; bytes: number; cpuSeconds: number; threads: string }> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const threadsBefore = threadSeconds();
  const threadsLast = new Map(threadsBefore);
  const threadSampler = setInterval(() => {
    for (const [tid, t] of threadSeconds()) threadsLast.set(tid, t);
  }, 100);
  const { bytes } = await createReportService({ dataDir: null, scanThreads }).export(scan, {
    format: 'zip',
    redact: true,
    lang: 'en',
    outPath: out,
    appLogPath: null,
  });
  const used = process.cpuUsage(cpu);
  clearInterval(threadSampler);
  for (const [tid, t] of threadSeconds()) threadsLast.set(tid, t);
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    bytes,
    cpuSeconds: (used.user + used.system) / 1e6,
    threads: threadUse(threadsBefore, threadsLast),
  };
}

/** A ~5.9 MB UTF-16LE log whose profile paths name `names` distinct users, cycling through them. */
function namesLog(path: string, names: number): number {
  const lines: string[] = [];
  let chars = 0;
  for (let i = 0; chars < 2_950_000; i++) {
    const user = `user${(i % names).toString(36)}x${i % names}`;
    const line = `MSI (s) (18:A8) [09:12:53:835]: SHELL32::SHGetFolderPath returned: C:\\Users\\${user}\\AppData\\Roaming\\App ${user} ok`;
    lines.push(line);
    chars += line.length + 2;
  }
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]));
  return statSync(path).size;
}

/** The log is written by a child process, so its garbage is not counted in this process's RSS during the export. */
const generateArg = process.argv.indexOf('--generate-to');
if (generateArg > 0) {
  console.log(await generateLog(process.argv[generateArg + 1]!));
  process.exit(0);
}

function generateInChild(path: string): number {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--mb', String(targetMb), '--generate-to', path],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error('bench:report: generating the log failed');
  return Number(child.stdout.trim());
}

const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-bench-report-'));
try {
  console.log(`load average before: ${load()}`);
  const log = join(dir, 'huge-verbose.log');
  const genStart = Date.now();
  const lines = generateInChild(log);
  const logBytes = statSync(log).size;
  console.log(
    `generated ${(logBytes / 1048576).toFixed(0)} MB UTF-16LE log (${lines} lines) in ${((Date.now() - genStart) / 1000).toFixed(1)} s`,
  );
  const gzip = gzipSeconds(log);
  console.log(gzip === null ? 'gzip -1: not available' : `gzip -1 on the same file: ${gzip.toFixed(1)} s`);

  peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const { seconds, bytes, cpuSeconds, threads } = await exportZip(scanWithLog(log, logBytes), join(dir, 'report.zip'));
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const maxRssKb = process.resourceUsage().maxRSS;
  console.log(
    `export: ZIP ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(logBytes / 1048576 / seconds).toFixed(1)} MB/s of log, learn + redact + deflate; CPU of all threads ${cpuSeconds.toFixed(1)} s)`,
  );
  if (threads) console.log(`CPU by thread: ${threads}`);
  if (gzip !== null) console.log(`ratio export / gzip -1: ${(seconds / gzip).toFixed(2)}x (target <= 3x)`);
  console.log(
    `RSS before export: ${(rssBefore / 1048576).toFixed(0)} MB; peak RSS during export (sampled): ${(peakRss / 1048576).toFixed(0)} MB; process max RSS: ${(maxRssKb / 1024).toFixed(0)} MB (target < 300 MB)`,
  );
  console.log(`load average after: ${load()}`);
  if (!skipSerial) {
    peakRss = process.memoryUsage.rss();
    const serial = await exportZip(scanWithLog(log, logBytes), join(dir, 'report-serial.zip'), 0);
    console.log(
      `the same export on one thread (scanThreads 0), for comparison: ${serial.seconds.toFixed(1)} s, CPU ${serial.cpuSeconds.toFixed(1)} s, peak RSS ${(peakRss / 1048576).toFixed(0)} MB${gzip === null ? '' : `, ${(serial.seconds / gzip).toFixed(2)}x gzip -1`}; threaded / one thread: ${(seconds / serial.seconds).toFixed(2)}`,
    );
    const gzipAgain = gzipSeconds(log);
    if (gzipAgain !== null && gzip !== null)
      console.log(`gzip -1 again after both exports: ${gzipAgain.toFixed(1)} s (first ${gzip.toFixed(1)} s)`);
    console.log(`load average after the comparison: ${load()}`);
  }
  rmSync(log, { force: true });

  if (!skipNames) {
    // The learned-name matcher: 200 vs 20,000 distinct profile names in logs of the same size.
    for (const names of [200, 20_000]) {
      const file = join(dir, `names-${names}.log`);
      const size = namesLog(file, names);
      const run = await exportZip(scanWithLog(file, size), join(dir, `names-${names}.zip`));
      console.log(
        `${(size / 1048576).toFixed(1)} MB log with ${names} distinct profile names: exported in ${run.seconds.toFixed(2)} s`,
      );
    }
    console.log(`load average at the end: ${load()}`);
  }
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
