// `npm run build:cli` (and npm's `prepare`, so `npx msi-doctor` works right after `npm install` / `npm ci`): bundles
// the CLI with esbuild into dist/cli/msi-doctor.mjs (and, beside it, the report's scan-thread entry and the log
// analyzer's worker), copies the data it reads next to it (simulated-machine
// scenarios) and records its inputs for the freshness check of cli-bundle.mjs. Files are written to a temporary
// name and renamed, so a CLI starting while another one rebuilds reads a whole bundle, old or new.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, CLI_DIR, CLI_INPUTS, REPO } from './cli-bundle.mjs';

const SCENARIOS = join(REPO, 'electron', 'system', 'simulated', 'scenarios');
const temporary = (path) => `${path}.${process.pid}.tmp`;

function writeAtomically(path, data) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(temporary(path), data);
  renameSync(temporary(path), path);
}

function copyTreeAtomically(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTreeAtomically(join(from, entry.name), join(to, entry.name));
    else {
      mkdirSync(to, { recursive: true });
      copyFileSync(join(from, entry.name), temporary(join(to, entry.name)));
      renameSync(temporary(join(to, entry.name)), join(to, entry.name));
    }
  }
}

export async function buildCli() {
  const startedAtMs = Date.now();
  const result = await build({
    absWorkingDir: REPO,
    // The report's scan threads run their own entry, beside the bundle (scan-pool.ts finds it there); so does the log
    // analyzer's worker (log-analysis-thread.ts starts log-analysis-worker.mjs next to the bundle): scan, report and
    // fix analyze the logs they find off the main thread, as the app does.
    entryPoints: {
      'msi-doctor': 'electron/cli/main.ts',
      'report-scan-worker': 'electron/services/report/scan-worker.ts',
      'log-analysis-worker': 'electron/services/log-analysis-worker.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Sub-commands stay lazily evaluated (esbuild wraps what only import() reaches), so analyze skips the system layer.
    write: false,
    outdir: CLI_DIR,
    outExtension: { '.js': '.mjs' },
    keepNames: true, // error and class names are part of the output and of error matching
    legalComments: 'none',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins and read __filename/__dirname.
    banner: {
      js: [
        "import { createRequire as __msiDoctorCreateRequire } from 'node:module';",
        "import { fileURLToPath as __msiDoctorFileURLToPath } from 'node:url';",
        'const require = __msiDoctorCreateRequire(import.meta.url);',
        'const __filename = __msiDoctorFileURLToPath(import.meta.url);',
        "const __dirname = __msiDoctorFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
  });
  copyTreeAtomically(SCENARIOS, join(CLI_DIR, 'scenarios'));
  const inputs = Object.keys(result.metafile.inputs).map((input) => input.split('/').join(sep));
  writeAtomically(
    CLI_INPUTS,
    JSON.stringify({ startedAtMs, inputs: inputs.map((i) => relative(REPO, join(REPO, i))) }),
  );
  // The bundle last: it is what marks the build as done.
  const files = [...result.outputFiles].sort((a, b) => (a.path === CLI_BUNDLE) - (b.path === CLI_BUNDLE));
  for (const file of files) writeAtomically(file.path, file.contents);
  return { ms: Date.now() - startedAtMs, bytes: statSync(CLI_BUNDLE).size, inputs: inputs.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ms, bytes, inputs } = await buildCli();
  console.log(`build:cli: dist/cli/msi-doctor.mjs ${(bytes / 1024).toFixed(0)} KB from ${inputs} files (${ms} ms)`);
}
