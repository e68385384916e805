// Plain-text rendering of repair plans, outcomes and journal notices for `msi-doctor fix` / `undo` (en or zh-CN).
import { escapeForDisplay } from '../../../shared/knowledge/display-safe.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import type { JournalSummary, RepairOutcome, RepairPlan } from '../../../shared/contract/repair.ts';
import type { TextRef } from '../../../shared/contract/evidence.ts';
import { labelled, translate } from '../../../shared/knowledge/texts.ts';

const t = (ref: TextRef | string, lang: Lang, params: Record<string, string | number> = {}): string =>
  translate(typeof ref === 'string' ? { key: ref, params } : ref, lang);

/** Only waits and checks: there is nothing to undo (saying "cannot be undone" would alarm for no reason). */
function changesNothing(plan: RepairPlan): boolean {
  return plan.steps.every((s) => s.kind === 'wait' || s.kind === 'verify' || s.kind === 'check');
}

export function renderPlan(plan: RepairPlan, lang: Lang): string {
  const undo = changesNothing(plan)
    ? 'repair.reversible.nothing'
    : plan.reversible
      ? 'repair.reversible.yes'
      : 'repair.reversible.no';
  const lines = [
    t(plan.title, lang),
    t(plan.description, lang),
    t('cli.plan.risk', lang, { risk: t(`repair.risk.${plan.risk}`, lang), undo: t(undo, lang) }),
    '',
    t('cli.plan.steps', lang),
  ];
  plan.steps.forEach((step, i) => {
    const who = t(step.elevated ? 'cli.plan.step.elevated' : 'cli.plan.step.plain', lang);
    lines.push(`  ${t('cli.plan.step', lang, { n: i + 1, step: t(step.description, lang), who })}`);
    // Verification re-runs a read-only probe: its (long) script is in the JSON plan; the repair's own commands are shown whole.
    const shown =
      step.kind === 'verify'
        ? step.commandLine
            .split('\n')
            .slice(0, 2)
            .concat(step.commandLine.includes('\n') ? ['…'] : [])
        : step.commandLine.split('\n');
    for (const line of shown) lines.push(`       ${line}`);
  });
  if (plan.backups.length)
    lines.push(
      '',
      t('cli.plan.backups', lang),
      ...plan.backups.map(
        (b) => `  - ${t(labelled(typeof b.what === 'string' ? b.what : t(b.what, lang), b.path), lang)}`,
      ),
    );
  if (plan.warnings.length)
    lines.push('', t('cli.plan.warnings', lang), ...plan.warnings.map((w) => `  ! ${t(w, lang)}`));
  if (plan.confirmations.length)
    lines.push(
      '',
      t('cli.plan.confirm', lang),
      ...plan.confirmations.map((c) => `  ? ${t(`repair.confirmation.${c}`, lang)}`),
    );
  return lines.join('\n') + '\n';
}

export function renderOutcome(outcome: RepairOutcome, lang: Lang): string {
  const lines = [t(`cli.outcome.${outcome.status}`, lang)];
  for (const step of outcome.steps) {
    // The plan's own description of the step (its id is internal).
    const planned = outcome.plan.steps.find((s) => s.id === step.id);
    const params = {
      status: t(`report.step.${step.status}`, lang),
      step: planned ? t(planned.description, lang) : step.id,
      ...(step.exitCode !== null ? { code: step.exitCode } : {}),
    };
    lines.push(`  ${t(step.exitCode !== null ? 'cli.outcome.step-exit' : 'cli.outcome.step', lang, params)}`);
  }
  const answer = outcome.verified === null ? 'unknown' : outcome.verified ? 'yes' : 'no';
  lines.push(t('cli.outcome.verified', lang, { answer: t(`cli.outcome.verified.${answer}`, lang) }));
  if (outcome.message) lines.push(t(outcome.message, lang));
  if (outcome.rebootRequired) lines.push(t('cli.outcome.reboot', lang));
  if (outcome.installLog) {
    lines.push(t('cli.outcome.log', lang, { path: outcome.installLog.path }));
    const a = outcome.installLog.analysis;
    if (a) {
      const parts = [
        t(`report.outcome.${a.outcome}`, lang),
        ...(a.primaryError !== null ? [t('cli.scan.log.error', lang, { code: a.primaryError })] : []),
        ...a.causes.map((c) => t(`cause.${c.id}.title`, lang)),
      ];
      lines.push(t('cli.outcome.analysis', lang, { outcome: parts.join(lang === 'zh-CN' ? '，' : ', ') }));
    } else if (outcome.installLog.error)
      lines.push(t('cli.outcome.analysis', lang, { outcome: outcome.installLog.error }));
  }
  lines.push(t('cli.outcome.journal', lang, { journalId: outcome.journalId }));
  if (outcome.undoAvailable)
    lines.push(t('cli.outcome.undo', lang, { command: `msi-doctor undo ${outcome.journalId}` }));
  return lines.join('\n') + '\n';
}

/** What the app says on start about a repair a crash interrupted, and about records it cannot trust. */
export function renderUnfinished(journals: JournalSummary[], lang: Lang): string {
  const lines: string[] = [];
  for (const j of journals) {
    if (j.state === 'damaged') {
      lines.push(t('repair.notice.damaged', lang, { journalId: j.journalId, problem: j.problem ?? '' }));
      continue;
    }
    const repair = j.repair ? t(`repair.${j.repair}.title`, lang) : '?';
    lines.push(t('repair.notice.unfinished', lang, { repair, startedAt: j.startedAt, journalId: j.journalId }));
    if (j.undoAvailable) lines.push(t('repair.notice.undo-offered', lang, { journalId: j.journalId }));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function renderJournals(journals: JournalSummary[], lang: Lang = 'en'): string {
  if (journals.length === 0) return `${t('cli.journals.none', lang)}\n`;
  const state = (j: JournalSummary) => t(`cli.journals.state.${j.state}`, lang);
  return (
    journals
      .map((j) =>
        j.state === 'damaged'
          ? `${j.journalId}  ${state(j)}  ${t('cli.journals.not-used', lang, { problem: escapeForDisplay(j.problem ?? '') })}`
          : `${j.journalId}  ${state(j)}  ${j.repair ? t(`repair.${j.repair}.title`, lang) : '?'}${j.undoAvailable ? `  ${t('cli.journals.undo-available', lang)}` : ''}`,
      )
      .join('\n') + '\n'
  );
}
