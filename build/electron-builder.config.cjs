// electron-builder configuration: Windows x64 NSIS (per-user, no admin) + portable, Linux AppImage; asInvoker,
// asar, Electron fuses, "Open with" registration for .log/.msi without taking over their default handlers.
// Version comes from package.json (never set here). Used by `npm run dist`; checked by electron-builder-config.test.ts.
/* global module */

/** Artifact names have no spaces (IT tooling and URLs): MSI-Doctor-0.1.0-x64-setup.exe etc. */
const PRODUCT = 'MSI-Doctor';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.msi-doctor.app',
  productName: PRODUCT,
  executableName: PRODUCT,
  copyright: 'MIT License',
  artifactName: '${productName}-${version}-${arch}.${ext}',
  directories: { buildResources: 'build', output: 'out/packages' },
  // Only the bundles: main/preload are self-contained (esbuild), the renderer is static. No sources, tests,
  // e2e specs, corpus, source maps or node_modules go into the package.
  files: [
    'package.json',
    'dist/electron/**/*',
    'dist/renderer/**/*',
    '!**/*.map',
    '!**/*.ts',
    '!**/*.tsx',
    '!**/*.test.*',
    '!**/node_modules/**/*',
    '!electron/**/*',
    '!renderer/**/*',
    '!shared/**/*',
    '!e2e/**/*',
    '!build/**/*',
    '!**/corpus/**/*',
  ],
  // The installer's publisher comes from author; package.json stays free of packaging-only fields.
  extraMetadata: { main: 'dist/electron/main.cjs', author: { name: 'MSI Doctor contributors' } },
  asar: true,
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the signed exe into a general-purpose Node
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS / NODE_EXTRA_CA_CERTS ignored
    enableNodeCliInspectArguments: false, // --inspect and SIGUSR1 ignored
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false, // we serve app://, never file://
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    // The app runs as the invoking user; only individual repairs elevate (one UAC prompt per batch).
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    oneClick: false,
    perMachine: false, // per-user install under %LOCALAPPDATA%\Programs: no admin rights needed
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'MSI Doctor',
    uninstallDisplayName: 'MSI Doctor',
    artifactName: '${productName}-${version}-${arch}-setup.${ext}',
    // "Open with" for .log and .msi only (electron-builder's fileAssociations would make us the default handler,
    // which for .msi would break double-click installs).
    include: 'build/installer.nsh',
  },
  portable: {
    artifactName: '${productName}-${version}-${arch}-portable.${ext}',
    requestExecutionLevel: 'user',
  },
  linux: {
    target: [{ target: 'AppImage', arch: ['x64'] }],
    icon: 'build/icon.png',
    category: 'Utility',
    synopsis: 'Diagnoses and fixes failed Windows Installer (.msi) installs',
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
};
