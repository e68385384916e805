// One unit-test process (started by run-unit-tests.mjs under tsx): imports its test files, then node:test runs their
// tests in-process, one at a time, in file order. Tests start only once every file is imported, and a file whose
// top-level code changes process.env, or tests that leave it changed, fail the run: in a shared process that state
// would leak into other files' tests (set it inside the test and restore it, as withDataDir does).
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { after, before } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const changedKeys = (before, now) =>
  [...new Set([...Object.keys(before), ...Object.keys(now)])].filter((key) => before[key] !== now[key]);

// Unit tests start no processes: a test that does (or calls code that does) belongs in a *.integration.test.ts file.
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => {
    throw new Error(`child_process.${name} in a unit test: move the test to a *.integration.test.ts file`);
  };
}
syncBuiltinESMExports();

let imported;
const allImported = new Promise((done) => (imported = done));
before(() => allImported);

for (const file of process.argv.slice(2)) {
  const envBefore = { ...process.env };
  try {
    await import(pathToFileURL(resolve(file)).href);
  } catch (error) {
    console.error(`${file}: cannot be loaded:`, error);
    process.exit(1);
  }
  const changed = changedKeys(envBefore, process.env);
  if (changed.length > 0) {
    console.error(
      `${file}: changes process.env (${changed.join(', ')}) when imported; unit test files share a process,`,
    );
    console.error('so set it inside the test and restore it afterwards.');
    process.exit(1);
  }
}
const envAfterImports = { ...process.env };
imported();

after(() => {
  if (!isDeepStrictEqual(envAfterImports, { ...process.env }))
    throw new Error(`a unit test left process.env changed: ${changedKeys(envAfterImports, process.env).join(', ')}`);
});
