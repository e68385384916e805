// What "does it work in a new terminal?" says about one product, as text refs: the wizard's verify step and
// `msi-doctor verify` show the same sentences (texts/products.ts, en + zh-CN).
import type { TextRef } from '../contract/evidence.ts';
import type { PathEnvironmentData, ProductReach } from '../contract/evidence-data.ts';
import { isKnownProductId, knownProduct } from './known-products.ts';

const NOT_RUN = new Set(['not-found', 'elevated', 'not-asked', 'timed-out', 'time-limit']);

export interface ProductCheckView {
  id: string;
  name: TextRef;
  state: TextRef;
  /** "go version", as typed. */
  command: string | null;
  /** What it printed (at most 6 lines), or null with `why` saying why there is none. */
  output: string | null;
  why: TextRef | null;
}

export function productCheckView(p: ProductReach): ProductCheckView {
  const run = p.runs[0];
  const printed = run?.ran ? (run.stdout.trim() || run.stderr.trim()).split(/\r?\n/).slice(0, 6).join('\n') : '';
  const why: TextRef | null = printed
    ? null
    : run?.ran
      ? { key: 'after-install.no-output', params: { code: run.exitCode ?? '?' } }
      : { key: `after-install.not-run.${NOT_RUN.has(run?.notRun ?? '') ? run!.notRun : 'not-found'}`, params: {} };
  return {
    id: p.id,
    name: isKnownProductId(p.id) ? { key: knownProduct(p.id).nameKey, params: {} } : { key: p.id, params: {} },
    state: { key: `after-install.state.${p.state}`, params: {} },
    command: run?.command ?? null,
    output: printed || null,
    why,
  };
}

/**
 * Terminals opened before the change keep the old PATH: true when a product that lives on PATH answers in a fresh
 * environment but this app's own (inherited) PATH does not reach it (the probe's 'new-terminal' state).
 */
export function needsNewTerminal(data: PathEnvironmentData): boolean {
  return data.products.some((p) => p.state === 'new-terminal');
}

/**
 * Step 5 offers to run a program the user names (only on request) when no product the check is about answered: the
 * installed product is not a known one, or its version command printed nothing. Products that simply work, as they did
 * before (7-Zip on a 2503 walk), are not what was installed, so they do not count.
 */
export function offersAskedRun(data: PathEnvironmentData | null): boolean {
  return !data?.products.some((p) => p.state !== 'works' && productCheckView(p).output !== null);
}
