// The top bar: app name, "Simulated machine" label with the scenario picker, language switch, history, start over.
import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { LANGS, type Lang } from '../../../shared/contract/ids.ts';
import { isBusy } from '../../../shared/wizard/transition.ts';
import { useActions, useWizard } from './store-context.tsx';
import { pick, type LocalText } from '../../../shared/knowledge/local-text.ts';

/** The language the shown words are in: the user's, or English when the scenario has no translation. */
function wordsLang(text: LocalText, lang: Lang): Lang {
  return text[lang] ? lang : 'en';
}

/** A scenario's description: `names` of the machine (its products) are quoted machine text, not translated. */
function ScenarioWords({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        i % 2 === 1 ? (
          <bdi key={i} translate="no">
            {part}
          </bdi>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function Header() {
  const { t } = useTranslation();
  const simulated = useWizard((s) => s.env?.kind === 'simulated');
  const scenario = useWizard((s) => s.env?.scenario ?? '');
  const scenarios = useWizard((s) => s.scenarios);
  const current = scenarios.find((s) => s.name === scenario) ?? null;
  const lang = useWizard((s) => s.lang);
  const busy = useWizard((s) => isBusy(s.wizard));
  const actions = useActions();
  const langId = useId();
  const scenarioId = useId();
  return (
    <header className="topbar">
      <div className="brand">
        <h1 className="brand-name">{t('app.title')}</h1>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="topbar-tools">
        {simulated && (
          <span className="badge badge-sim" title={t('app.simulatedHint')} data-testid="simulated-label">
            {t('app.simulated')}
          </span>
        )}
        {simulated && scenarios.length > 0 && (
          <span className="field-inline">
            <label htmlFor={scenarioId}>{t('app.scenario')}</label>
            <select
              id={scenarioId}
              value={scenario}
              disabled={busy}
              onChange={(e) => void actions.selectScenario(e.target.value)}
              data-testid="scenario-picker"
            >
              {/* The catalog's words in the user's language; a user's own English-only scenario is marked so. */}
              {scenarios.map((s) => (
                <option key={s.name} value={s.name} lang={wordsLang(s.title, lang)}>
                  {pick(s.title, lang) || s.name}
                </option>
              ))}
            </select>
          </span>
        )}
        {simulated && (
          <details className="sim-about" data-testid="simulated-about">
            <summary>{t('app.simulatedAbout')}</summary>
            <div className="sim-about-body">
              <p>{t('app.simulatedExplained')}</p>
              {current && (
                <p lang={wordsLang(current.description, lang)} data-testid="scenario-description">
                  <strong>{pick(current.title, lang)}</strong> <ScenarioWords text={pick(current.description, lang)} />
                </p>
              )}
            </div>
          </details>
        )}
        <span className="field-inline">
          <label htmlFor={langId}>{t('app.language')}</label>
          <select
            id={langId}
            value={lang}
            onChange={(e) => actions.setLang(e.target.value as Lang)}
            data-testid="language"
          >
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`langs.${l}`)}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="button subtle" onClick={() => void actions.openHistory()} disabled={busy}>
          {t('app.history')}
        </button>
        <button
          type="button"
          className="button subtle"
          onClick={actions.startOver}
          disabled={busy}
          data-testid="header-start-over"
        >
          {t('app.startOver')}
        </button>
      </div>
    </header>
  );
}
