// React access to the wizard store: narrow selectors only, so a component re-renders when its own slice changes.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WizardActions, WizardStore, WizardStoreState } from './store.ts';
import type { TextInput } from '../../../shared/knowledge/text-render.ts';
import { domainText, domainTextParts, domainTextsVersion, subscribeDomainTexts } from '../i18n/domain-text.ts';
import type { TextPart } from '../../../shared/knowledge/text-render.ts';

const StoreContext = createContext<WizardStore | null>(null);

export function StoreProvider({ store, children }: { store: WizardStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useWizard<T>(selector: (state: WizardStoreState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWizard outside StoreProvider');
  return useStore(store, selector);
}

export function useActions(): WizardActions {
  return useWizard((s) => s.actions);
}

/** Domain texts (TextRef) in the current language; re-renders when the language's table has loaded. */
export function useDomainText(): (ref: TextInput) => string {
  const lang = useWizard((s) => s.lang);
  useSyncExternalStore(subscribeDomainTexts, domainTextsVersion);
  return (ref) => domainText(ref, lang);
}

/** Domain texts as parts (values from the machine apart), for DomainText. */
export function useDomainTextParts(): (ref: TextInput) => TextPart[] {
  const lang = useWizard((s) => s.lang);
  useSyncExternalStore(subscribeDomainTexts, domainTextsVersion);
  return (ref) => domainTextParts(ref, lang);
}
