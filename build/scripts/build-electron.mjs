// `npm run build:electron`: bundles the Electron main process, its log-analysis worker and the preload with esbuild
// into dist/electron/ (main.cjs, log-analysis-worker.cjs, preload.cjs, report-scan-worker.cjs for the report's scan
// threads) and copies the runtime data files the bundle reads (simulated-machine scenarios).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// --out DIR builds elsewhere (the bundle smoke test builds into a temp folder).
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag !== -1 && process.argv[outFlag + 1] ? process.argv[outFlag + 1] : join(root, 'dist', 'electron');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 41 ships Node 22+
  sourcemap: 'linked',
  minify: process.env.MSI_DOCTOR_NO_MINIFY ? false : true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Only electron itself stays external: the packaged app needs no node_modules at all.
  external: ['electron'],
  absWorkingDir: root,
};

const started = Date.now();
await build({
  ...common,
  // The log analyzer's worker thread (electron/services/log-analysis-thread.ts starts it next to main.cjs).
  entryPoints: { main: 'electron/main/main.ts', 'log-analysis-worker': 'electron/services/log-analysis-worker.ts' },
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  // ESM sources use import.meta.url to find data next to them; in the CJS bundle that is the bundle's own file,
  // so data folders are copied next to main.cjs below.
  define: { 'import.meta.url': '__msiDoctorImportMetaUrl' },
  banner: { js: 'const __msiDoctorImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});
await build({
  ...common,
  // The report's scan threads run their own entry, beside main.cjs (scan-pool.ts finds it there).
  entryPoints: { 'report-scan-worker': 'electron/services/report/scan-worker.ts' },
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
});
await build({
  ...common,
  // A sandboxed preload may only require('electron') and a few built-ins: everything else is bundled in.
  entryPoints: { preload: 'electron/preload/preload.ts' },
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  platform: 'browser',
});

const scenarios = join(root, 'electron', 'system', 'simulated', 'scenarios');
if (existsSync(scenarios)) cpSync(scenarios, join(outDir, 'scenarios'), { recursive: true });

const size = (f) => (statSync(join(outDir, f)).size / 1024).toFixed(0);
console.log(
  `build:electron: ${outDir === join(root, 'dist', 'electron') ? 'dist/electron/' : outDir + '/'}main.cjs ${size('main.cjs')} KB, log-analysis-worker.cjs ${size('log-analysis-worker.cjs')} KB, preload.cjs ${size('preload.cjs')} KB (${Date.now() - started} ms)`,
);
