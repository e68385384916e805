// The real-log corpus beside the repo (../shared/corpus/msi-logs, msi-logs-2): its annotated cases, for the analyzer's
// and the diagnosis' corpus tests. Never copied into the repo; absent -> the tests skip with a message.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const CORPUS_FOLDERS = ['msi-logs', 'msi-logs-2'] as const;

export type CorpusExpect = Partial<
  Record<'outcome' | 'exitCode' | 'operation' | 'format' | 'primaryError' | 'failedAction' | 'topCause', unknown>
>;

export interface CorpusCase {
  log: string;
  path: string;
  expect: CorpusExpect;
}

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The folder's cases, or why they are skipped. */
export function corpusCases(folder: string): { skip: string | false; cases: CorpusCase[] } {
  const dir = join(repo, '..', 'shared', 'corpus', folder);
  if (!existsSync(dir)) return { skip: `corpus folder not found at ${dir} (it lives beside the repo)`, cases: [] };
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((name) => {
      const spec = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { log: string; expect: CorpusExpect };
      return { log: spec.log, path: join(dir, spec.log), expect: spec.expect };
    });
  return { skip: false, cases };
}

/** The same log as Windows usually writes it: UTF-16LE with BOM, CRLF. */
export function toUtf16LeCrlf(bytes: Uint8Array): Uint8Array {
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? new TextDecoder('utf-16le').decode(bytes.subarray(2))
      : new TextDecoder('utf-8').decode(bytes);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
}
