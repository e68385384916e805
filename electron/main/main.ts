// The Electron main process: app lifecycle, the single window, the app:// protocol, hardening, the IPC router,
// the menu, single-instance handling and files opened with the app; or headless CLI mode without any window.
import { app, BrowserWindow, dialog, Menu, protocol, screen, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAppServices } from '../services/app-services.ts';
import { ReadablePaths } from '../services/readable-paths.ts';
import { isAllowedExternalUrl } from '../services/external-links.ts';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './app-origin.ts';
import { createAppProtocolHandler } from './app-protocol.ts';
import { buildMenuTemplate } from './app-menu.ts';
import { setUpAppLog } from './app-log.ts';
import { hardenAllWebContents, hardenSession } from './hardening.ts';
import { runHeadless } from './headless.ts';
import { createHostHooks } from './host-hooks.ts';
import { installIpcRouter } from './ipc-router.ts';
import { createEventSender } from './ipc-routes.ts';
import { parseLaunchArgs, userArgs } from './launch-options.ts';
import { langFromLocale, mainText } from './main-texts.ts';
import { secureWebPreferences } from './web-preferences.ts';
import { loadWindowState, MIN_SIZE, saveWindowState } from './window-state.ts';

// The bundle lives in dist/electron/; the renderer build in dist/renderer/.
const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD_PATH = join(__dirname, 'preload.cjs');

// A fixed user data folder name (not derived from package.json) so logs, journals and backups are easy to find.
app.setPath('userData', process.env.MSI_DOCTOR_USER_DATA_DIR || join(app.getPath('appData'), 'MSI Doctor'));

const launch = parseLaunchArgs(userArgs(process.argv), process.cwd(), process.env);

// app:// behaves like https (standard, secure origin), so CSP 'self' and fetch work without file://.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

if (launch.headless) {
  const headless = launch.headless;
  // No window, no single-instance lock: IT tools may run it while a user has the app open.
  void runHeadless(headless, { stderr: process.stderr })
    .catch((error: unknown) => {
      process.stderr.write(`MSI Doctor --headless: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    })
    .then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock({ files: launch.files })) {
  // Another instance owns the window; it receives our files through 'second-instance'.
  app.quit();
} else {
  startApp();
}

function startApp(): void {
  const { path: appLogPath, log } = setUpAppLog(app.getPath('userData'));
  const logLine = (message: string, detail?: unknown): void => {
    if (detail === undefined) log.info(message);
    else log.error(message, detail);
  };
  log.info(`MSI Doctor ${app.getVersion()} starting on ${process.platform} (Electron ${process.versions.electron})`);

  let mainWindow: BrowserWindow | null = null;
  let rendererReady = false;
  const pendingFiles: string[] = [...launch.files];
  const emit = createEventSender(() => mainWindow?.webContents ?? null);
  const lang = langFromLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
  const openExternal = (url: string): void => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  };

  const readablePaths = new ReadablePaths();
  const services = createAppServices({
    readablePaths,
    platform: process.platform,
    dataDir: join(app.getPath('userData'), 'data'),
    ...(launch.simulate ? { simulate: launch.simulate } : {}),
    ...(launch.scenarioFile ? { scenarioFile: launch.scenarioFile } : {}),
    emit,
    appVersion: app.getVersion(),
    // The installed app's own executable: a restart repair registers a one-time resume of it (HKCU RunOnce).
    ...(process.platform === 'win32' && app.isPackaged ? { appPath: process.execPath } : {}),
    lang,
    appLogPath,
    host: createHostHooks({ window: () => mainWindow, lang, documentsDir: app.getPath('documents') }),
  });

  // Files named on the command line (double-click on a .log/.msi) are the user's choice: the wizard may read them.
  readablePaths.grant(...launch.files);

  function handOverFiles(paths: string[]): void {
    readablePaths.grant(...paths);
    pendingFiles.push(...paths);
    if (!rendererReady || pendingFiles.length === 0) return;
    emit('filesOpened', { paths: pendingFiles.splice(0) });
  }

  function focusWindow(): void {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }

  function createWindow(): void {
    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const state = loadWindowState(
      stateFile,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    // DevTools exist only in development: a packaged build has none (no environment variable brings them back).
    const webPreferences = secureWebPreferences(PRELOAD_PATH, { devTools: !app.isPackaged });
    // Electron has no getter for a window's webPreferences: keep what we passed, readable only in the main process
    // (the Electron e2e asserts on it through Playwright's app.evaluate); pages cannot reach it.
    (globalThis as { msiDoctorWindowPreferences?: unknown }).msiDoctorWindowPreferences = Object.freeze({
      ...webPreferences,
    });
    mainWindow = new BrowserWindow({
      ...state.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: 'MSI Doctor',
      backgroundColor: '#f3f3f3',
      autoHideMenuBar: false,
      // The decisive settings restated where the window is made, for reviewers and the static scanner (security:scan).
      webPreferences: {
        ...webPreferences,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    if (state.maximized) mainWindow.maximize();
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.webContents.on('did-finish-load', () => {
      rendererReady = true;
      handOverFiles([]);
    });
    mainWindow.webContents.on('did-start-loading', () => {
      rendererReady = false;
    });
    mainWindow.on('close', () => {
      if (!mainWindow) return;
      saveWindowState(stateFile, { bounds: mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(APP_ENTRY_URL);
  }

  function setMenu(): void {
    const template = buildMenuTemplate(
      lang,
      {
        command: (command) => emit('menuCommand', { command }),
        openDocumentation: openExternal,
        about: () => {
          void services.getEnvironment({}).then((env) =>
            dialog.showMessageBox({
              type: 'info',
              title: mainText('menu.help.about', lang),
              message: 'MSI Doctor',
              detail: mainText('about.detail', lang, {
                version: app.getVersion(),
                machine: mainText(env.kind === 'simulated' ? 'about.machine.simulated' : 'about.machine.real', lang),
              }),
            }),
          );
        },
        quit: () => app.quit(),
      },
      { devTools: !app.isPackaged },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  app.on('second-instance', (_event, _argv, _cwd, additionalData) => {
    focusWindow();
    const files = (additionalData as { files?: unknown } | undefined)?.files;
    if (Array.isArray(files)) handOverFiles(files.filter((f): f is string => typeof f === 'string'));
  });
  // macOS: files dropped on the Dock icon or opened with the app (Windows passes them on the command line).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    handOverFiles([path]);
  });
  app.on('window-all-closed', () => app.quit());

  hardenAllWebContents(openExternal, (m) => log.warn(m));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, (m) => log.warn(m));
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: RENDERER_ROOT, readFile: (p) => readFile(p) }));
    installIpcRouter({ services, isAppUrl, log: logLine });
    setMenu();
    createWindow();
  });
}
