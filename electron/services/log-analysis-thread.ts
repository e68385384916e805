// Runs the log analyzer in worker threads (log-analysis-worker.ts), at most two, kept between analyses, so the app's
// main process and the preview server stay responsive whatever the log: a 2 GB file or a costly line never blocks them.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LogAnalysis } from '../../shared/contract/log-analysis.ts';
import type { LocalText } from '../../shared/knowledge/local-text.ts';
import { LogInputError, type LogInputProblemKind } from './log-file-analyzer.ts';

/** What a worker is asked: a file, or the bytes of one (a simulated machine's disk). */
export interface LogAnalysisJob {
  path: string;
  bytes?: Uint8Array;
}

export type LogAnalysisReply =
  { ok: true; analysis: LogAnalysis } | { ok: false; kind: LogInputProblemKind; text: LocalText };

/** Messages between the pool and a worker: one job at a time per worker. */
export interface LogAnalysisRequest {
  id: number;
  job: LogAnalysisJob;
}
export interface LogAnalysisResponse {
  id: number;
  reply: LogAnalysisReply;
}

/** Workers at most (a scan may name many logs, the machine has few cores); more jobs wait their turn. */
const MAX_WORKERS = 2;
/** How long an idle worker keeps the process alive after its last answer (the next request usually follows). */
const IDLE_GRACE_MS = 250;

/**
 * The worker's module next to this one: the TypeScript source when run from source (tsx, tests, the preview), the
 * bundled log-analysis-worker.cjs next to main.cjs in the packaged app (build-electron.mjs builds both), and
 * log-analysis-worker.mjs next to the prebuilt CLI's msi-doctor.mjs (build-cli.mjs builds both).
 */
export function workerUrl(from = import.meta.url): URL {
  const bundled = from.endsWith('.cjs') || from.endsWith('.mjs') ? from.slice(-4) : null;
  return new URL(bundled ? `./log-analysis-worker${bundled}` : './log-analysis-worker.ts', from);
}

/** From source, the worker first registers tsx in its own thread (Node 20 does not pass --import tsx to workers). */
const TS_BOOT =
  "const { workerData } = require('node:worker_threads');" +
  'import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });';

function startWorker(): Worker {
  const url = workerUrl();
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  // tsx's ESM API (its package's exports map: ./esm/api -> ./dist/esm/api/index.mjs).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  return new Worker(TS_BOOT, { eval: true, workerData: { tsx, entry: url.href } });
}

interface Slot {
  worker: Worker;
  /** Handed to a job that has not posted its request yet. */
  claimed: boolean;
  busy: { id: number; resolve: (r: LogAnalysisReply) => void; reject: (e: Error) => void } | null;
}

const slots: Slot[] = [];
const queue: Array<() => void> = [];
let nextId = 1;

function openSlot(): Slot {
  const slot: Slot = { worker: startWorker(), busy: null, claimed: false };
  const fail = (error: Error) => {
    slots.splice(slots.indexOf(slot), 1);
    slot.busy?.reject(error);
    slot.busy = null;
    queue.shift()?.();
  };
  slot.worker.on('message', (message: LogAnalysisResponse) => {
    const busy = slot.busy;
    if (!busy || busy.id !== message.id) return;
    slot.busy = null;
    // An idle worker must not keep the process alive (the CLI exits when its work is done), but the caller may ask
    // for the next analysis right after this one: stay ready a moment before letting go.
    setTimeout(() => {
      if (!slot.busy) slot.worker.unref();
    }, IDLE_GRACE_MS);
    busy.resolve(message.reply);
    queue.shift()?.();
  });
  slot.worker.on('error', (error) => fail(error));
  slot.worker.on('exit', (code) =>
    fail(new Error(`the log analysis thread stopped (exit code ${code}) before it answered`)),
  );
  slots.push(slot);
  return slot;
}

/** Claims a worker for one job: an idle one, a new one while there are fewer than MAX_WORKERS, else waits. */
async function claimSlot(): Promise<Slot> {
  for (;;) {
    // Claimed synchronously (no await between finding a worker and marking it busy): jobs never share a worker.
    const slot = slots.find((s) => !s.busy && !s.claimed) ?? (slots.length < MAX_WORKERS ? openSlot() : null);
    if (slot) {
      slot.claimed = true;
      return slot;
    }
    await new Promise<void>((resolve) => queue.push(resolve));
  }
}

function run(job: LogAnalysisJob): Promise<LogAnalysisReply> {
  return claimSlot().then(
    (slot) =>
      new Promise<LogAnalysisReply>((resolve, reject) => {
        const id = nextId++;
        slot.claimed = false;
        slot.busy = { id, resolve, reject };
        slot.worker.ref();
        const request: LogAnalysisRequest = { id, job };
        slot.worker.postMessage(request, job.bytes ? [job.bytes.buffer as ArrayBuffer] : []);
      }),
  );
}

/** The analysis of a log, computed off the main thread. Throws LogInputError for bad input, like analyzeLogFile. */
export async function analyzeLogOffThread(job: LogAnalysisJob): Promise<LogAnalysis> {
  // A copy for the worker: the caller keeps its bytes (a transfer empties the buffer it is given).
  const own: LogAnalysisJob = job.bytes ? { path: job.path, bytes: new Uint8Array(job.bytes) } : { path: job.path };
  const reply = await run(own);
  if (!reply.ok) throw new LogInputError(reply.kind, reply.text);
  return reply.analysis;
}
