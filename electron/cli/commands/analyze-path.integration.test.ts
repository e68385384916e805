// Tests what `msi-doctor analyze` loads: neither zod nor iconv-lite is reachable from the analyze command through static
// imports (zod only behind the deployment-log renderer's import(), iconv-lite not at all), so a plain MSI log is
// analyzed without evaluating them. Bundles the command with esbuild and walks its import graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = 'electron/cli/commands/analyze.ts';

/** The chain of static imports from the entry to a module whose path matches, or null. */
async function staticChain(target: RegExp): Promise<string[] | null> {
  const result = await build({
    absWorkingDir: REPO,
    entryPoints: [ENTRY],
    bundle: true,
    splitting: true,
    outdir: 'unused',
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const importedBy = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs))
    for (const imported of input.imports)
      if (imported.kind !== 'dynamic-import')
        importedBy.set(imported.path, [...(importedBy.get(imported.path) ?? []), file]);
  const starts = Object.keys(result.metafile.inputs).filter((file) => target.test(file));
  const queue = starts.map((file) => [file]);
  const seen = new Set(starts);
  while (queue.length) {
    const chain = queue.shift()!;
    const head = chain[chain.length - 1]!;
    if (head === ENTRY) return chain.reverse();
    for (const importer of importedBy.get(head) ?? [])
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push([...chain, importer]);
      }
  }
  return null;
}

test('analyze reaches neither zod nor iconv-lite through static imports', async () => {
  assert.equal(await staticChain(/node_modules\/zod\//), null);
  assert.equal(await staticChain(/node_modules\/iconv-lite\//), null);
  // The walk itself finds what is there: the analyzer is reached.
  assert.ok(await staticChain(/shared\/msilog\/log-analyzer\.ts$/));
});
