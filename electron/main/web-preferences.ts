// The main window's webPreferences: the security settings of Electron's checklist in one reviewed constant.
import type { WebPreferences } from 'electron';

/** `devTools`: only in development; a packaged app has none (the menu item and the shortcut go with it). */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true, // checklist 3: the page cannot reach the preload's world
    sandbox: true, // checklist 4: renderer in the OS sandbox; the preload only gets contextBridge/ipcRenderer
    nodeIntegration: false, // checklist 2
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true, // checklist 6
    allowRunningInsecureContent: false, // checklist 8
    experimentalFeatures: false, // checklist 9
    // checklist 10: enableBlinkFeatures deliberately absent; middle-click (auxclick) cannot open windows either
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false, // checklist 11-12: no <webview> at all
    navigateOnDragDrop: false, // dropping a file onto the window must not navigate to file://
    spellcheck: false, // no dictionary downloads (no remote content)
    safeDialogs: true,
    devTools: options.devTools,
  };
}
