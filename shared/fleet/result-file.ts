// One fleet result file (msi-doctor/scan@1 or msi-doctor/report@1 JSON) -> the few facts a fleet summary needs, or
// why the file is refused. Only the fields used are validated, so newer versions' extra fields never break it.
import { z } from 'zod';
import { isCauseId, type CauseId } from '../contract/ids.ts';
import type { TextRef } from '../contract/evidence.ts';
import { isIssue } from './issues.ts';

export interface MachineIssue {
  cause: CauseId;
  kind: 'cause' | 'security';
  confidence: number;
}

export interface MachineResult {
  file: string;
  /** The computer's name; the file's name when the result names none or is a redacted report. */
  machine: string;
  scannedAt: string | null;
  source: 'scan' | 'report';
  simulated: boolean;
  /** Ranked as the diagnosis ranked them. */
  issues: MachineIssue[];
  /** Products whose install failed on this machine (MSI logs' product names, deployments' applications). */
  products: string[];
}

export type ReadResult = { ok: true; result: MachineResult } | { ok: false; reason: TextRef };

/** A result file larger than this is not one (a scan with logs is a few hundred KB). */
export const MAX_RESULT_BYTES = 32 * 1024 * 1024;

const findingLite = z.object({ cause: z.string(), kind: z.string(), confidence: z.number() });
const logLite = z.object({
  outcome: z.string(),
  product: z.object({ name: z.string().nullable() }).optional(),
  deployments: z
    .array(
      z.object({ application: z.string().nullable(), appId: z.string().nullable().optional(), outcome: z.string() }),
    )
    .optional(),
});
const environmentLite = z.object({ kind: z.string(), computerName: z.string().nullable() });

const scanLite = z.object({
  schema: z.literal('msi-doctor/scan@1'),
  startedAt: z.string(),
  environment: environmentLite,
  logs: z.array(logLite),
  findings: z.array(findingLite),
});
const reportLite = z.object({
  schema: z.literal('msi-doctor/report@1'),
  redacted: z.boolean(),
  environment: environmentLite,
  scan: z.object({ startedAt: z.string() }),
  logs: z.array(z.object({ analysis: logLite })),
  findings: z.array(findingLite),
});

function reason(key: string, params: Record<string, string | number> = {}): ReadResult {
  return { ok: false, reason: { key: `fleet.refused.${key}`, params } };
}

/** A message from a parser, kept to one short line (it may quote the file's own text). */
export function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120)
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

const FAILED = new Set(['failure', 'not-detected', 'retry']);

/**
 * Products whose install failed: deployments' applications and failed MSI logs' product names. A deployment named
 * after the product its MSI log names ("Contoso Ledger 4.6 - Windows Installer (*.msi file)" and "Contoso Ledger
 * 4.6") is one product: the MSI log's name is kept, so machines group by product across deployment tools.
 */
function productsOf(logs: Array<z.infer<typeof logLite>>): string[] {
  const msi = new Set<string>();
  const deployed = new Set<string>();
  for (const log of logs) {
    if (log.deployments) {
      for (const d of log.deployments) if (FAILED.has(d.outcome)) deployed.add((d.application ?? d.appId ?? '').trim());
    } else if (log.outcome === 'failure' && log.product?.name) msi.add(log.product.name.trim());
  }
  const msiNames = [...msi].filter(Boolean);
  const lower = msiNames.map((n) => n.toLowerCase());
  const named = [...deployed].filter((d) => d && !lower.some((n) => d.toLowerCase().startsWith(n)));
  return [...msiNames, ...named].slice(0, 20);
}

function issuesOf(findings: Array<z.infer<typeof findingLite>>): MachineIssue[] {
  const out: MachineIssue[] = [];
  for (const f of findings) {
    if (f.kind !== 'cause' && f.kind !== 'security') continue;
    // A cause id from a newer version is still an issue; it counts as "not identified" here.
    const cause: CauseId = isCauseId(f.cause) ? f.cause : 'unknown';
    const confidence = Math.min(1, Math.max(0, f.confidence));
    if (isIssue({ kind: f.kind, cause, confidence })) out.push({ cause, kind: f.kind, confidence });
  }
  return out;
}

/** Reads one file's text. Never throws: anything that is not a result file says why. */
export function readResultFile(file: string, text: string): ReadResult {
  if (text.trim() === '') return reason('empty');
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return reason('not-json', { detail: oneLine(error instanceof Error ? error.message : String(error)) });
  }
  const schema =
    json && typeof json === 'object' && !Array.isArray(json) ? (json as { schema?: unknown }).schema : undefined;
  const isScan = schema === 'msi-doctor/scan@1';
  const isReport = schema === 'msi-doctor/report@1';
  if (!isScan && !isReport)
    return typeof schema === 'string' ? reason('other-schema', { schema: schema.slice(0, 60) }) : reason('no-schema');
  const parsed = isScan ? scanLite.safeParse(json) : reportLite.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reason('invalid', {
      kind: isScan ? 'scan' : 'report',
      where: oneLine(issue?.path.join('.') || '(root)'),
      detail: oneLine(issue?.message ?? 'invalid'),
    });
  }
  const value = parsed.data;
  const logs = 'scan' in value ? value.logs.map((l) => l.analysis) : value.logs;
  const scannedAt = 'scan' in value ? value.scan.startedAt : value.startedAt;
  // A redacted report names every computer with the same placeholder: its file stands for the machine then.
  const redacted = 'redacted' in value && value.redacted;
  const name = redacted ? undefined : value.environment.computerName?.trim();
  return {
    ok: true,
    result: {
      file,
      machine: name ? name.slice(0, 100) : baseName(file).replace(/\.json$/i, ''),
      scannedAt: Number.isNaN(Date.parse(scannedAt)) ? null : scannedAt,
      source: isScan ? 'scan' : 'report',
      simulated: value.environment.kind === 'simulated',
      issues: issuesOf(value.findings),
      products: productsOf(logs),
    },
  };
}
