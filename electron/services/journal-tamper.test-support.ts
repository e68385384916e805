// Test support: rewriting a journal's plan line the way a process with the user's rights could (hostile-journal tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function journalPath(dataDir: string, id: string): string {
  return join(dataDir, 'journals', `${id}.jsonl`);
}

/** Applies `change` to the parsed plan line (the first line) and writes the journal back. */
export function tamperPlan(dataDir: string, id: string, change: (plan: Record<string, unknown>) => void): void {
  const lines = readFileSync(journalPath(dataDir, id), 'utf8').split('\n');
  const plan = JSON.parse(lines[0]!) as Record<string, unknown>;
  change(plan);
  lines[0] = JSON.stringify(plan);
  writeFileSync(journalPath(dataDir, id), lines.join('\n'));
}
