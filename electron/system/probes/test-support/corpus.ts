// Test helper: the recorded Windows outputs in ../shared/corpus (read at test time, never copied) and their sections.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WINDOWS_OUTPUTS = fileURLToPath(new URL('../../../../../shared/corpus/windows-outputs/', import.meta.url));
export const CORPUS_AVAILABLE = existsSync(WINDOWS_OUTPUTS);
export const CORPUS_SKIP = CORPUS_AVAILABLE
  ? false
  : `corpus not found at ${WINDOWS_OUTPUTS} (tests on recorded outputs skipped)`;

export function corpusFile(name: string): string {
  return readFileSync(WINDOWS_OUTPUTS + name, 'utf8');
}

/** Lines after a "---- <title> ----" marker whose title contains `title`, up to the next marker; '' if absent. */
export function corpusSection(name: string, title: string): string {
  const lines = corpusFile(name).split(/\r?\n/);
  const start = lines.findIndex((l) => /^---- .* ----$/.test(l) && l.includes(title));
  if (start < 0) throw new Error(`no section "${title}" in ${name}`);
  const end = lines.findIndex((l, i) => i > start && /^---- .* ----$/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}
