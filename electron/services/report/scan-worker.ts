// Worker-thread entry of the report's scan pool (scan-pool.ts): answers ScanHost requests posted by the main thread.
// Bundled beside the CLI and Electron main bundles as report-scan-worker.mjs / .cjs (build/scripts).
import { parentPort } from 'node:worker_threads';
import { ScanHost, type ScanRequest } from './scan-host.ts';

const host = new ScanHost();
parentPort?.on('message', (request: ScanRequest) => parentPort?.postMessage(host.handle(request)));
