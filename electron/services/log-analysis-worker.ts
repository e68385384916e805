// The worker thread that analyzes logs (a file on disk, or bytes a simulated machine holds) one at a time for
// log-analysis-thread.ts, so the window and the preview server never wait on a slow or huge file.
import { parentPort } from 'node:worker_threads';
import { Readable } from 'node:stream';
import { analyzeLogFile, analyzeLogStream, LogInputError } from './log-file-analyzer.ts';
import type {
  LogAnalysisJob,
  LogAnalysisReply,
  LogAnalysisRequest,
  LogAnalysisResponse,
} from './log-analysis-thread.ts';

async function run(job: LogAnalysisJob): Promise<LogAnalysisReply> {
  try {
    const analysis =
      job.bytes !== undefined
        ? await analyzeLogStream(Readable.from([Buffer.from(job.bytes)]), job.path)
        : await analyzeLogFile(job.path);
    return { ok: true, analysis };
  } catch (error) {
    if (error instanceof LogInputError) return { ok: false, kind: error.kind, text: error.text };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: 'unreadable', text: { en: message, 'zh-CN': message } };
  }
}

parentPort?.on('message', (request: LogAnalysisRequest) => {
  void run(request.job).then((reply) => {
    const response: LogAnalysisResponse = { id: request.id, reply };
    parentPort?.postMessage(response);
  });
});
