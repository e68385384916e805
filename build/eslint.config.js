// Lint rules for the whole repo, including the layering of docs/architecture (who may import whom), which
// build/eslint-layering.test.ts proves by linting forbidden and allowed imports in every area.
//   shared  <-  electron/system  <-  electron/services  <-  electron/cli | electron/main   (main runs cli/main.ts headless)
//   renderer: shared only;  electron/preload: 'electron' (contextBridge, ipcRenderer), shared types, the API names.
// Tests and test helpers are held to their area's rules (they may also use Node built-ins, as they run under Node).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import globals from 'globals';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts', '**/*.test-support.tsx'];
const SUDO_PROMPT_USER = 'electron/system/run/elevated-runner.ts';
const IPC_ROUTER = 'electron/main/ipc-router.ts';

/** Folders an area may never import from, whatever the specifier looks like (import-x resolves it to a file). */
const FORBIDDEN_FOLDERS = {
  shared: ['electron', 'renderer', 'e2e', 'build'],
  renderer: ['electron', 'e2e', 'build'],
  'electron/system': [
    'electron/services',
    'electron/cli',
    'electron/main',
    'electron/preload',
    'renderer',
    'e2e',
    'build',
  ],
  'electron/services': ['electron/cli', 'electron/main', 'electron/preload', 'renderer', 'e2e', 'build'],
  'electron/cli': ['electron/main', 'electron/preload', 'renderer', 'e2e', 'build'],
  'electron/main': ['electron/preload', 'renderer', 'e2e', 'build'],
  'electron/preload': [
    'electron/system',
    'electron/services',
    'electron/cli',
    'electron/main',
    'renderer',
    'e2e',
    'build',
  ],
};
const layerZones = Object.entries(FORBIDDEN_FOLDERS).flatMap(([area, folders]) =>
  folders.map((folder) => ({
    target: `./${area}`,
    from: `./${folder}`,
    message: `${area}/ may not import from ${folder}/ (layering: see build/eslint.config.js).`,
  })),
);
// electron/main runs the CLI for --headless through its entry point only.
layerZones.push({
  target: './electron/main',
  from: './electron/cli',
  except: ['./main.ts'],
  message: 'electron/main may import only electron/cli/main.ts (headless mode).',
});

const noElectron = (area) => [
  { name: 'electron', message: `${area}/ never imports electron: only electron/main and electron/preload do.` },
];
const noElectronSubpaths = { group: ['electron/*'], message: 'Import electron itself, never its subpaths.' };
const noSudoPrompt = {
  name: '@vscode/sudo-prompt',
  message: `Only ${SUDO_PROMPT_USER} may import @vscode/sudo-prompt.`,
};
const noNode = (area) => nodeBuiltins.map((name) => ({ name, message: `${area}/ does not use Node built-ins.` }));
const noIpcMain = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: `ipcMain is used only by the IPC router (${IPC_ROUTER}).`,
};
/** Reaching ipcMain without a named import: electron.ipcMain, const { ipcMain } = electron. */
const noIpcMainSyntax = [
  'error',
  {
    selector: "MemberExpression[property.name='ipcMain']",
    message: `ipcMain is used only by the IPC router (${IPC_ROUTER}).`,
  },
  {
    selector: "ObjectPattern > Property[key.name='ipcMain']",
    message: `ipcMain is used only by the IPC router (${IPC_ROUTER}).`,
  },
];

/**
 * Evidence is a union keyed on the probe, validated once where it is made or read back (shared/contract/evidence.ts):
 * its consumers narrow on `probe` (findEvidence / probeData) and never cast its data or parse it again.
 */
const EVIDENCE_CONSUMERS = [
  'renderer/**/*.{ts,tsx}',
  'shared/diagnosis/**/*.ts',
  'shared/report/**/*.ts',
  'electron/cli/**/*.ts',
];
const castMessage =
  'Evidence data are typed by their probe: narrow on evidence.probe or use findEvidence/probeData (shared/contract/evidence.ts), never cast `.data`.';
const noEvidenceCasts = ['TSAsExpression', 'TSTypeAssertion'].flatMap((cast) => [
  { selector: `${cast}[expression.property.name='data']`, message: castMessage },
  // x.data! as T, x?.data as T
  { selector: `${cast}[expression.expression.property.name='data']`, message: castMessage },
]);
const EVIDENCE_MODULES = '/shared\\/contract\\/evidence(-data)?\\.ts$/';
const schemaMessage =
  'The renderer shows evidence the main process validated: it imports evidence types, never their schemas (no second parse).';
const noEvidenceSchemas = [
  {
    selector: `ImportDeclaration[source.value=${EVIDENCE_MODULES}] ImportSpecifier[imported.name=/Schemas?$/]`,
    message: schemaMessage,
  },
  { selector: `ImportDeclaration[source.value=${EVIDENCE_MODULES}] ImportNamespaceSpecifier`, message: schemaMessage },
];

/** One `@typescript-eslint/no-restricted-imports` block for an area's sources and one for its tests (Node allowed). */
function packageRules(area, { paths, patterns = [], nodeAllowedInSources = false }) {
  const rule = (withNode) => [
    'error',
    { paths: [...paths, ...(withNode ? [] : noNode(area))], patterns: [noElectronSubpaths, ...patterns] },
  ];
  const files = [`${area}/**/*.ts`, `${area}/**/*.tsx`];
  return [
    { files, ignores: TESTS, rules: { '@typescript-eslint/no-restricted-imports': rule(nodeAllowedInSources) } },
    { files: TESTS.map((t) => `${area}/${t}`), rules: { '@typescript-eslint/no-restricted-imports': rule(true) } },
  ];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'out/**', 'artifacts/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js', 'build/**/*.ts', 'e2e/**/*.ts'], languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },

  // Layering by resolved path: no specifier form (../, ../../, a re-export, import(), require()) gets around it.
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: REPO, zones: layerZones }] },
  },

  // Packages and built-ins, per area.
  ...packageRules('shared', {
    paths: [...noElectron('shared'), noSudoPrompt],
    patterns: [
      {
        group: ['react', 'react-dom', 'zustand', 'i18next', 'react-i18next'],
        message: 'shared/ has no UI libraries.',
      },
    ],
  }),
  ...packageRules('renderer', { paths: [...noElectron('renderer'), noSudoPrompt] }),
  ...['electron/system', 'electron/services', 'electron/cli'].flatMap((area) =>
    packageRules(area, { paths: [...noElectron(area), noSudoPrompt], nodeAllowedInSources: true }),
  ),
  {
    files: [SUDO_PROMPT_USER],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: noElectron('electron/system'), patterns: [noElectronSubpaths] },
      ],
    },
  },
  ...packageRules('electron/main', { paths: [noSudoPrompt, noIpcMain], nodeAllowedInSources: true }),
  { files: ['electron/main/**/*.ts'], ignores: [IPC_ROUTER], rules: { 'no-restricted-syntax': noIpcMainSyntax } },
  {
    files: [IPC_ROUTER],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noSudoPrompt], patterns: [noElectronSubpaths] }],
    },
  },
  // The sandboxed preload: no Node, only contextBridge/ipcRenderer from electron; from shared/, types and the
  // zod-free API names only (values from the contract would pull zod into the preload bundle).
  ...packageRules('electron/preload', {
    paths: [
      noSudoPrompt,
      {
        name: 'electron',
        allowImportNames: ['contextBridge', 'ipcRenderer'],
        message: 'The sandboxed preload uses only contextBridge and ipcRenderer.',
      },
    ],
    patterns: [
      {
        group: ['**/shared/**/*.ts', '!**/shared/contract/api-names.ts'],
        allowTypeImports: true,
        message: 'The preload imports only types from shared/ (and the API names): values would bundle zod.',
      },
    ],
  }),
  { files: ['electron/preload/**/*.ts'], rules: { 'no-restricted-syntax': noIpcMainSyntax } },
  // Evidence consumers read typed data; the renderer does not even import the schemas that would let it parse again.
  { files: EVIDENCE_CONSUMERS, rules: { 'no-restricted-syntax': ['error', ...noEvidenceCasts] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...noEvidenceCasts, ...noEvidenceSchemas] },
  },
);
