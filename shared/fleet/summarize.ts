// Many machines' results -> the fleet view: causes by number of machines, by product, by machine, and the machines to
// act on first. The latest result of each machine counts (a machine scanned daily is one machine, not thirty).
import type { CauseId } from '../contract/ids.ts';
import type { MachineIssue, MachineResult } from './result-file.ts';

export interface MachineRow {
  machine: string;
  scannedAt: string | null;
  file: string;
  /** Result files seen for this machine (the latest one is summarized). */
  results: number;
  simulated: boolean;
  issues: MachineIssue[];
  products: string[];
  /** Higher = act sooner: the sum of its issues' confidence, security issues weighing 1.5x. */
  priority: number;
}

export interface CauseRow {
  cause: CauseId;
  kind: 'cause' | 'security';
  /** Machines where it is an issue. */
  machines: number;
  /** Machines where it is the top issue. */
  asTop: number;
}

export interface ProductRow {
  product: string;
  machines: number;
  /** The top causes on the machines where this product failed, most frequent first. */
  causes: Array<{ cause: CauseId; machines: number }>;
}

export interface FleetSummary {
  files: { read: number; refused: number };
  machines: number;
  machinesWithIssues: number;
  causes: CauseRow[];
  products: ProductRow[];
  machineRows: MachineRow[];
  /** Machines with issues, highest priority first (at most ACT_FIRST). */
  actFirst: MachineRow[];
}

export const ACT_FIRST = 20;
const SECURITY_WEIGHT = 1.5;

function priorityOf(issues: readonly MachineIssue[]): number {
  const sum = issues.reduce((s, i) => s + i.confidence * (i.kind === 'security' ? SECURITY_WEIGHT : 1), 0);
  return Math.round(sum * 1000) / 1000;
}

function newer(a: string | null, b: string | null): boolean {
  return (a ? Date.parse(a) : -Infinity) >= (b ? Date.parse(b) : -Infinity);
}

/** Adds results one by one (memory: one row per machine), then summarizes. */
export class FleetAccumulator {
  private readonly byMachine = new Map<string, MachineRow>();
  private read = 0;
  private refused = 0;

  add(result: MachineResult): void {
    this.read++;
    const key = result.machine.toLowerCase();
    const previous = this.byMachine.get(key);
    const results = (previous?.results ?? 0) + 1;
    if (previous && !newer(result.scannedAt, previous.scannedAt)) {
      previous.results = results;
      return;
    }
    this.byMachine.set(key, {
      machine: result.machine,
      scannedAt: result.scannedAt,
      file: result.file,
      results,
      simulated: result.simulated,
      issues: result.issues,
      products: result.products,
      priority: priorityOf(result.issues),
    });
  }

  refuse(): void {
    this.refused++;
  }

  summary(): FleetSummary {
    const rows = [...this.byMachine.values()].sort(
      (a, b) =>
        b.priority - a.priority ||
        (Date.parse(b.scannedAt ?? '') || 0) - (Date.parse(a.scannedAt ?? '') || 0) ||
        a.machine.localeCompare(b.machine),
    );
    const causes = new Map<CauseId, CauseRow>();
    const products = new Map<string, { machines: number; causes: Map<CauseId, number> }>();
    for (const row of rows) {
      const seen = new Set<CauseId>();
      row.issues.forEach((issue, i) => {
        if (seen.has(issue.cause)) return;
        seen.add(issue.cause);
        const c = causes.get(issue.cause) ?? { cause: issue.cause, kind: issue.kind, machines: 0, asTop: 0 };
        c.machines++;
        if (i === 0) c.asTop++;
        causes.set(issue.cause, c);
      });
      for (const product of new Set(row.products)) {
        const p = products.get(product) ?? { machines: 0, causes: new Map<CauseId, number>() };
        p.machines++;
        const top = row.issues[0]?.cause;
        if (top) p.causes.set(top, (p.causes.get(top) ?? 0) + 1);
        products.set(product, p);
      }
    }
    const withIssues = rows.filter((r) => r.issues.length > 0);
    return {
      files: { read: this.read, refused: this.refused },
      machines: rows.length,
      machinesWithIssues: withIssues.length,
      causes: [...causes.values()].sort(
        (a, b) => b.machines - a.machines || b.asTop - a.asTop || a.cause.localeCompare(b.cause),
      ),
      products: [...products.entries()]
        .map(([product, p]) => ({
          product,
          machines: p.machines,
          causes: [...p.causes.entries()]
            .map(([cause, machines]) => ({ cause, machines }))
            .sort((a, b) => b.machines - a.machines || a.cause.localeCompare(b.cause)),
        }))
        .sort((a, b) => b.machines - a.machines || a.product.localeCompare(b.product)),
      machineRows: rows,
      actFirst: withIssues.slice(0, ACT_FIRST),
    };
  }
}

export function summarizeFleet(results: readonly MachineResult[], refused = 0): FleetSummary {
  const acc = new FleetAccumulator();
  for (const r of results) acc.add(r);
  for (let i = 0; i < refused; i++) acc.refuse();
  return acc.summary();
}
