// Renderer entry: picks the bridge, creates the store and i18n in the OS language, and mounts the wizard.
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { getBridge } from './api/bridge.ts';
import { createWizardStore } from './wizard/store.ts';
import { StoreProvider } from './wizard/store-context.tsx';
import { createI18n, detectLang } from './i18n/i18n.ts';
import { loadDomainTexts } from './i18n/domain-text.ts';
import { App } from './wizard/app.tsx';
import './styles.css';

const { api, kind, upload } = getBridge();
const lang = detectLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
const i18n = createI18n(lang);
document.documentElement.lang = lang;
// The domain texts of the language shown are fetched once the first screen (which needs none of them) is up.
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 200);
whenIdle(() => void loadDomainTexts(lang).catch(() => undefined));
const store = createWizardStore({
  api,
  lang,
  bridge: kind,
  upload,
  writeClipboard: (text) => navigator.clipboard.writeText(text),
});
// Keep i18next and <html lang> in step with the store's language (the switch in the header changes it).
store.subscribe((state, previous) => {
  if (state.lang === previous.lang) return;
  void i18n.changeLanguage(state.lang);
  void loadDomainTexts(state.lang).catch(() => undefined);
  document.documentElement.lang = state.lang;
});
void store.getState().actions.init();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </I18nextProvider>,
  );
}
