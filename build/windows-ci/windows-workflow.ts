// What build/windows-ci/windows-workflow.test.ts checks in .github/workflows/windows.yml (it cannot run here): the file
// is valid YAML with the jobs the README describes, and its steps name only npm scripts that package.json defines.
import { parse } from 'yaml';

export interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs?: Record<string, { 'runs-on'?: string; steps?: WorkflowStep[] }>;
}

/** Every problem of the workflow text, as lines (empty = fine). */
export function workflowProblems(text: string, scripts: Record<string, string>): string[] {
  let doc: Workflow;
  try {
    doc = parse(text, { strict: true, uniqueKeys: true }) as Workflow;
  } catch (error) {
    return [`not valid YAML: ${(error as Error).message.split('\n')[0]}`];
  }
  const problems: string[] = [];
  const jobs = doc?.jobs ?? {};
  if (Object.keys(jobs).length === 0) problems.push('no jobs');
  for (const [id, job] of Object.entries(jobs)) {
    if (!job['runs-on']) problems.push(`${id}: no runs-on`);
    for (const step of job.steps ?? []) {
      const label = `${id}: ${step.name ?? step.uses ?? step.run?.split('\n')[0]}`;
      if (step.uses && !/^actions\/[a-z-]+@v\d+$/.test(step.uses))
        problems.push(`${label}: only GitHub's own actions, pinned to a major version`);
      for (const line of (step.run ?? '').split('\n')) {
        for (const m of line.matchAll(/\bnpm\s+(run|ci|test|install|start)\b(?:\s+--silent)?(?:\s+([\w:-]+))?/g)) {
          if (m[1] === 'install' || m[1] === 'start')
            problems.push(`${label}: CI uses npm ci and npm run, never npm ${m[1]}`);
          if (m[1] === 'run' && (!m[2] || !(m[2] in scripts)))
            problems.push(`${label}: npm run ${m[2] ?? ''} is not a script in package.json`);
        }
        if (/\bnpx\b/.test(line)) problems.push(`${label}: npx may download: use an npm script`);
      }
    }
  }
  return problems;
}

/** The `run` text of every step, by job, for the tests' content checks. */
export function workflowSteps(text: string): Record<string, WorkflowStep[]> {
  const doc = parse(text) as Workflow;
  return Object.fromEntries(Object.entries(doc.jobs ?? {}).map(([id, job]) => [id, job.steps ?? []]));
}
