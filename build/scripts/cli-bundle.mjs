// Where the prebuilt `msi-doctor` bundle lives and whether it is current: dist/cli/msi-doctor.mjs is current when
// no file it was built from (dist/cli/inputs.json, esbuild's list) changed since its build started. Kept free of
// esbuild so a current bundle starts without loading the builder; build-cli.mjs is loaded only to rebuild.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_DIR = join(REPO, 'dist', 'cli');
export const CLI_BUNDLE = join(CLI_DIR, 'msi-doctor.mjs');
export const CLI_INPUTS = join(CLI_DIR, 'inputs.json');

/** True when the bundle exists and none of its inputs is missing or newer than the start of its build. */
export function cliBundleIsCurrent() {
  let record;
  try {
    statSync(CLI_BUNDLE);
    record = JSON.parse(readFileSync(CLI_INPUTS, 'utf8'));
  } catch {
    return false;
  }
  return record.inputs.every((input) => {
    try {
      return statSync(join(REPO, input)).mtimeMs <= record.startedAtMs;
    } catch {
      return false;
    }
  });
}

/** The bundle's file URL, rebuilt first when it is missing or stale (a checkout, an edit, new dependencies). */
export async function cliBundleUrl() {
  if (!cliBundleIsCurrent()) {
    const { buildCli } = await import('./build-cli.mjs');
    await buildCli();
  }
  return pathToFileURL(CLI_BUNDLE).href;
}
