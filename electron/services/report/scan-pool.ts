// Spreads the pure scans of a big log's redaction (learning-pass reads, redact-pass findings) over worker threads,
// while the main thread decodes, learns from the results in file order and writes the redacted copy. Whatever a
// thread fails to answer (it could not start, it crashed) comes back as null and is done on the main thread, so the
// output never depends on the threads: it is byte for byte what the serial passes write (scan-pool tests).
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../../shared/report/redaction/findings.ts';
import type { Redactor } from '../../../shared/report/redaction/redactor.ts';
import {
  ScanHost,
  type LinesText,
  type LinesToScan,
  type PieceScan,
  type ScanReply,
  type ScanRequest,
} from './scan-host.ts';

/** Carries requests to the lanes that answer them: threads, or the calling thread itself. */
interface Transport {
  readonly lanes: number;
  send(lane: number, request: ScanRequest): Promise<ScanReply | null>;
  close(): Promise<void>;
}

/** The worker entry beside this module: the .ts source under tsx, or the bundled report-scan-worker.<ext> beside a bundle. */
export function scanWorkerUrl(moduleUrl: string = import.meta.url): URL {
  const ext = extname(fileURLToPath(moduleUrl));
  return ext === '.ts' ? new URL('./scan-worker.ts', moduleUrl) : new URL(`./report-scan-worker${ext}`, moduleUrl);
}

/**
 * The worker entry as one CommonJS script, bundled in memory with esbuild when running from the TypeScript sources
 * (tests, benches, `npm start`): the threads then run plain JavaScript, as they do from the bundles, without a
 * TypeScript loader (and its own loader thread) in each of them. Built once per process.
 */
let sourceBundle: Promise<string> | null = null;
function bundledFromSources(entry: URL): Promise<string> {
  sourceBundle ??= (async () => {
    // A computed name: the CLI and Electron bundles never take esbuild in (they start the prebuilt entry instead).
    const builder = 'esbuild';
    const esbuild = (await import(builder)) as typeof import('esbuild');
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  })();
  return sourceBundle;
}

/**
 * Pieces a lane holds at once: one being scanned, two waiting, so it never idles between two, nor while the calling
 * thread is busy with its own work (reading, copying, learning, writing) before it sends more. With two waiting, the
 * calling thread (the busier one) scanned 94 of the 203 pieces of a 100 MB learning pass itself; with three, 80.
 */
const PER_LANE = 3;
/**
 * A lane's heap: small, so a thread's garbage is collected early (a piece is a few MB). A young generation of 8 MB, not
 * 4: a piece's text is then less often still in use at a scavenge (promoted, it waits for a full collection), which
 * cost the scan thread about 6% of its CPU (500 MB export at load 8-10), for no more peak RSS; 16 MB gained no more.
 */
const LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };

async function startWorker(url: URL): Promise<Worker> {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { resourceLimits: LIMITS });
  return new Worker(await bundledFromSources(url), { eval: true, resourceLimits: LIMITS });
}

class InlineTransport implements Transport {
  private readonly hosts: ScanHost[];
  constructor(readonly lanes: number) {
    this.hosts = Array.from({ length: lanes }, () => new ScanHost());
  }
  /** Answered on a later turn of the event loop, as a thread would: pieces stay in flight meanwhile. */
  send(lane: number, request: ScanRequest): Promise<ScanReply | null> {
    return new Promise((resolve) => setImmediate(() => resolve(this.hosts[lane]!.handle(request))));
  }
  async close(): Promise<void> {}
}

interface Lane {
  worker: Worker | null;
  starting?: Promise<Worker | null>;
  broken: boolean;
  pending: Map<number, (reply: ScanReply | null) => void>;
}

class WorkerTransport implements Transport {
  private readonly pool: Lane[];
  constructor(
    readonly lanes: number,
    private readonly url: URL,
  ) {
    this.pool = Array.from({ length: lanes }, () => ({ worker: null, broken: false, pending: new Map() }));
  }

  async send(lane: number, request: ScanRequest): Promise<ScanReply | null> {
    const state = this.pool[lane]!;
    const worker = await this.start(state);
    if (!worker) return null;
    return new Promise((resolve) => {
      state.pending.set(request.id, resolve);
      // Referenced only while it owes an answer: an idle pool never keeps the process alive.
      worker.ref();
      worker.postMessage(request);
    });
  }

  private start(state: Lane): Promise<Worker | null> {
    state.starting ??= startWorker(this.url).then(
      (worker) => {
        if (state.broken) {
          void worker.terminate();
          return null;
        }
        worker.on('message', (reply: ScanReply) => {
          const resolve = state.pending.get(reply.id);
          state.pending.delete(reply.id);
          if (state.pending.size === 0) worker.unref();
          resolve?.(reply);
        });
        const fail = () => this.fail(state);
        worker.on('error', fail);
        worker.on('exit', fail);
        state.worker = worker;
        return worker;
      },
      () => {
        state.broken = true;
        return null;
      },
    );
    return state.starting.then((worker) => (state.broken ? null : worker));
  }

  /** A lane that failed answers null from now on: its pieces are done on the main thread. */
  private fail(state: Lane): void {
    state.broken = true;
    state.worker = null;
    for (const resolve of state.pending.values()) resolve(null);
    state.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(
      this.pool.map(async (state) => {
        state.broken = true;
        const worker = state.worker ?? (await state.starting);
        state.worker = null;
        if (worker) await worker.terminate().catch(() => undefined);
      }),
    );
  }
}

/** Reads pieces for one redactor's learning pass; each lane is sent the hidden names it has not been sent yet. */
export class PieceLearner {
  private readonly sent: number[];
  constructor(
    private readonly pool: ScanPool,
    private readonly redactor: Redactor,
    private readonly session: number,
  ) {
    this.sent = new Array<number>(pool.lanes).fill(0);
  }

  /**
   * What learn(text) would read, from a lane (with `check`, also whether the text reads as plain UTF-16): null (nothing
   * sent) when every lane is busy; resolves to null when the lane failed. Either way the caller reads the piece on its
   * own thread.
   */
  scan(lines: LinesText, check = false): Promise<PieceScan | null> | null {
    const lane = this.pool.freeLane();
    if (lane < 0) return null;
    const hiddenAdded = this.redactor.hiddenNamesFrom(this.sent[lane]!);
    this.sent[lane] = this.redactor.hiddenCount;
    return this.pool
      .send(lane, { op: 'learn', id: 0, session: this.session, hiddenAdded, lines, check })
      .then((reply) => (reply && 'scan' in reply ? { scan: reply.scan, plain: reply.plain } : null));
  }
}

/** Finds what to replace in whole lines for one (fully learned) redactor; each lane gets its snapshot when it changed. */
export class LineFinder {
  private readonly versions: number[];
  constructor(
    private readonly pool: ScanPool,
    private readonly redactor: Redactor,
    private readonly session: number,
  ) {
    this.versions = new Array<number>(pool.lanes).fill(-1);
  }

  /** redactor.findings(text, known) of the lines from a lane; null as for PieceLearner.scan (the caller then finds them). */
  find(lines: LinesToScan): Promise<Finding[] | null> | null {
    const lane = this.pool.freeLane();
    if (lane < 0) return null;
    const version = this.redactor.stateVersion;
    const snapshot = this.versions[lane] === version ? null : this.redactor.snapshot();
    this.versions[lane] = version;
    return this.pool
      .send(lane, { op: 'find', id: 0, session: this.session, snapshot, lines })
      .then((reply) => (reply && 'findings' in reply ? reply.findings : null));
  }
}

export class ScanPool {
  private nextId = 1;
  private nextSession = 1;
  private readonly sessions = new WeakMap<Redactor, number>();
  /**
   * Scans answered by the lanes, those left to the calling thread (a lane that failed), and those sent as the bytes of
   * UTF-16 lines, by pass: for tests and benches.
   */
  readonly counts = { answered: 0, unanswered: 0, sentAsBytes: { learn: 0, find: 0 } };
  private readonly outstanding: number[];

  private constructor(private readonly transport: Transport) {
    this.outstanding = new Array<number>(transport.lanes).fill(0);
  }

  /**
   * How many pieces a caller may hold in flight: a few per lane, plus those it takes itself when the lanes are busy.
   * (The calling thread is a worker too: it scans what the lanes cannot take in time, so no thread waits for long.)
   */
  get depth(): number {
    return this.lanes * PER_LANE + 2;
  }

  /** The lane with the fewest pieces in hand, or -1 when each already holds PER_LANE. */
  freeLane(): number {
    let best = -1;
    for (let lane = 0; lane < this.outstanding.length; lane++)
      if (this.outstanding[lane]! < PER_LANE && (best < 0 || this.outstanding[lane]! < this.outstanding[best]!))
        best = lane;
    return best;
  }

  /**
   * Worker threads (started on first use): one per core besides the calling thread's (at least 1, at most 3); on 2
   * cores, two lanes measured slower than one (the calling thread decodes, learns and writes: it is busy too).
   */
  static threads(lanes = Math.max(1, Math.min(3, availableParallelism() - 1)), url: URL = scanWorkerUrl()): ScanPool {
    return new ScanPool(new WorkerTransport(lanes, url));
  }

  /** The same protocol answered on the calling thread (tests of the parallel path's bookkeeping). */
  static inline(lanes = 2): ScanPool {
    return new ScanPool(new InlineTransport(lanes));
  }

  get lanes(): number {
    return this.transport.lanes;
  }

  /**
   * A learner for one pass over a file, in a session of its own: its lanes know only the hidden names it sends them
   * and those of the pieces it has them read (a pass given up half-way leaves nothing behind for the next one).
   */
  learner(redactor: Redactor): PieceLearner {
    return new PieceLearner(this, redactor, this.nextSession++);
  }

  finder(redactor: Redactor): LineFinder {
    return new LineFinder(this, redactor, this.sessionOf(redactor));
  }

  async send(lane: number, request: ScanRequest): Promise<ScanReply | null> {
    this.outstanding[lane]!++;
    if (request.lines.bytes) this.counts.sentAsBytes[request.op]++;
    const reply = await this.transport.send(lane, { ...request, id: this.nextId++ }).finally(() => {
      this.outstanding[lane]!--;
    });
    if (reply && !('error' in reply)) this.counts.answered++;
    else this.counts.unanswered++;
    return reply;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private sessionOf(redactor: Redactor): number {
    let id = this.sessions.get(redactor);
    if (id === undefined) {
      id = this.nextSession++;
      this.sessions.set(redactor, id);
    }
    return id;
  }
}
