// Bench: export a ZIP report with a generated 500 MB UTF-16LE verbose log attached; prints time and peak RSS (target < 300 MB).
// Usage: npm run bench:report [-- --mb 500]
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReportService } from '../../electron/services/report-service.ts';
import { makeScanFixture } from '../../shared/report/fixtures/scan-fixture.ts';

const mbArg = process.argv.indexOf('--mb');
const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 500;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

/** Writes a verbose-looking UTF-16LE log (BOM, CRLF) of about targetMb megabytes, with planted secrets every few lines. */
async function generateLog(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write(Buffer.from([0xff, 0xfe]));
  const target = targetMb * 1024 * 1024;
  let written = 2;
  let line = 0;
  while (written < target) {
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++, line++) {
      const t = `${String(9 + (line % 12)).padStart(2, '0')}:${String(line % 60).padStart(2, '0')}:${String((line >> 6) % 60).padStart(2, '0')}:${line % 1000}`;
      switch (line % 16) {
        case 0:
          lines.push(
            `MSI (s) (18:A8) [${t}]: PROPERTY CHANGE: Adding DBPASSWORD property. Its value is 'Hunter2!-${line % 7}'.`,
          );
          break;
        case 5:
          lines.push(
            `MSI (s) (18:A8) [${t}]: SHELL32::SHGetFolderPath returned: C:\\Users\\zhang.wei\\AppData\\Roaming\\Contoso\\${line}`,
          );
          break;
        case 9:
          lines.push(
            `MSI (s) (18:A8) [${t}]: Connecting to 10.20.30.${line % 250} as CONTOSO\\zhang.wei from WS-FIN-042 (S-1-5-21-1004336348-1177238915-682003330-1001)`,
          );
          break;
        default:
          lines.push(
            `MSI (s) (18:A8) [${t}]: Executing op: FileCopy(SourceName=file${line}.dll,SourceCabKey=F${line},DestName=file${line}.dll,Attributes=0,FileSize=${line * 7},PerTick=65536,,VerifyMedia=1,,,,,CheckCRC=0,,,InstallMode=58982400,HashOptions=0,HashPart1=${line},,,)`,
          );
      }
    }
    const chunk = Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le');
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return line;
}

const dir = mkdtempSync(join(tmpdir(), 'msi-doctor-bench-report-'));
try {
  const log = join(dir, 'huge-verbose.log');
  const genStart = Date.now();
  const lines = await generateLog(log);
  const logBytes = statSync(log).size;
  console.log(
    `generated ${(logBytes / 1048576).toFixed(0)} MB UTF-16LE log (${lines} lines) in ${((Date.now() - genStart) / 1000).toFixed(1)} s`,
  );
  peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;

  const base = makeScanFixture();
  const scan = { ...base, logs: [{ ...base.logs[0]!, file: log, byteCount: logBytes }] };
  const out = join(dir, 'report.zip');
  const started = Date.now();
  const { bytes } = await createReportService({ dataDir: null }).export(scan, {
    format: 'zip',
    redact: true,
    lang: 'en',
    outPath: out,
    appLogPath: null,
  });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const maxRssKb = process.resourceUsage().maxRSS;
  console.log(
    `exported ZIP ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(logBytes / 1048576 / seconds).toFixed(1)} MB/s of log, learn + redact passes)`,
  );
  console.log(
    `RSS before export: ${(rssBefore / 1048576).toFixed(0)} MB; peak RSS during export (sampled): ${(peakRss / 1048576).toFixed(0)} MB; process max RSS: ${(maxRssKb / 1024).toFixed(0)} MB (target < 300 MB)`,
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
