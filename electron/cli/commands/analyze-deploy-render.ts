// Renders a deployment-tool log (ConfigMgr, Intune, PSADT) for a person: the attempt that matters, its command, exit
// code as the tool reads it, where its MSI log is, the lines to read; then the findings that join it with MSI logs.
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import type { Deployment } from '../../../shared/contract/deployment.ts';
import { translate, type TextParams } from '../../../shared/knowledge/texts.ts';
import { linkDeployments, type DeploymentLink } from '../../../shared/deploylog/chain.ts';
import { isProblem } from '../../../shared/deploylog/summarize.ts';
import { attemptParams } from '../../../shared/diagnosis/rules/deploy-rule.ts';
import { diagnose, formatFindings, parseSymptom } from '../../../shared/diagnosis/index.ts';
import { displayWidth, type RenderOptions } from './analyze-render.ts';
import { labelledText, labelText } from '../cli-text.ts';

const LABEL_WIDTH = 15;

function label(text: string, lang: Lang): string {
  const shown = labelText(text, lang);
  return shown + ' '.repeat(Math.max(1, LABEL_WIDTH - displayWidth(shown)));
}

function cut(text: string, width: number): string {
  return text.length > width ? text.slice(0, width - 1) + '…' : text;
}

function attemptLines(
  d: Deployment,
  link: DeploymentLink | undefined,
  log: LogAnalysis,
  lang: Lang,
  width: number,
): string[] {
  const t = (key: string, params: TextParams = {}) => translate({ key, params }, lang);
  const p = attemptParams(d);
  const out: string[] = [];
  const outcome = d.outcome === 'success' && d.restart ? '@deploy.outcome.restart' : `@deploy.outcome.${d.outcome}`;
  out.push(
    `${label(t('deploy.label.deployment'), lang)}${t('deploy.attempt.title', { tool: p.tool!, app: p.app!, outcome })}`,
  );
  if (d.started)
    out.push(
      `${label(t('deploy.label.time'), lang)}${t('deploy.attempt.when', { time: p.time!, account: p.account! })}`,
    );
  if (d.commandLine) out.push(`${label(t('deploy.label.command'), lang)}${cut(d.commandLine, width - LABEL_WIDTH)}`);
  if (p.code !== '?')
    out.push(`${label(t('deploy.label.exit'), lang)}${t('deploy.exit.value', { code: p.code!, meaning: p.meaning! })}`);
  if (d.reportedCode) out.push(`${label(t('deploy.label.console'), lang)}${d.reportedCode}`);
  if (d.stage && d.outcome !== 'success')
    out.push(`${label(t('deploy.label.stage'), lang)}${t(`deploy.stage.${d.stage}`)}`);
  if (d.blockedBy) out.push(`${label(t('deploy.label.blocked'), lang)}${cut(d.blockedBy, width - LABEL_WIDTH)}`);
  if (d.dependsOn) out.push(`${label(t('deploy.label.depends'), lang)}${d.dependsOn}`);
  if (d.detectionProductCode && d.outcome === 'not-detected')
    out.push(`${label(t('deploy.label.rule'), lang)}${d.detectionProductCode}`);
  if (link) {
    let msi: string | null = null;
    if (link.msiLog) msi = t('deploy.msi-log.analyzed', { path: link.msiLog.file });
    else if (link.expectedPath) msi = t('deploy.msi-log.not-given', { path: link.expectedPath, log: log.file });
    else if (link.advice) msi = t('deploy.msi-log.none', { switch: link.advice.switch });
    if (msi) out.push(`${label(t('deploy.label.msi-log'), lang)}${msi}`);
  }
  return out;
}

export function renderDeployAnalysis(a: LogAnalysis, all: readonly LogAnalysis[], opts: RenderOptions): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate({ key, params }, opts.lang);
  const out: string[] = [];
  out.push(`${labelledText(t('deploy.label.log'), a.file, opts.lang)}  [${a.format}, ${a.encoding}]`);
  const list = a.deployments ?? [];
  const links = linkDeployments(all).filter((l) => l.log === a);
  const main =
    a.primaryDeployment === null || a.primaryDeployment === undefined ? undefined : list[a.primaryDeployment];
  if (!main) {
    out.push(`${label(t('deploy.label.deployment'), opts.lang)}${t('deploy.outcome.unknown')}`);
    return out.join('\n') + '\n';
  }
  out.push(
    ...attemptLines(
      main,
      links.find((l) => l.deployment === main),
      a,
      opts.lang,
      opts.width,
    ),
  );
  const failed = list.filter(isProblem).length;
  if (list.length > 1 || a.sessions > list.length)
    out.push(
      `${label(t('deploy.label.attempts'), opts.lang)}${t('deploy.attempts.summary', { count: a.sessions, failed })}`,
    );
  out.push('', labelText(t('deploy.label.lines'), opts.lang));
  const numWidth = String(a.evidence.at(-1)?.line ?? 0).length;
  for (const e of a.evidence)
    out.push(`${String(e.line).padStart(numWidth + 2)} | ${cut(e.text, opts.width - numWidth - 5)}`);
  return out.join('\n') + '\n';
}

/** The findings for a set of analyzed logs that includes deployment logs (the joined chain), as plain lines. */
export function renderChainFindings(all: readonly LogAnalysis[], lang: Lang): string {
  const findings = diagnose({ symptom: parseSymptom(''), evidence: [], logs: [...all] });
  return formatFindings(findings, lang, { limit: 3 }).join('\n') + '\n';
}
