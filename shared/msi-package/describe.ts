// Plain words for a package's custom actions and findings (en + zh-CN), for the CLI, the wizard and log findings.
import type { Lang } from '../contract/ids.ts';
import type { MsiPackage, PackageCustomAction, PackageFinding } from '../contract/msi-package.ts';
import { translate } from '../knowledge/texts.ts';
import { runsCode } from './custom-action-type.ts';

/** Long command lines are cut so one action stays one line. */
const MAX_TARGET = 160;

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_TARGET ? `${one.slice(0, MAX_TARGET - 1)}…` : one;
}

/** "deferred, as SYSTEM, no rollback, an EXE with this command line: …" */
export function describeCustomAction(ca: PackageCustomAction, pkg: MsiPackage | null, lang: Lang): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate({ key, params }, lang);
  const parts = [t(`package.ca.execution.${ca.execution}`)];
  if (ca.execution !== 'immediate') parts.push(t(ca.impersonate ? 'package.ca.as-user' : 'package.ca.as-system'));
  if (ca.execution === 'deferred' && runsCode(ca.kind) && pkg) {
    const missing = pkg.findings.some((f) => f.id === 'deferred-without-rollback' && f.params.action === ca.name);
    if (missing) parts.push(t('package.ca.no-rollback'));
    else {
      const rollback = pkg.findings.find((f) => f.id === 'rollback-after-action' && f.params.action === ca.name);
      if (rollback) parts.push(t('package.ca.has-rollback', { rollback: String(rollback.params.rollback) }));
    }
  }
  if (ca.returnIgnored) parts.push(t('package.ca.return-ignored'));
  if (ca.async) parts.push(t('package.ca.async'));
  const target = ca.hideTarget ? t('package.ca.hidden') : clip(ca.target ?? '');
  const engine = ca.scriptEngine === 'jscript' ? 'JScript' : 'VBScript';
  parts.push(t(`package.ca.kind.${ca.kind}`, { target, source: ca.source ?? '', engine, type: ca.type }));
  return parts.join(lang === 'zh-CN' ? '，' : ', ');
}

export interface FindingWords {
  title: string;
  explanation: string;
  fix: string;
}

export function describeFinding(finding: PackageFinding, lang: Lang): FindingWords {
  const key = `package.finding.${finding.id}`;
  const params = Object.fromEntries(
    Object.entries(finding.params).map(([k, v]) => [k, typeof v === 'string' ? clip(v) : v]),
  );
  if (params.condition === '') params.condition = translate({ key: 'package.no-condition' }, lang);
  let explanation = translate({ key: `${key}.explanation`, params }, lang);
  if (finding.id === 'per-machine-needs-elevation' && finding.params.uacFlag === 'yes')
    explanation += (lang === 'zh-CN' ? '' : ' ') + translate({ key: `${key}.uac-flag`, params }, lang);
  return {
    title: translate({ key: `${key}.title`, params }, lang),
    explanation,
    fix: translate({ key: `${key}.fix`, params }, lang),
  };
}
