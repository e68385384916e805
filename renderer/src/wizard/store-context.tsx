// React access to the wizard store: narrow selectors only, so a component re-renders when its own slice changes.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WizardActions, WizardStore, WizardStoreState } from './store.ts';
import type { TextRef } from '../../../shared/contract/evidence.ts';
import { domainText } from '../i18n/domain-text.ts';

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

/** Domain texts (TextRef) in the current language. */
export function useDomainText(): (ref: TextRef) => string {
  const lang = useWizard((s) => s.lang);
  return (ref) => domainText(ref, lang);
}
