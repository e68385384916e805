// Binds the facade's ports to the real modules: system factory + scan service (machine), symptom parser,
// log analyzer, repair service + journals, report service. The only file of the facade that knows where they live.
import { createHash } from 'node:crypto';
import { mkdir, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { parseSymptom } from '../../shared/diagnosis/symptom.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import type { ScenarioInfo } from '../../shared/contract/api.ts';
import { listScenarios, loadScenario, ScenarioError } from '../system/simulated/index.ts';
import { listJournals } from './journal.ts';
import { createRepairServiceFor } from './repair-system.ts';
import { createReportService } from './report-service.ts';
import { runScan, ScanCancelledError } from './scan-service.ts';
import { ServiceError } from './service-error.ts';
import { createSystem, systemScanOptions, SystemUnavailableError, type SystemHandle } from './system-factory.ts';
import type { AppServiceDeps, MachinePort } from './app-service-ports.ts';
import { checkAskedProgram, fileOnMachine, runAskedProgram } from './asked-run.ts';
import type { LocalText } from '../../shared/knowledge/local-text.ts';

function scenarioInfo(name: string): ScenarioInfo {
  try {
    const { scenario } = loadScenario(name);
    return {
      name,
      title: scenario.title,
      description: scenario.description,
      symptom: scenario.expect.symptom,
      msiPath: scenario.msiPath,
      logPaths: scenario.logPaths,
    };
  } catch {
    return { name, title: { en: name, 'zh-CN': '' }, description: { en: '', 'zh-CN': '' } };
  }
}

/**
 * Errors of the layers below that are the user's to fix (a machine that cannot be opened, a bad scenario) or that
 * they asked for (a cancelled scan), as ServiceErrors, matched by class; anything else stays unexpected.
 */
export function asServiceError(error: unknown): unknown {
  if (error instanceof ServiceError) return error;
  if (error instanceof SystemUnavailableError || error instanceof ScenarioError)
    return new ServiceError('invalid-input', error.message);
  if (error instanceof ScanCancelledError) return new ServiceError('cancelled', 'The scan was cancelled.');
  return error;
}

async function rethrowing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asServiceError(error);
  }
}

/** Why an asked program did not run, in both languages (the wizard shows it in the step). */
function askedRefusal(problem: 'not-absolute-exe' | 'missing' | 'failed'): LocalText {
  const key = problem === 'missing' ? 'after-install.asked.missing' : `after-install.asked.${problem}`;
  return { en: translate({ key, params: {} }, 'en'), 'zh-CN': translate({ key, params: {} }, 'zh-CN') };
}

function machineFor(system: SystemHandle, dataDir: string, appPath: string | undefined): MachinePort {
  const simulated = system.simulation?.machine ?? null;
  // The repairs helper's wiring: on a simulated machine, paths are checked on its disk and time is its clock.
  // The app's own executable (Windows, packaged) lets the restart repair register the resume after the restart.
  const repairs = createRepairServiceFor(system, dataDir, !simulated && appPath ? { appPath } : {}, true);
  return {
    environment: system.environment,
    async scan(request, { scanId, signal, onProgress }) {
      const result = await rethrowing(async () =>
        runScan(
          request,
          {
            // Identity (the real user's SID for the elevated batch) and the machine's own clock (simulated ages).
            ...(await systemScanOptions(system)),
            parseSymptom,
            diagnose: (input) =>
              diagnose({
                symptom: input.symptom,
                evidence: input.evidence,
                logs: input.logs,
                environment: system.environment,
                msiPath: request.msiPath ?? null,
              }),
            newId: () => scanId,
          },
          { signal, onProgress },
        ),
      );
      return result;
    },
    async analyzeLog(path) {
      return rethrowing(() => system.analyzeLog(path));
    },
    async localCopy(path) {
      // Logs of a simulated scenario live on the simulated disk: copy them out once so the viewer can index them.
      const bytes = simulated?.readFile(path);
      if (!bytes) return path;
      const dir = join(dataDir, 'simulated-disk', createHash('sha256').update(path).digest('hex').slice(0, 16));
      const target = join(dir, path.split(/[\\/]/).pop() || 'file.log');
      try {
        await access(target);
      } catch {
        await mkdir(dir, { recursive: true });
        await writeFile(target, bytes);
      }
      return target;
    },
    readFile: (path) => simulated?.readFile(path) ?? null,
    repairs: {
      plan: (repair, params, from) =>
        rethrowing(() =>
          repairs.plan(repair, params, {
            evidence: from.evidence,
            ...(from.sessionId ? { sessionId: from.sessionId } : {}),
          }),
        ),
      run: (planId, { confirmations, onProgress }) =>
        rethrowing(() => repairs.run(planId, { confirmations, onProgress })),
      cancel: (planId) => repairs.cancel(planId),
      isRunning: () => repairs.isRunning(),
      undo: (journalId) => rethrowing(() => repairs.undo(journalId)),
      listJournals: async () => listJournals(dataDir),
    },
    async runKeyFile(program, argument) {
      const checked = checkAskedProgram(program, (path) => fileOnMachine(path, system));
      if (!checked.ok)
        throw new ServiceError('invalid-input', askedRefusal(checked.problem).en, askedRefusal(checked.problem));
      const asked = await rethrowing(async () =>
        runAskedProgram(checked.program, argument, {
          ...(await systemScanOptions(system)),
          parseSymptom,
          diagnose: (input) => diagnose({ ...input, environment: system.environment, msiPath: null }),
        }),
      );
      if (!asked) throw new ServiceError('unavailable', askedRefusal('failed').en, askedRefusal('failed'));
      return asked;
    },
  };
}

export function createDefaultDeps(options: { appVersion?: string; dataDir: string; appPath?: string }): AppServiceDeps {
  const reports = createReportService({
    dataDir: options.dataDir,
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    // translate() falls back to the key itself; the report wants null then, to show its own fallback.
    translate: (ref, lang) => {
      const text = translate(ref, lang);
      return text === ref.key ? null : text;
    },
  });
  return {
    async openMachine({ simulate, scenarioFile, platform, dataDir }) {
      return rethrowing(async () =>
        machineFor(
          createSystem({
            platform,
            ...(simulate !== undefined ? { simulate } : {}),
            ...(scenarioFile !== undefined ? { scenarioFile } : {}),
          }),
          dataDir,
          options.appPath,
        ),
      );
    },
    async listScenarios() {
      return listScenarios().map(scenarioInfo);
    },
    parseSymptom,
    reports: {
      // A session's report: its first scan's evidence and logs, the later logs, and only its own journals.
      previewRedaction: (session, previewOptions) =>
        rethrowing(() =>
          reports.previewRedaction(session.initial, { ...previewOptions, sessionId: session.sessionId, session }),
        ),
      export: (session, exportOptions) =>
        rethrowing(() => reports.export(session.initial, { ...exportOptions, sessionId: session.sessionId, session })),
    },
  };
}
