// Step 3: ranked causes with honest confidence, their evidence, plain explanation, myth warnings, and the fixes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/contract/finding.ts';
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { EvidenceList } from '../components/evidence-list.tsx';
import { Notice } from '../components/notice.tsx';
import { PackageCard } from '../components/package-card.tsx';
import { SessionBanner } from '../components/session-banner.tsx';
import { confidenceLevel } from './finding-order.ts';

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

function FindingCard({ finding, index }: { finding: Finding; index: number }) {
  const { t } = useTranslation();
  const text = useDomainText();
  const evidence = useWizard((s) => s.wizard.session?.latest.evidence);
  // diagnose() offers the elevated retry only with the user's .msi (it is the repair's parameter).
  const repairs = finding.repairs;
  const actions = useActions();
  const [open, setOpen] = useState(false);
  const regionId = `finding-evidence-${index}`;
  const refs = finding.supporting;
  return (
    <article
      className={`card finding finding-${finding.kind}`}
      data-testid={`finding-${finding.cause}`}
      aria-labelledby={`finding-title-${index}`}
    >
      <header className="finding-header">
        <span className={`tag kind-${finding.kind}`}>{t(`findings.kind.${finding.kind}`)}</span>
        <h3 id={`finding-title-${index}`} className="finding-title">
          {text(finding.title)}
        </h3>
      </header>
      {finding.kind !== 'info' && <Confidence value={finding.confidence} />}
      <p className="finding-explanation">{text(finding.explanation)}</p>
      {finding.reasons.length > 0 && (
        <>
          <h4 className="field-title">{t('findings.reasons')}</h4>
          <ul className="plain-list">
            {finding.reasons.map((r, i) => (
              <li key={i}>{text(r)}</li>
            ))}
          </ul>
        </>
      )}
      {(refs.length > 0 || finding.contradicting.length > 0) && (
        <>
          <button
            type="button"
            className="button subtle small"
            aria-expanded={open}
            aria-controls={regionId}
            onClick={() => setOpen(!open)}
          >
            {open ? t('findings.hideEvidence') : t('findings.showEvidence')}
          </button>
          {open && (
            <div id={regionId} className="evidence-region">
              <EvidenceList refs={refs} evidence={evidence ?? []} />
              {finding.contradicting.length > 0 && (
                <>
                  <h4 className="field-title">{t('findings.contradicting')}</h4>
                  <EvidenceList refs={finding.contradicting} evidence={evidence ?? []} />
                </>
              )}
            </div>
          )}
        </>
      )}
      {finding.myths.length > 0 && (
        <div className="notice notice-warning" role="note">
          <strong>{t('findings.myths')}</strong>
          <ul className="plain-list">
            {finding.myths.map((m) => (
              <li key={m} data-testid={`myth-${m}`}>
                <s>{text({ key: `myth.${m}.advice`, params: {} })}</s> {text({ key: `myth.${m}.whyWrong`, params: {} })}{' '}
                <strong>{text({ key: `myth.${m}.instead`, params: {} })}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {finding.manualSteps.length > 0 && (
        <>
          <h4 className="field-title">{t('findings.manualSteps')}</h4>
          <ol className="plain-list">
            {finding.manualSteps.map((m, i) => (
              <li key={i}>{text(m)}</li>
            ))}
          </ol>
        </>
      )}
      {repairs.length > 0 && (
        <div className="actions">
          {repairs.map((repair, i) => (
            <button
              key={repair}
              type="button"
              className={i === 0 && index === 0 ? 'button primary' : 'button'}
              onClick={() => void actions.chooseRepair(finding.cause, repair)}
              data-testid={`fix-${repair}`}
            >
              {t('findings.fix', { title: text({ key: `repair.${repair}.title`, params: {} }) })}
              {i === 0 && index === 0 && <span className="tag tag-on-primary">{t('findings.recommended')}</span>}
            </button>
          ))}
        </div>
      )}
    </article>
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
          {t('findings.logReason', { line: reason.line, text: reason.text })}
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
  const data = result.evidence.find((e) => e.probe === 'recent-logs')?.data as
    { logs?: Array<{ path?: unknown; modified?: unknown }> } | undefined;
  const analyzed = new Set(result.logs.map((l) => l.file));
  const found = (data?.logs ?? [])
    .map((l) => (typeof l.path === 'string' ? l.path : null))
    .filter((p): p is string => p !== null && !analyzed.has(p))
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
  const session = useWizard((s) => s.wizard.session);
  const notice = useWizard((s) => s.wizard.notice);
  const actions = useActions();
  if (!session) return null;
  const result = session.latest;
  // In diagnose()'s order: the diagnosis ranks once and every view keeps it.
  const findings = result.findings;
  const hasCause = findings.some((f) => f.kind === 'cause' && f.cause !== 'no-problem-found');
  const hasFix = findings.some((f) => f.repairs.length > 0);
  return (
    <section className="step" aria-labelledby="step-findings">
      <StepHeading id="step-findings">{t('findings.heading')}</StepHeading>
      {session.repairs.length > 0 && <SessionBanner session={session} />}
      {notice && notice !== 'scan-cancelled' && (
        <Notice tone={notice === 'session-loaded' ? 'info' : 'warning'} testId={`notice-${notice}`}>
          {t(`findings.notices.${notice}`)}
        </Notice>
      )}
      <p className="step-intro">{hasCause ? t('findings.intro') : t('findings.none')}</p>
      <div className="findings">
        {findings.map((f, i) => (
          <FindingCard key={`${f.cause}-${i}`} finding={f} index={i} />
        ))}
      </div>
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
              <li key={n.probe}>{t(`probes.${n.probe}`)}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="actions">
        {hasFix && notice !== 'no-more-fixes' && (
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
