// Rule: deployment-tool logs (ConfigMgr, Intune, PSADT). Each failed attempt is followed to its MSI log: with the log,
// one finding joins "the tool ran X as SYSTEM and got N" with what the MSI log says failed; without it, the finding
// says where the log should be or which /l*v to add. Detection, content, requirement and dependency failures are
// named as what they are (not Windows Installer problems: no MSI repairs), and SYSTEM-only pitfalls are explained.
import type { DiagnosisContext } from '../context.ts';
import type { EvidenceRef, TextRef } from '../../contract/evidence.ts';
import type { CauseId } from '../../contract/ids.ts';
import type { Deployment } from '../../contract/deployment.ts';
import type { LogAnalysis } from '../../contract/log-analysis.ts';
import { causeInfo } from '../../knowledge/causes.ts';
import { lookupErrorCode } from '../../knowledge/error-codes.ts';
import { REPORTED_CODES, toolExitCode } from '../../knowledge/deploy-exit-codes.ts';
import { linkDeployments, msiFailure, type DeploymentLink } from '../../deploylog/chain.ts';
import { isProblem } from '../../deploylog/summarize.ts';
import { systemContextHints } from '../../deploylog/system-context.ts';
import { timeParam } from '../../knowledge/local-time.ts';
import type { TextParams } from '../../knowledge/text-render.ts';
import { forCause, type Signal } from '../signal.ts';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** The words a sentence about this attempt needs, as text parameters (nested keys translate themselves). */
export function attemptParams(d: Deployment): TextParams {
  const when = d.started ?? d.ended;
  const code = d.installerExitCode ?? d.exitCode;
  const own = code === null ? undefined : toolExitCode(d.tool, code);
  const meaning = own
    ? `@deploy.exit.${d.tool}.${code}`
    : d.mapping === 'unmatched'
      ? d.facts.includes('no-return-code-mapping')
        ? '@deploy.exit.mapping.no-mapping'
        : '@deploy.exit.mapping.unmatched'
      : code !== null && lookupErrorCode(code)
        ? `@error.${code}.title`
        : '@deploy.value.failure';
  return {
    tool: `@deploy.tool.${d.tool}`,
    account: `@deploy.account.${d.context ?? 'unknown'}`,
    time: when ? timeParam(when) : '@deploy.value.no-time',
    command: d.commandLine ? `\`${d.commandLine}\`` : '@deploy.value.no-command',
    app: d.application ?? d.appId ?? '@deploy.value.no-app',
    code: code ?? '?',
    meaning,
    outcome: `@deploy.outcome.${d.outcome}`,
    stage: `@deploy.stage.${d.stage ?? 'install'}`,
  };
}

function text(key: string, params: TextParams): TextRef {
  return { key, params };
}

/** The attempt's decisive line in its log (the last evidence line: the exit code, the detection result...). */
function attemptRef(link: DeploymentLink): EvidenceRef {
  const line = link.deployment.evidence.at(-1) ?? 0;
  return { kind: 'log', file: link.log.file, line };
}

function adminStep(d: Deployment): TextRef {
  const p = attemptParams(d);
  return text('deploy.step.tell-admin', {
    app: p.app!,
    tool: p.tool!,
    outcome: p.outcome!,
    stage: p.stage!,
    code: d.reportedCode ?? p.code!,
  });
}

/** The sentence that joins the attempt with what its MSI log says. */
function joinedReason(link: DeploymentLink, msi: LogAnalysis, cause: CauseId): TextRef {
  const p = attemptParams(link.deployment);
  const base = { tool: p.tool!, command: p.command!, account: p.account!, time: p.time!, code: p.code! };
  const failure = msiFailure(msi);
  if (failure.action && failure.output)
    return text(failure.customAction ? 'fact.deploy-joined-ca' : 'fact.deploy-joined-action', {
      ...base,
      action: failure.action,
      output: failure.output.length > 300 ? failure.output.slice(0, 300) + '…' : failure.output,
    });
  return text('fact.deploy-joined-cause', { ...base, file: fileName(msi.file), cause: `@cause.${cause}.title` });
}

/** Where the MSI log is, or the /l*v to add, as reasons and steps. */
function missingLog(link: DeploymentLink): { reasons: TextRef[]; steps: TextRef[] } {
  const d = link.deployment;
  if (link.expectedPath)
    return {
      reasons: [text('fact.deploy-msi-log-missing', { path: link.expectedPath })],
      steps: [text('deploy.step.get-msi-log', { path: link.expectedPath })],
    };
  const advice = link.advice;
  if (!advice) return { reasons: [], steps: [] };
  return {
    reasons: [text('fact.deploy-no-msi-log', { switch: advice.switch, where: `@deploy.where.${d.tool}` })],
    steps: advice.commandLine ? [text('deploy.step.add-logging', { command: advice.commandLine })] : [],
  };
}

function noMsiRepairs(cause: CauseId) {
  return causeInfo(cause).repairs.filter((r) => r !== 'retry-install-elevated-logged');
}

function installSignals(link: DeploymentLink): Signal[] {
  const d = link.deployment;
  const ref = attemptRef(link);
  const p = attemptParams(d);
  const signals: Signal[] = [];
  const steps = [adminStep(d)];
  const extra: TextRef[] = [];
  if (d.facts.includes('installer-failure-masked')) extra.push(text('fact.deploy-masked', { code: p.code! }));
  if (d.facts.includes('retries-exhausted'))
    extra.push(text('fact.deploy-retries', { tool: p.tool!, app: p.app!, count: attemptsOf(link), code: p.code! }));
  const msi = link.msiLog;
  if (msi && (msi.outcome === 'failure' || msi.causes.some((c) => c.id !== 'no-problem-found'))) {
    const causes = msi.causes.filter((c) => c.id !== 'no-problem-found');
    causes.forEach((c, rank) => {
      const reasons = rank === 0 ? [joinedReason(link, msi, c.id), ...extra] : [];
      const msiRef: EvidenceRef = { kind: 'log', file: msi.file, line: c.lines[0] ?? msi.failedAction?.line ?? 0 };
      signals.push(
        forCause(c.id, Math.min(0.99, c.confidence * 0.97), rank === 0 ? ref : msiRef, {
          reason: reasons[0],
          alwaysRelevant: true,
          repairs: noMsiRepairs(c.id),
          manualSteps: rank === 0 ? steps : undefined,
        }),
      );
      for (const r of reasons.slice(1)) signals.push(forCause(c.id, 0, ref, { reason: r, alwaysRelevant: true }));
    });
    return signals;
  }
  const mutex = d.facts.includes('mutex-timeout');
  const busy = mutex || d.installerExitCode === 1618 || d.exitCode === 1618;
  const scriptError = d.facts.includes('script-error') && (d.installerExitCode === null || d.installerExitCode === 0);
  // Another install held the lock, or the script stopped first: an MSI log would add nothing.
  const missing = msi || busy || scriptError ? { reasons: [], steps: [] } : missingLog(link);
  let lead: TextRef;
  if (mutex)
    lead = text('fact.deploy-mutex', {
      tool: p.tool!,
      blocker: d.blockedBy ? `\`${d.blockedBy}\`` : '@deploy.value.another-install',
      code: d.exitCode ?? '?',
    });
  else if (d.outcome === 'retry')
    lead = text('fact.deploy-retry-pending', { tool: p.tool!, app: p.app!, meaning: p.meaning! });
  else if (scriptError) lead = text('fact.deploy-script-error', { app: p.app!, code: d.exitCode ?? '?' });
  else if (d.commandLine)
    lead = text('fact.deploy-ran', {
      tool: p.tool!,
      command: p.command!,
      app: p.app!,
      account: p.account!,
      time: p.time!,
      code: p.code!,
      meaning: p.meaning!,
    });
  else
    lead = text('fact.deploy-tried', {
      tool: p.tool!,
      app: p.app!,
      account: p.account!,
      time: p.time!,
      outcome: p.outcome!,
    });
  const reasons = [lead, ...extra, ...missing.reasons];
  const allSteps = [...missing.steps, ...steps];
  const push = (cause: CauseId, weight: number) => {
    reasons.forEach((r, i) =>
      signals.push(
        forCause(cause, i === 0 ? weight : 0, ref, {
          reason: r,
          alwaysRelevant: true,
          repairs: noMsiRepairs(cause),
          manualSteps: i === 0 ? allSteps : undefined,
        }),
      ),
    );
  };
  if (busy) push('another-install-in-progress', d.outcome === 'retry' ? 0.7 : 0.85);
  else if (scriptError) push('deployment-script-failed', 0.8);
  // Without the MSI log the installer's code alone does not say why (1603 has a dozen causes): the honest finding is
  // "not identified yet", with where the log is or the /l*v that would have written it.
  else push('unknown', 0.5);
  return signals;
}

function attemptsOf(link: DeploymentLink): number {
  const d = link.deployment;
  return (link.log.deployments ?? []).filter(
    (x) =>
      x.appId === d.appId &&
      x.application === d.application &&
      (x.installerExitCode ?? x.exitCode) === (d.installerExitCode ?? d.exitCode),
  ).length;
}

function contentDetail(d: Deployment): string {
  if (d.stage === 'content-hash') return '@deploy.value.hash';
  if (d.facts.includes('content-no-location')) return '@deploy.value.no-location';
  if (d.facts.includes('download-timeout')) return '@deploy.value.download-timeout';
  return d.reportedCode
    ? REPORTED_CODES.has(d.reportedCode)
      ? `@deploy.console.${d.reportedCode}`
      : d.reportedCode
    : '@deploy.value.download-failed';
}

/** Failures that are not the installer's: the finding names the tool's part, with no Windows Installer repairs. */
function toolSignals(link: DeploymentLink): Signal[] {
  const d = link.deployment;
  const ref = attemptRef(link);
  const p = attemptParams(d);
  // A deferral needs nothing from the administrator.
  const steps = d.facts.includes('user-deferred') ? [] : [adminStep(d)];
  const one = (cause: CauseId, weight: number, reasons: TextRef[]): Signal[] =>
    reasons.map((r, i) =>
      forCause(cause, i === 0 ? weight : 0, ref, {
        reason: r,
        alwaysRelevant: true,
        repairs: [],
        manualSteps: i === 0 ? steps : undefined,
      }),
    );
  if (d.outcome === 'not-detected') {
    const reasons = [
      text('fact.deploy-not-detected', {
        code: d.installerExitCode ?? d.exitCode ?? 0,
        app: p.app!,
        console:
          d.reportedCode && REPORTED_CODES.has(d.reportedCode)
            ? `@deploy.console.${d.reportedCode}`
            : (d.reportedCode ?? '?'),
      }),
    ];
    const msi = link.msiLog;
    if (msi && (msi.outcome === 'success' || msi.outcome === 'reboot-required')) {
      reasons.push(text('fact.deploy-msi-log-success', { file: fileName(msi.file) }));
      const actual = msi.product.productCode;
      if (d.detectionProductCode && actual && d.detectionProductCode.toUpperCase() !== actual.toUpperCase())
        reasons.push(text('fact.deploy-rule-code-differs', { rule: d.detectionProductCode, actual }));
    }
    return one('detection-rule-mismatch', 0.92, reasons);
  }
  if (d.stage === 'detection') {
    // An uninstall the rule still finds: the rule (or an install left by another deployment), not Windows Installer.
    return one('detection-rule-mismatch', 0.85, [
      text('fact.deploy-still-detected', { code: d.installerExitCode ?? d.exitCode ?? 0, app: p.app! }),
    ]);
  }
  if (d.stage === 'download' || d.stage === 'content-hash') {
    const reason = text('fact.deploy-content', { tool: p.tool!, app: p.app!, detail: contentDetail(d) });
    return one('content-unavailable', d.outcome === 'retry' ? 0.6 : 0.9, [reason]);
  }
  if (d.stage === 'requirements')
    return one('requirement-not-met', 0.85, [text('fact.deploy-requirements', { app: p.app! })]);
  if (d.stage === 'dependency')
    return one('dependency-failed', 0.9, [
      text('fact.deploy-dependency', { app: p.app!, dependency: dependencyName(link) }),
    ]);
  if (d.facts.includes('user-deferred'))
    return one('deployment-deferred', 0.9, [
      text('fact.deploy-deferred', { app: p.app!, tool: p.tool!, code: d.exitCode ?? '?' }),
    ]);
  return [];
}

function dependencyName(link: DeploymentLink): string {
  const id = link.deployment.dependsOn ?? '?';
  return link.log.deployments?.find((x) => x.appId === id && x.application)?.application ?? id;
}

function systemSignals(link: DeploymentLink): Signal[] {
  const hints = systemContextHints(link.deployment, link.log, link.msiLog);
  const weight = Math.min(0.7, 0.35 + 0.15 * (hints.length - 1));
  return hints.map((h, i) =>
    forCause(
      'system-context-only',
      i === 0 ? weight : 0,
      { kind: 'log', file: h.file, line: h.line },
      {
        reason: text(`fact.deploy-system-hint-${h.kind}`, { text: h.text }),
        alwaysRelevant: true,
        repairs: [],
      },
    ),
  );
}

export function deployRule(ctx: DiagnosisContext): Signal[] {
  const signals: Signal[] = [];
  for (const link of linkDeployments(ctx.input.logs)) {
    const d = link.deployment;
    if (!isProblem(d)) continue;
    // Known only as "failed" (a dependency named by another app's line): that app's finding already says so.
    if (d.stage === null && d.exitCode === null && d.commandLine === null && !d.facts.includes('user-deferred'))
      continue;
    const own = toolSignals(link);
    signals.push(...(own.length > 0 ? own : installSignals(link)), ...systemSignals(link));
  }
  return signals;
}
