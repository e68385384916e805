// Small, hand-written contract objects (scan results, plans, outcomes) for wizard tests and the renderer's fake API.
import type { CauseId, ProbeId, RepairId } from '../contract/ids.ts';
import { asEvidence, type Evidence } from '../contract/evidence.ts';
import { evidenceOf, unansweredEvidence } from '../diagnosis/testing/evidence-builders.ts';
import type { Finding } from '../contract/finding.ts';
import type { EnvironmentInfo, ScanResult } from '../contract/scan.ts';
import type { ParsedSymptom } from '../contract/symptom.ts';
import type { RepairOutcome, RepairPlan } from '../contract/repair.ts';

export const SAMPLE_ENVIRONMENT: EnvironmentInfo = {
  kind: 'simulated',
  scenario: 'sample',
  windowsVersion: '10.0.22631',
  windowsLanguage: 'en-US',
  computerName: 'SIM-PC',
  userName: 'alex',
  elevated: false,
};

export function sampleSymptom(input: string): ParsedSymptom {
  const codes = [...input.matchAll(/\b(\d{4})\b/g)].map((m) => Number(m[1]));
  const messageNumbers = codes.filter((c) => [2503, 2502].includes(c));
  const exitCodes = codes.filter((c) => !messageNumbers.includes(c));
  return { input, exitCodes, messageNumbers, sources: [], unknown: codes.length === 0, notes: [] };
}

/** A probe's evidence: a healthy machine's data (none when the probe gave no answer), a sample raw output. */
export function sampleEvidence(probe: ProbeId, status: Evidence['status'] = 'ok'): Evidence {
  const base =
    status === 'error' || status === 'not-checked'
      ? unansweredEvidence(probe, status)
      : evidenceOf(probe, undefined, status);
  return asEvidence({
    ...base,
    summary: { key: `probe.${probe}.${status}`, params: {} },
    raw: [
      {
        command: `check ${probe}`,
        exitCode: 0,
        stdout: `${probe}: ${status}`,
        stderr: '',
        durationMs: 5,
        elevated: false,
      },
    ],
    durationMs: 5,
  });
}

export function sampleFinding(
  cause: CauseId,
  confidence: number,
  repairs: RepairId[],
  kind: Finding['kind'] = 'cause',
): Finding {
  return {
    cause,
    confidence,
    kind,
    title: { key: `cause.${cause}.title`, params: {} },
    explanation: { key: `cause.${cause}.explanation`, params: {} },
    reasons: [],
    supporting: [{ kind: 'probe', probe: 'temp-folders' }],
    contradicting: [],
    repairs,
    manualSteps: [],
    myths: [],
    repairParams: {},
  };
}

export function sampleScan(findings: Finding[], options: { scanId?: string; input?: string } = {}): ScanResult {
  return {
    schema: 'msi-doctor/scan@1',
    scanId: options.scanId ?? 'scan-1',
    startedAt: '2026-01-01T10:00:00.000Z',
    durationMs: 1200,
    environment: SAMPLE_ENVIRONMENT,
    symptom: sampleSymptom(options.input ?? '2503'),
    evidence: [sampleEvidence('temp-folders', findings.length ? 'problem' : 'ok')],
    logs: [],
    findings,
    notChecked: [],
    elevation: 'granted',
  };
}

export function samplePlan(repair: RepairId, planId = `plan-${repair}`): RepairPlan {
  const commandLine =
    repair === 'retry-install-elevated-logged'
      ? 'msiexec.exe /i "C:\\Users\\alex\\Downloads\\app.msi" /l*v "C:\\ProgramData\\MSI Doctor\\logs\\retry.log"'
      : `run ${repair}`;
  return {
    planId,
    repair,
    title: { key: `repair.${repair}.title`, params: {} },
    description: { key: `repair.${repair}.description`, params: {} },
    risk: 'low',
    reversible: true,
    needsElevation: true,
    steps: [
      {
        id: 'change-1',
        kind: repair === 'retry-install-elevated-logged' ? 'run-install' : 'change',
        description: { key: 'step', params: {} },
        commandLine,
        elevated: true,
      },
    ],
    backups: [],
    warnings: [],
    confirmations: [],
    targets: [],
    params: {},
    installLog:
      repair === 'retry-install-elevated-logged' ? { path: 'C:\\ProgramData\\MSI Doctor\\logs\\retry.log' } : null,
    elevationPrompts: 1,
    restart: repair === 'restart-computer' ? { minutes: 0 } : null,
  };
}

export function sampleOutcome(
  plan: RepairPlan,
  status: RepairOutcome['status'] = 'succeeded',
  verified: boolean | null = true,
): RepairOutcome {
  return {
    schema: 'msi-doctor/repair@1',
    journalId: `journal-${plan.planId}`,
    plan,
    status,
    steps: plan.steps.map((s) => ({
      id: s.id,
      status: status === 'succeeded' ? 'succeeded' : 'failed',
      exitCode: status === 'succeeded' ? 0 : 1603,
      output: '',
      durationMs: 10,
    })),
    verified,
    verification: [],
    rebootRequired: false,
    undoAvailable: plan.reversible && status === 'succeeded',
    message: null,
  };
}
