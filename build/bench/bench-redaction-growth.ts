// npm run bench:redaction-growth — how redaction's cost grows on hostile input: every rule on repetitions built to trip
// it (the input times eight should take about eight times the CPU, a quadratic rule tends to 64x), and the learned-name
// matcher with 100x more names in a log of the same size. Exits 1 when a figure is over its bar. A bench, not a test:
// CPU-time ratios swing with the machine's load and the heap a process carries (a test of this kind read 20-24x for a
// rule that measures 8x alone, in test runs sharing two cores), so they are read here, on a quiet machine, with the load.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redactor } from '../../shared/report/redaction/redactor.ts';

/** A log of about the same size naming `names` distinct users in profile paths and in free text. */
function namesLog(names: number): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < 8_000; i++) {
    const user = `usr${(i % names).toString(36)}q${i % names}`;
    lines.push(`SHELL32::SHGetFolderPath returned: C:\\Users\\${user}\\AppData then ${user} logged on`);
  }
  return lines.join('\n');
}

function timeRedaction(text: string): number {
  const redactor = new Redactor();
  redactor.learn(text);
  let out = '';
  const elapsed = cpuTime(() => {
    out = redactor.redact(text);
  });
  if (/usr[0-9a-z]+q\d/.test(out)) throw new Error('a learned name survived redaction');
  return elapsed;
}

function namesGrowth(): boolean {
  const few = namesLog(80);
  const many = namesLog(8_000);
  timeRedaction(few); // warm-up
  const ratios: number[] = [];
  for (let round = 0; round < 3; round++) ratios.push(timeRedaction(many) / timeRedaction(few));
  const best = Math.min(...ratios);
  // A matcher whose cost grows with the names would be ~100x slower.
  const ok = best < 4;
  console.log(
    `learned names, 8,000 vs 80 in a log of the same size: ${ratios.map((r) => r.toFixed(2)).join(', ')}x (bar 4x) ${ok ? 'ok' : 'TOO SLOW'}`,
  );
  return ok;
}

/** CPU time of fn (not wall time: a shared machine's other processes do not count). */
function cpuTime(fn: () => void): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

/** Learn + redact CPU time of `unit` repeated n times on one line: the fastest of three runs. */
function timeRepeated(unit: string, n: number): number {
  const text = unit.repeat(n);
  const once = () => {
    const redactor = new Redactor();
    redactor.learn(text);
    redactor.redact(text);
  };
  return Math.min(cpuTime(once), cpuTime(once), cpuTime(once));
}

/** A repeat count whose run takes at least 15 ms of CPU (or whose text reaches 512K characters): shorter runs are
 *  dominated by the kernel's accounting granularity and by GC and JIT threads counted in the process's CPU time. */
function measurableRepeats(unit: string): number {
  let n = Math.ceil(32_000 / unit.length);
  while (n * unit.length < 512_000 && timeRepeated(unit, n) < 15_000) n *= 2;
  return n;
}

const HOSTILE_UNITS = [
  'Password=Password=',
  'Property(S): A = Property(S): B = ',
  'password: password: ',
  "-pw '-Password '",
  'contoso.',
  "PROPERTY CHANGE: Adding X property. Its value is 'a'.",
  'CONNSTR="Server=s;Password=',
  '\\\\\\\\srv\\\\',
  'S-1-5-21-1-',
  'C:\\Users\\',
  '1.2.3.',
  'a\\"b=\\"',
  '<add key="Password" value="',
  'net use \\\\s\\x p "q ',
  'sqlcmd -U u -P ',
  'mysql -pX -u',
  'https://a:b',
  "NetworkCredential('a', 'b",
  "password '",
  'reg add /v Password /d x ',
  'a.b.local.',
  'PRIVATE KEY-----x',
  '-----BEGIN PRIVATE KEY-----\nQ',
  '-----END PRIVATE KEY-----',
  'QUJD\n-----END RSA PRIVATE KEY-----\n',
  '-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n\nQUJD\n',
  'Private-Lines: 9\n',
  'eyJhbGciOiJIUzI1NiJ9.',
  'eyJhbGciOiJIUzI1NiJ9.eyJ',
  'AKIAABCDEFGHIJKLMNOP ',
  'ghp_',
  'xoxb-1-',
  '01000000d08c9ddf0115d1118c7a00c04fc297eb',
  'AB1CD-',
  '</Password>',
  '<Password>a</Password>',
  'ftp> user a b\n',
  'USER ',
  'docker login -u a -p b ',
  'OneDrive - ',
  '=\\Users\\a b',
  '=\\Users\\',
  '\\\\s\\Users\\a\\',
  '%5CUsers%5Ca%',
  'setx A_TOKEN b ',
  'open h\nu\np\n',
  'Bearer a1',
  'basic ',
  'Property(S): A = **********',
  "Adding A property. Its value is '**********",
  '?token=a&',
  'X-Api-Key: a',
  'Cookie: a=b; ',
  '\\\\?\\UNC\\s\\',
  '数据库密码：用户名=',
];

/** Every unit in a process of its own: one process measuring them in turn read 22-44x for units that double cleanly
 *  (2.0x per doubling from 64K to 8M characters) in a fresh process — the heap and caches earlier units leave behind. */
function rulesGrowth(): boolean {
  let ok = true;
  for (const unit of HOSTILE_UNITS) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--unit', unit], {
      encoding: 'utf8',
    });
    process.stdout.write(child.stdout);
    if (child.status !== 0) {
      ok = false;
      process.stdout.write(child.stderr);
    }
  }
  return ok;
}

/** One unit's growth in this process; false when over the bar. */
function unitGrowth(unit: string): boolean {
  const n = measurableRepeats(unit); // also the warm-up
  // Eight times the input: a linear rule takes ~8x, a quadratic one 64x in the limit; at these sizes, where its linear
  // part still weighs, the quadratic quote scan this test caught read 29x. The bar sits far from both, so the noise
  // of a loaded machine (GC and JIT threads count in the process's CPU time) cannot tip it.
  // A ratio over the bar is measured once more: a quadratic rule is over it every time, noise seldom twice.
  const measure = () => timeRepeated(unit, 8 * n) / timeRepeated(unit, n);
  let ratio = measure();
  if (ratio >= 20) ratio = Math.min(ratio, measure());
  const fine = ratio < 20;
  console.log(
    `${JSON.stringify(unit)}: ${ratio.toFixed(2)}x the time for eight times the input (bar 20x) ${fine ? 'ok' : 'SUPERLINEAR'}`,
  );
  return fine;
}

const unitIndex = process.argv.indexOf('--unit');
if (unitIndex >= 0) {
  if (!unitGrowth(process.argv[unitIndex + 1] ?? '')) process.exitCode = 1;
} else {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} before`,
  );
  const rulesOk = rulesGrowth();
  const namesOk = namesGrowth();
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} after`,
  );
  if (!rulesOk || !namesOk) process.exitCode = 1;
}
