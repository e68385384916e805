// Plain words for a package's custom actions and findings (en + zh-CN), for the CLI, the wizard and log findings.
import type { Lang } from '../contract/ids.ts';
import type { MsiPackage, PackageCustomAction, PackageFinding } from '../contract/msi-package.ts';
import type { TextRef } from '../contract/evidence.ts';
import { nestedParam, type TextInput } from '../knowledge/text-render.ts';
import { runsCode } from './custom-action-type.ts';

/** Long command lines are cut so one action stays one line. */
const MAX_TARGET = 160;

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_TARGET ? `${one.slice(0, MAX_TARGET - 1)}…` : one;
}

/**
 * "deferred, as SYSTEM, no rollback, an EXE with this command line: …" as a language-neutral text reference (its
 * parts are nested keys), so a diagnosis reason can carry it and each UI language renders it.
 */
export function customActionText(ca: PackageCustomAction, pkg: MsiPackage | null): TextRef {
  const context =
    ca.execution === 'immediate' ? '' : ca.impersonate ? '@package.ca.ctx.as-user' : '@package.ca.ctx.as-system';
  let rollback = '';
  if (ca.execution === 'deferred' && runsCode(ca.kind) && pkg) {
    const missing = pkg.findings.some((f) => f.id === 'deferred-without-rollback' && f.params.action === ca.name);
    const late = pkg.findings.find((f) => f.id === 'rollback-after-action' && f.params.action === ca.name);
    if (missing) rollback = '@package.ca.ctx.no-rollback';
    else if (late) rollback = nestedParam('package.ca.ctx.late-rollback', { rollback: String(late.params.rollback) });
  }
  const options = [ca.returnIgnored ? '@package.ca.ctx.return-ignored' : '', ca.async ? '@package.ca.ctx.async' : ''];
  const target = ca.hideTarget ? '@package.ca.hidden' : clip(ca.target ?? '');
  const engine = ca.scriptEngine === 'jscript' ? 'JScript' : 'VBScript';
  return {
    key: 'package.ca.summary',
    params: {
      execution: `@package.ca.execution.${ca.execution}`,
      context,
      rollback,
      options: options.join(''),
      what: nestedParam(`package.ca.kind.${ca.kind}`, { target, source: ca.source ?? '', engine, type: ca.type }),
    },
  };
}

/**
 * Renders a text reference in the caller's language: the CLI passes shared/knowledge's translate, the renderer its
 * table loaded for one language (so this module carries no text table into the renderer's first screen).
 */
export type Translate = (ref: TextInput) => string;

export function describeCustomAction(ca: PackageCustomAction, pkg: MsiPackage | null, translate: Translate): string {
  return translate(customActionText(ca, pkg));
}

export interface FindingWords {
  title: string;
  explanation: string;
  fix: string;
}

export function describeFinding(finding: PackageFinding, lang: Lang, translate: Translate): FindingWords {
  const key = `package.finding.${finding.id}`;
  const params = Object.fromEntries(
    Object.entries(finding.params).map(([k, v]) => [k, typeof v === 'string' ? clip(v) : v]),
  );
  if (params.condition === '') params.condition = translate({ key: 'package.no-condition' });
  let explanation = translate({ key: `${key}.explanation`, params });
  if (finding.id === 'per-machine-needs-elevation' && finding.params.uacFlag === 'yes')
    explanation += (lang === 'zh-CN' ? '' : ' ') + translate({ key: `${key}.uac-flag`, params });
  return {
    title: translate({ key: `${key}.title`, params }),
    explanation,
    fix: translate({ key: `${key}.fix`, params }),
  };
}
