// `npm run security:scan`: Electronegativity (static Electron security scanner) over electron/; fails on any finding
// of medium severity or above that is not justified in build/electronegativity-allowlist.json.
// Test files are skipped (never shipped). AvailableSecurityFixesGlobalCheck is excluded: it downloads Electron's
// release list, which an offline CI cannot do; the Electron version is pinned in package.json instead.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const allowlist = JSON.parse(readFileSync(join(root, 'build', 'electronegativity-allowlist.json'), 'utf8')).entries;
const unjustified = allowlist.filter((a) => typeof a.reason !== 'string' || a.reason.trim().length < 20);
if (unjustified.length > 0) {
  console.error(
    `security:scan: allowlist entries without a real reason: ${unjustified.map((a) => `${a.id} ${a.file}`).join(', ')}`,
  );
  process.exit(1);
}

// The scanner prints network noise (translations, release list); keep our output to the verdict.
const quiet = console.log;
console.log = () => {};
let result;
try {
  result = await run(
    {
      // --input DIR scans another folder (used to check that the scan does catch a bad window).
      input: process.argv.includes('--input')
        ? process.argv[process.argv.indexOf('--input') + 1]
        : join(root, 'electron'),
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    },
    false,
  );
} finally {
  console.log = quiet;
}

const isTest = (file) => /\.test(-support)?\.ts$/.test(file);
const relevant = result.issues.filter((i) => !isTest(i.file) && i.severity.value >= 2); // 2 = MEDIUM in the scanner's scale
const allowed = (issue) => allowlist.find((a) => a.id === issue.id && a.file === issue.file.replaceAll('\\', '/'));
const unexplained = relevant.filter((i) => !allowed(i));
const stale = allowlist.filter((a) => !relevant.some((i) => i.id === a.id && i.file.replaceAll('\\', '/') === a.file));
const parseErrors = result.errors.filter((e) => !e.tolerable);

for (const issue of unexplained) {
  console.error(`  ${issue.id} (${issue.severity.name}) ${issue.file}:${issue.location.line} — ${issue.description}`);
}
for (const error of parseErrors) console.error(`  could not parse ${error.file}: ${error.message}`);
for (const entry of stale) console.log(`  note: allowlist entry no longer needed: ${entry.id} ${entry.file}`);
const verdict = `security:scan (Electronegativity, Electron ${electronVersion}): ${relevant.length} medium+ finding(s), ${relevant.length - unexplained.length} allowlisted with a reason, ${unexplained.length} unexplained`;
if (unexplained.length > 0 || parseErrors.length > 0) {
  console.error(`${verdict} — FAILED (fix them or justify each in build/electronegativity-allowlist.json)`);
  process.exit(1);
}
console.log(verdict);
