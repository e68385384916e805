// Step 3: ranked causes with honest confidence, their evidence, plain explanation, myth warnings, and the fixes.
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/contract/finding.ts';
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import { probeData, type TextRef } from '../../../shared/contract/evidence.ts';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { EvidenceList } from '../components/evidence-list.tsx';
import { Notice } from '../components/notice.tsx';
import { PackageCard } from '../components/package-card.tsx';
import { SessionBanner } from '../components/session-banner.tsx';
import { confidenceLevel } from './finding-order.ts';
import { NEXT_FIX_STATES, sessionStory } from '../../../shared/session/session-story.ts';
import { probeName } from '../../../shared/knowledge/words.ts';
import { DomainText } from '../components/domain-text.tsx';
import { restatesHeadline } from '../../../shared/knowledge/headline-keys.ts';

function Confidence({ value }: { value: number }) {
  const { t } = useTranslation();
  const pct = Math.round(value * 100);
  const level = confidenceLevel(value);
  const label = t('findings.confidencePct', { label: t(`findings.confidence.${level}`), pct });
  return (
    <div className={`confidence confidence-${level}`}>
      <meter min={0} max={100} low={45} high={75} optimum={100} value={pct} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

/** Reasons once each: near-duplicates ("Windows recorded a failed installation..." per code) read as one. */
function distinctReasons(refs: TextRef[], text: (ref: TextRef) => string): TextRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = text(ref).replace(/[0-9]+/g, '#');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One cause. The first (the answer) shows its sentence, the recommended fix and one line of evidence first; why we
 * think so, the evidence and the manual steps are collapsed below. Other causes start collapsed.
 */
function FindingCard({ finding, index, answer }: { finding: Finding; index: number; answer: boolean }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const evidence = useWizard((s) => s.wizard.session?.latest.evidence);
  const readOnly = useWizard((s) => s.wizard.readOnly);
  // diagnose() offers the elevated retry only with the user's .msi (it is the repair's parameter).
  const repairs = readOnly ? [] : finding.repairs;
  const actions = useActions();
  const refs = finding.supporting;
  const reasons = distinctReasons(finding.reasons, text);
  // The line of evidence under the answer says something the headline does not already say.
  const firstLine = reasons.find((r) => !restatesHeadline(r, answer ? finding.headline : undefined)) ?? null;
  const nextStep = answer ? (finding.nextStep ?? null) : null;
  const manualSteps = finding.manualSteps.filter((m) => m.key !== nextStep?.key);
  return (
    <article
      className={`card finding finding-${finding.kind}${answer ? ' finding-answer' : ''}`}
      data-testid={`finding-${finding.cause}`}
      aria-labelledby={`finding-title-${index}`}
    >
      <header className="finding-header">
        <span className={`tag kind-${finding.kind}`}>{t(`findings.kind.${finding.kind}`)}</span>
        <h3 id={`finding-title-${index}`} className="finding-title">
          {text(finding.title)}
        </h3>
        {finding.kind !== 'info' && <Confidence value={finding.confidence} />}
      </header>
      {/* The answer names this machine's cause in one sentence when the evidence does; the general words go below. */}
      {answer && finding.headline ? (
        <p className="finding-explanation finding-headline" data-testid="finding-headline">
          <DomainText value={finding.headline} />
        </p>
      ) : (
        <p className="finding-explanation">
          <DomainText value={finding.explanation} />
        </p>
      )}
      {nextStep && (
        <p className="finding-next-step" data-testid="finding-next-step">
          <strong>{t('findings.nextStepFirst')}</strong> <DomainText value={nextStep} />
        </p>
      )}
      {repairs.length > 0 && (
        <div className="actions">
          {repairs.map((repair, i) => {
            const title = text({ key: `repair.${repair}.title`, params: {} });
            return (
              <button
                key={repair}
                type="button"
                className={i === 0 && answer ? 'button primary' : 'button'}
                onClick={() => void actions.chooseRepair(finding.cause, repair)}
                data-testid={`fix-${repair}`}
              >
                {/* After a step the user takes by hand, the repairs follow it: never "recommended" on their own. */}
                {nextStep && i === 0 ? t('findings.afterStep', { title }) : t('findings.fix', { title })}
                {i === 0 && answer && !nextStep && (
                  <span className="tag tag-on-primary">{t('findings.recommended')}</span>
                )}
              </button>
            );
          })}
        </div>
      )}
      {firstLine && (
        <p className="finding-evidence-line" data-testid="evidence-line">
          <DomainText value={firstLine} />
        </p>
      )}
      {(reasons.length > 1 || refs.length > 0 || finding.contradicting.length > 0) && (
        <details className="finding-why">
          <summary>{t('findings.reasons')}</summary>
          {answer && finding.headline && (
            <p>
              <DomainText value={finding.explanation} />
            </p>
          )}
          <ul className="plain-list">
            {reasons
              .filter((r) => r !== firstLine)
              .map((r, i) => (
                <li key={i}>
                  <DomainText value={r} />
                </li>
              ))}
          </ul>
          <div className="evidence-region">
            <EvidenceList refs={refs} evidence={evidence ?? []} />
            {finding.contradicting.length > 0 && (
              <>
                <h4 className="field-title">{t('findings.contradicting')}</h4>
                <EvidenceList refs={finding.contradicting} evidence={evidence ?? []} />
              </>
            )}
          </div>
        </details>
      )}
      {manualSteps.length > 0 && (
        <details className="finding-steps" open={answer && repairs.length === 0 && !nextStep}>
          <summary>{t('findings.manualSteps')}</summary>
          <ol className="plain-list">
            {manualSteps.map((m, i) => (
              <li key={i}>
                <DomainText value={m} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

/** The advice to avoid, once per page (not repeated in every card): the myths of every finding shown. */
function Myths({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const myths = [...new Set(findings.flatMap((f) => f.myths))];
  if (myths.length === 0) return null;
  return (
    <details className="card card-quiet myths" data-testid="myths">
      <summary>{t('findings.myths')}</summary>
      <ul className="plain-list">
        {myths.map((m) => (
          <li key={m} data-testid={`myth-${m}`}>
            <s>{text({ key: `myth.${m}.advice`, params: {} })}</s> {text({ key: `myth.${m}.whyWrong`, params: {} })}{' '}
            <strong>{text({ key: `myth.${m}.instead`, params: {} })}</strong>
          </li>
        ))}
      </ul>
    </details>
  );
}

function LogSummary({ log }: { log: LogAnalysis }) {
  const { t } = useTranslation();
  const { openLog } = useActions();
  const name = log.file.split(/[\\/]/).pop() ?? log.file;
  // The failure in the culprit's own words comes first (a custom action's output, the process holding files...).
  const reason = log.outcome === 'success' ? null : (log.causes[0]?.reason ?? null);
  return (
    <li className="log-summary">
      <span className="file-name">{name}</span>
      {reason && (
        <button
          type="button"
          className="button subtle small log-reason"
          onClick={() => openLog(log.file, reason.line)}
          data-testid="log-reason"
        >
          {t('findings.logReason', { line: reason.line })} <q translate="no">{reason.text}</q>
        </button>
      )}
      <span>
        {log.failedAction
          ? t('findings.failedAction', { name: log.failedAction.name, line: log.failedAction.line })
          : t('findings.noFailedAction')}
      </span>
      <button
        type="button"
        className="button subtle small"
        onClick={() => openLog(log.file, log.failedAction?.line ?? null)}
        data-testid="open-log"
      >
        {t('findings.openLog')}
      </button>
    </li>
  );
}

/** Installer logs the scan found on the machine but did not read: one click analyzes them. */
function FoundLogs({ result }: { result: ScanResult }) {
  const { t } = useTranslation();
  const actions = useActions();
  // The probe's data, typed by the evidence union (validated once, when the scan read it).
  const data = probeData(result.evidence, 'recent-logs');
  const analyzed = new Set(result.logs.map((l) => l.file));
  const found = (data?.logs ?? [])
    .map((l) => l.path)
    .filter((p) => !analyzed.has(p))
    .slice(0, 5);
  if (found.length === 0) return null;
  return (
    <section className="card card-quiet" aria-labelledby="found-logs-heading">
      <h3 id="found-logs-heading" className="field-title">
        {t('findings.foundLogs')}
      </h3>
      <p>{t('findings.foundLogsIntro')}</p>
      <ul className="plain-list">
        {found.map((path) => (
          <li key={path} className="log-summary">
            <span className="file-name">{path}</span>
            <button
              type="button"
              className="button small"
              onClick={() => void actions.analyzeFoundLog(path)}
              data-testid="analyze-found-log"
            >
              {t('findings.analyzeLog')}
            </button>
            <button type="button" className="button subtle small" onClick={() => actions.openLog(path, null)}>
              {t('findings.openLog')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FindingsStep() {
  const { t } = useTranslation();
  const text = useDomainText();
  const session = useWizard((s) => s.wizard.session);
  const notice = useWizard((s) => s.wizard.notice);
  const actions = useActions();
  if (!session) return null;
  const result = session.latest;
  // In diagnose()'s order: the diagnosis ranks once and every view keeps it.
  const findings = result.findings;
  // The diagnosis says what a finding is: the all-clear and plain information are not causes (Finding.kind).
  const hasCause = findings.some((f) => f.kind === 'cause');
  const hasFix = findings.some((f) => f.repairs.length > 0);
  // "Try the next fix" only once a fix ran (before that, the answer's own buttons are the fixes).
  const nextFirst =
    hasFix &&
    notice !== 'no-more-fixes' &&
    session.repairs.length > 0 &&
    NEXT_FIX_STATES.includes(sessionStory(session).state);
  return (
    <section className="step" aria-labelledby="step-findings">
      <StepHeading id="step-findings">{t('findings.heading')}</StepHeading>
      {session.repairs.length > 0 && <SessionBanner session={session} />}
      {/* After a fix that did not work, the next fix is the answer: right under the banner, above the fold. */}
      {nextFirst && (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            onClick={() => void actions.nextFix()}
            data-testid="next-fix"
          >
            {t('findings.nextFix')}
          </button>
        </div>
      )}
      {notice && notice !== 'scan-cancelled' && (
        <Notice tone={notice === 'session-loaded' ? 'info' : 'warning'} testId={`notice-${notice}`}>
          {t(`findings.notices.${notice}`)}
        </Notice>
      )}
      {!hasCause && <p className="step-intro">{t('findings.none')}</p>}
      <div className="findings">
        {findings.slice(0, 1).map((f) => (
          <FindingCard key={f.cause} finding={f} index={0} answer />
        ))}
      </div>
      {findings.length > 1 && (
        <details className="other-findings" data-testid="other-findings">
          <summary>{t('findings.others', { count: findings.length - 1 })}</summary>
          <div className="findings">
            {findings.slice(1).map((f, i) => (
              <FindingCard key={`${f.cause}-${i}`} finding={f} index={i + 1} answer={false} />
            ))}
          </div>
        </details>
      )}
      <Myths findings={findings} />
      <PackageCard result={result} />
      {result.logs.length > 0 && (
        <section className="card card-quiet" aria-labelledby="logs-heading">
          <h3 id="logs-heading" className="field-title">
            {t('findings.logs')}
          </h3>
          <ul className="plain-list">
            {result.logs.map((log: LogAnalysis) => (
              <LogSummary key={log.file} log={log} />
            ))}
          </ul>
        </section>
      )}
      <FoundLogs result={result} />
      {result.notChecked.length > 0 && (
        <section className="card card-quiet" aria-labelledby="not-checked-heading">
          <h3 id="not-checked-heading" className="field-title">
            {t('findings.notChecked')}
          </h3>
          <p>{t('findings.notCheckedIntro')}</p>
          <ul className="plain-list">
            {result.notChecked.map((n: ScanResult['notChecked'][number]) => (
              <li key={n.probe}>{text(probeName(n.probe))}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="actions">
        {hasFix && notice !== 'no-more-fixes' && session.repairs.length > 0 && !nextFirst && (
          <button type="button" className="button" onClick={() => void actions.nextFix()} data-testid="next-fix">
            {t('findings.nextFix')}
          </button>
        )}
        <button type="button" className="button" onClick={actions.openVerify} data-testid="to-verify">
          {t('findings.verify')}
        </button>
        <button type="button" className="button" onClick={actions.openReport} data-testid="to-report">
          {t('findings.report')}
        </button>
      </div>
    </section>
  );
}
