// Fakes for the facade's tests: a ScanResult builder and an in-memory machine/analyzer/report behind the ports.
import type { ScanResult } from '../../shared/contract/scan.ts';
import type { RepairPlan, RepairOutcome } from '../../shared/contract/repair.ts';
import type { ApiEvents } from '../../shared/contract/api.ts';
import type { AppServiceDeps, MachinePort } from './app-service-ports.ts';
import { ServiceError } from './service-error.ts';

type RepairProgress = ApiEvents['repairProgress'];

export function fakeScan(scanId: string, startedAt: string): ScanResult {
  return {
    schema: 'msi-doctor/scan@1',
    scanId,
    startedAt,
    durationMs: 12,
    environment: {
      kind: 'simulated',
      scenario: 'fake',
      windowsVersion: '10.0.22631',
      windowsLanguage: 'en-US',
      computerName: 'WS',
      userName: 'u',
      elevated: false,
    },
    symptom: { input: '1618', exitCodes: [1618], messageNumbers: [], sources: [], unknown: false, notes: [] },
    evidence: [],
    logs: [],
    findings: [
      {
        cause: 'another-install-in-progress',
        confidence: 0.9,
        kind: 'cause',
        title: { key: 'cause.another-install-in-progress.title', params: {} },
        explanation: { key: 'cause.another-install-in-progress.explanation', params: {} },
        reasons: [],
        supporting: [],
        contradicting: [],
        repairs: ['wait-for-installer'],
        manualSteps: [],
        myths: [],
      },
    ],
    notChecked: [],
    elevation: 'not-needed',
  };
}

export function fakePlan(planId: string): RepairPlan {
  return {
    planId,
    repair: 'wait-for-installer',
    title: { key: 'repair.wait-for-installer.title', params: {} },
    description: { key: 'repair.wait-for-installer.description', params: {} },
    risk: 'none',
    reversible: true,
    needsElevation: false,
    steps: [],
    backups: [],
    warnings: [],
    confirmations: [],
    targets: ['another-install-in-progress'],
    params: {},
  };
}

/** A fake machine whose scan waits for `release()` (so cancel can be tested) unless autoFinish is set. */
export function fakeDeps(log: string[]): AppServiceDeps & { release: () => void } {
  let release = (): void => {};
  const machineFor = (scenario: string): MachinePort => ({
    environment: {
      kind: 'simulated',
      scenario,
      windowsVersion: null,
      windowsLanguage: null,
      computerName: null,
      userName: null,
      elevated: false,
    },
    async scan(request, { scanId, signal, onProgress }) {
      log.push(`scan ${scenario} ${request.symptom}`);
      onProgress({
        scanId,
        probe: 'installer-service',
        phase: 'started',
        elevated: false,
        durationMs: null,
        evidence: null,
      });
      if (request.symptom === 'slow') {
        await new Promise<void>((resolve) => {
          release = resolve;
          signal.addEventListener('abort', () => resolve());
        });
      }
      return fakeScan(scanId, new Date().toISOString());
    },
    async analyzeLog(path) {
      throw new Error(`boom with a secret stack for ${path}`);
    },
    async localCopy(path) {
      return path;
    },
    async runKeyFile(program, argument) {
      log.push(`run-key-file ${program} ${argument}`);
      return { program, exists: true, ran: true, notRun: null, exitCode: 0, stdout: 'fake 1.0\n', stderr: '' };
    },
    repairs: (() => {
      const plans = new Map<string, RepairPlan>();
      return {
        async plan(repair: string) {
          log.push(`plan ${repair}`);
          const plan = fakePlan(`plan-${log.length}`);
          plans.set(plan.planId, plan);
          return plan;
        },
        async run(
          planId: string,
          { confirmations, onProgress }: { confirmations: string[]; onProgress: (p: RepairProgress) => void },
        ): Promise<RepairOutcome> {
          const plan = plans.get(planId);
          if (!plan) throw new ServiceError('not-found', 'This repair plan is no longer available.');
          plans.delete(planId);
          onProgress({ planId, stepId: 's1', phase: 'finished', status: 'succeeded' });
          log.push(`run ${planId} ${confirmations.join(',')}`);
          return {
            schema: 'msi-doctor/repair@1',
            journalId: 'j1',
            plan,
            status: 'succeeded',
            steps: [],
            verified: true,
            verification: [],
            rebootRequired: false,
            undoAvailable: false,
            message: null,
          };
        },
        cancel: () => ({ cancelled: false }),
        isRunning: () => false,
        async undo(journalId) {
          throw new Error(`undo ${journalId} not expected`);
        },
        async listJournals() {
          return [];
        },
      };
    })(),
  });
  return {
    get release() {
      return () => release();
    },
    async openMachine(options) {
      log.push(`open ${options.simulate ?? options.scenarioFile ?? 'real'}`);
      return machineFor(options.simulate ?? 'file');
    },
    async listScenarios() {
      return [
        { name: 'healthy', title: { en: 'Healthy', 'zh-CN': '正常' }, description: { en: '', 'zh-CN': '' } },
        { name: '1618-stuck-client-install', title: { en: '1618', 'zh-CN': '' }, description: { en: '', 'zh-CN': '' } },
      ];
    },
    parseSymptom(text) {
      return { input: text, exitCodes: [], messageNumbers: [], sources: [], unknown: true, notes: [] };
    },
    reports: {
      async previewRedaction() {
        return { items: [{ kind: 'user', placeholder: '<user-1>', sample: 'zhang.wei', count: 3 }] };
      },
      async export(session, options) {
        log.push(`export ${session.sessionId} ${options.format} ${options.outPath}`);
        return { bytes: 42 };
      },
    },
  };
}
