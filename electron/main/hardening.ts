// App-wide hardening: Electron's security checklist (all 20 items, each done here or explained), applied to every
// web contents and to the default session.
//
//  1 Only load secure content ........ the only page is app://msi-doctor (custom protocol, no network); every other
//                                      request (http, https, ws, file, ftp) is cancelled in onBeforeRequest below.
//  2 No Node integration for remote .. nodeIntegration/InWorker/InSubFrames false (web-preferences.ts).
//  3 Context isolation ............... contextIsolation true (web-preferences.ts).
//  4 Process sandboxing .............. sandbox true, plus app.enableSandbox() for every renderer (main.ts).
//  5 Permission requests ............. denied: setPermissionRequestHandler / setPermissionCheckHandler return false,
//                                      device and display-media requests refused; the Bluetooth, serial, HID and USB
//                                      choosers are cancelled (device-requests.ts).
//  6 webSecurity ..................... left on (web-preferences.ts).
//  7 Content Security Policy ......... header on every app:// response (content-security-policy.ts) and a meta tag in
//                                      renderer/index.html for the browser preview.
//  8 allowRunningInsecureContent ..... false (web-preferences.ts).
//  9 Experimental features ........... false (web-preferences.ts).
// 10 enableBlinkFeatures ............. never set.
// 11 <webview> allowpopups ........... webviewTag false and will-attach-webview prevented: no webview can exist.
// 12 <webview> options and params .... same: attaching any webview is refused, so there is nothing to verify.
// 13 Limit navigation ................ will-navigate / will-redirect / will-frame-navigate prevented unless the target
//                                      is our own app:// origin.
// 14 Limit new windows ............... setWindowOpenHandler denies every window; allowlisted documentation URLs are
//                                      handed to the default browser instead.
// 15 shell.openExternal .............. only for https URLs on learn.microsoft.com / support.microsoft.com
//                                      (services/external-links.ts), checked in every caller.
// 16 Current Electron ................ Electron 41 (package.json); update with the supported release lines.
// 17 Validate IPC senders ............ ipc-router.ts: main frame on app://msi-doctor only, payloads validated by zod.
// 18 No file:// ...................... the renderer is served by the app:// handler with a path-traversal guard.
// 19 Fuses ........................... set at packaging (build/electron-builder.config.cjs electronFuses): RunAsNode,
//                                      NODE_OPTIONS, --inspect off; asar integrity and only-load-from-asar on.
// 20 No Electron APIs to the page .... the preload exposes named functions only (no ipcRenderer, no channels).
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';
import { isAllowedExternalUrl } from '../services/external-links.ts';
import { denyBluetooth, denySessionDevices } from './device-requests.ts';

/** Schemes a page of ours may load: our protocol, inline data/blob (images, downloads), and DevTools itself. */
const ALLOWED_REQUEST = /^(app|data|blob|devtools|chrome-extension):/i;

export function hardenSession(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission request denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  denySessionDevices(session as unknown as Parameters<typeof denySessionDevices>[0], log);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = ALLOWED_REQUEST.test(details.url);
    if (!allowed) log(`blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  // No downloads: reports are written by the main process after a save dialog.
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(
  contents: WebContents,
  openExternal: (url: string) => void,
  log: (message: string) => void,
): void {
  denyBluetooth(contents as unknown as Parameters<typeof denyBluetooth>[0], log);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });
  const guardNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`navigation refused: ${url}`);
    if (isAllowedExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', (event) => guardNavigation(event, event.url));
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url));
  contents.on('will-redirect', (event) => guardNavigation(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    else log(`window.open refused: ${url}`);
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every web contents the app ever creates (including DevTools' and any future one). */
export function hardenAllWebContents(openExternal: (url: string) => void, log: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal, log));
}
