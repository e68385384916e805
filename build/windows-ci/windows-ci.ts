// The checks of the Windows workflow (.github/workflows/windows.yml), runnable and tested here as well:
//   build-msi DIR               the round trip's tiny test package (wixl + msitools: the workflow's Linux job)
//   check-scan FILE             a `msi-doctor scan --json` result against msi-doctor/scan@1
//   check-analysis FILE OUTCOME `msi-doctor analyze --json` of one verbose log: valid msi-doctor/log-analysis@1 with
//                               that outcome (the install and the uninstall of the round trip both succeed)
// Bad input or a failed check: one line on stderr and exit 1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scanResultSchema } from '../../shared/contract/scan.ts';
import { logAnalysisSchema } from '../../shared/contract/log-analysis.ts';
import { buildTestPackage, type TestPackageSpec } from '../../electron/system/msi-packages/build-test-package.ts';

/** Per-machine (the runner's account is an administrator), one small file under Program Files. */
export const ROUND_TRIP_PACKAGE: TestPackageSpec = {
  name: 'windows-ci-round-trip',
  productName: 'MSI Doctor CI round trip',
  version: '1.0.0',
  scope: 'perMachine',
};

class CheckFailed extends Error {}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new CheckFailed(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CheckFailed(`${file}: not JSON`);
  }
}

function issueOf(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

export function checkScan(file: string): string {
  const checked = scanResultSchema.safeParse(readJson(file));
  if (!checked.success)
    throw new CheckFailed(`${file}: not a valid msi-doctor/scan@1 result (${issueOf(checked.error)})`);
  const errors = checked.data.evidence.filter((e) => e.status === 'error').map((e) => e.probe);
  return `${file}: valid msi-doctor/scan@1, ${checked.data.evidence.length} probes (errors: ${errors.join(', ') || 'none'})`;
}

export function checkAnalysis(file: string, outcome: string): string {
  const value = readJson(file);
  const checked = logAnalysisSchema.safeParse(Array.isArray(value) && value.length === 1 ? value[0] : value);
  if (!checked.success)
    throw new CheckFailed(`${file}: not a valid msi-doctor/log-analysis@1 (${issueOf(checked.error)})`);
  if (checked.data.outcome !== outcome)
    throw new CheckFailed(
      `${file}: outcome ${checked.data.outcome}, expected ${outcome} (exit code ${checked.data.exitCode})`,
    );
  return `${file}: ${checked.data.operation} of ${checked.data.product.name ?? 'a product'}: ${checked.data.outcome}`;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'build-msi' && rest.length === 1) {
      console.log(buildTestPackage(ROUND_TRIP_PACKAGE, resolve(rest[0]!)));
    } else if (command === 'check-scan' && rest.length === 1) {
      console.log(checkScan(rest[0]!));
    } else if (command === 'check-analysis' && rest.length === 2) {
      console.log(checkAnalysis(rest[0]!, rest[1]!));
    } else {
      console.error('usage: windows-ci build-msi DIR | check-scan FILE | check-analysis FILE OUTCOME');
      return 2;
    }
    return 0;
  } catch (error) {
    console.error(
      error instanceof CheckFailed ? error.message : `windows-ci: ${(error as Error).message.split('\n')[0]}`,
    );
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
