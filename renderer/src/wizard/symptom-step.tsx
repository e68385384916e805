// Step 1: what the user saw (symptom cards, free text, log files) and, optionally, the .msi that failed.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SYMPTOM_CHOICES } from '../../../shared/wizard/wizard-state.ts';
import { canSubmitSymptom } from '../../../shared/wizard/transition.ts';
import { useActions, useDomainText, useWizard } from './store-context.tsx';
import { StepHeading } from '../components/step-heading.tsx';
import { FilePicker } from '../components/file-picker.tsx';
import { Notice } from '../components/notice.tsx';
import type { LocalFile } from './store.ts';
import { pick } from '../../../shared/knowledge/local-text.ts';

function OtherCodeField() {
  const { t } = useTranslation();
  const text = useWizard((s) => s.wizard.draft.text);
  const parsed = useWizard((s) => s.wizard.draft.parsed);
  const pasted = useWizard((s) => s.wizard.draft.logs.find((l) => l.pasted) ?? null);
  const textIsLog = useWizard((s) => s.wizard.draft.textIsLog);
  const lang = useWizard((s) => s.lang);
  const { editText } = useActions();
  const id = useId();
  const codes = parsed ? [...parsed.exitCodes, ...parsed.messageNumbers] : [];
  return (
    <div className="field">
      <label htmlFor={id}>{t('symptom.otherLabel')}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder={t('symptom.otherPlaceholder')}
        onChange={(e) => void editText(e.target.value)}
        data-testid="symptom-text"
      />
      <p className="field-hint" aria-live="polite">
        {parsed && codes.length > 0 && t('symptom.recognized', { codes: codes.join(', ') })}
        {parsed && codes.length === 0 && t('symptom.notRecognized')}
        {textIsLog && (
          <span data-testid="text-is-log" data-status={pasted?.status ?? 'checking'}>
            {pasted?.status === 'refused' && pasted.reason
              ? t('symptom.fileRefused', { reason: pick(pasted.reason, lang) })
              : t('symptom.textIsLog')}
          </span>
        )}
      </p>
    </div>
  );
}

function LogFiles() {
  const { t } = useTranslation();
  const logs = useWizard((s) => s.wizard.draft.logs);
  const lang = useWizard((s) => s.lang);
  const bridge = useWizard((s) => s.bridge);
  const actions = useActions();
  const [uploading, setUploading] = useState(false);
  const onFiles = async (files: LocalFile[]) => {
    setUploading(true);
    await actions.importFiles(files, 'log');
    setUploading(false);
  };
  return (
    <section className="field" aria-label={t('symptom.logsLabel')}>
      <h3 className="field-title">{t('symptom.logsLabel')}</h3>
      <FilePicker
        kind="log"
        bridge={bridge}
        buttonLabel={t('symptom.chooseLogs')}
        dropLabel={t('symptom.dropLogs')}
        onPickNative={() => void actions.pickFile('log')}
        onFiles={(files) => void onFiles(files)}
        testId="log-files"
      />
      {uploading && (
        <p className="field-hint" role="status">
          {t('symptom.uploading')}
        </p>
      )}
      {logs.length > 0 && (
        <ul className="file-list">
          {logs.map((log) => (
            <li key={log.path} data-status={log.status} data-testid="log-file">
              <span className="file-name">{log.name}</span>
              {log.status === 'checking' && <span className="file-state">{t('symptom.fileChecking')}</span>}
              {log.status === 'refused' && (
                <span className="file-state file-refused" data-testid="log-refused">
                  {t('symptom.fileRefused', { reason: log.reason ? pick(log.reason, lang) : '' })}
                </span>
              )}
              <button
                type="button"
                className="button subtle small"
                onClick={() => actions.removeLog(log.path)}
                aria-label={t('symptom.removeFile', { name: log.name })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MsiFile() {
  const { t } = useTranslation();
  const msi = useWizard((s) => s.wizard.draft.msi);
  // On the simulated machine the .msi lives on the simulated disk: offer the scenario's own installer.
  const scenarioMsi = useWizard((s) =>
    s.env?.kind === 'simulated' ? (s.scenarios.find((x) => x.name === s.env?.scenario)?.msiPath ?? null) : null,
  );
  const bridge = useWizard((s) => s.bridge);
  const actions = useActions();
  return (
    <section className="card card-quiet" aria-labelledby="msi-heading">
      <h3 id="msi-heading" className="field-title">
        {t('symptom.msiHeading')}
      </h3>
      <p className="field-hint">{t('symptom.msiHint')}</p>
      {msi ? (
        <ul className="file-list">
          <li>
            <span className="file-name" data-testid="msi-name">
              {msi.name}
            </span>
            <button
              type="button"
              className="button subtle small"
              onClick={actions.clearMsi}
              aria-label={t('symptom.removeFile', { name: msi.name })}
            >
              ✕
            </button>
          </li>
        </ul>
      ) : (
        <>
          {scenarioMsi && (
            <button
              type="button"
              className="button"
              onClick={() => actions.useMsiPath(scenarioMsi)}
              data-testid="use-scenario-msi"
            >
              {t('symptom.useScenarioMsi', { name: scenarioMsi.split(/[\\/]/).pop() })}
            </button>
          )}
          <FilePicker
            kind="msi"
            bridge={bridge}
            buttonLabel={t('symptom.chooseMsi')}
            dropLabel={t('symptom.dropMsi')}
            onPickNative={() => void actions.pickFile('msi')}
            onFiles={(files) => void actions.importFiles(files.slice(0, 1), 'msi')}
            testId="msi-file"
          />
        </>
      )}
    </section>
  );
}

export function SymptomStep() {
  const { t } = useTranslation();
  const text = useDomainText();
  const choice = useWizard((s) => s.wizard.draft.choice);
  const canSubmit = useWizard((s) => canSubmitSymptom(s.wizard.draft));
  const cancelled = useWizard((s) => s.wizard.notice === 'scan-cancelled');
  // Files were given but none is a log: say why Continue waits, never scan without them (a false all-clear).
  const onlyRefused = useWizard(
    (s) => s.wizard.draft.logs.length > 0 && s.wizard.draft.logs.every((l) => l.status === 'refused'),
  );
  const actions = useActions();
  const radioName = useId();
  return (
    <section className="step" aria-labelledby="step-symptom">
      <StepHeading id="step-symptom">{t('symptom.heading')}</StepHeading>
      <p className="step-intro">{t('symptom.intro')}</p>
      {cancelled && <Notice tone="info">{t('symptom.cancelledNotice')}</Notice>}
      <fieldset className="cards">
        <legend className="visually-hidden">{t('symptom.choices')}</legend>
        {SYMPTOM_CHOICES.map((c) => (
          <label key={c} className={choice === c ? 'choice-card selected' : 'choice-card'} data-testid={`choice-${c}`}>
            <input type="radio" name={radioName} value={c} checked={choice === c} onChange={() => actions.choose(c)} />
            <span className="choice-title">{text({ key: `symptom.card.${c}.title`, params: {} })}</span>
            <span className="choice-desc">{text({ key: `symptom.card.${c}.desc`, params: {} })}</span>
          </label>
        ))}
      </fieldset>
      {(choice === 'other-code' || choice === 'company-deploy') && <OtherCodeField />}
      {choice === 'company-deploy' && <p className="field-hint">{t('symptom.companyHint')}</p>}
      {choice === 'log' && <LogFiles />}
      <MsiFile />
      {onlyRefused && (
        <p className="field-hint" role="status" data-testid="no-usable-log">
          {t('symptom.noUsableLog')}
        </p>
      )}
      <div className="actions sticky-actions">
        <button
          type="button"
          className="button primary"
          disabled={!canSubmit}
          onClick={actions.submitSymptom}
          data-testid="symptom-continue"
        >
          {t('symptom.continue')}
        </button>
        {choice === 'log' && !canSubmit && <span className="field-hint">{t('symptom.needLog')}</span>}
        {choice === 'other-code' && !canSubmit && <span className="field-hint">{t('symptom.needText')}</span>}
      </div>
    </section>
  );
}
