// Lint rules for the whole repo, including the import boundaries of docs/architecture (who may import whom).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const noSudoPrompt = {
  name: '@vscode/sudo-prompt',
  message: 'Only electron/system/run/elevated-runner.ts may import @vscode/sudo-prompt.',
};

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
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' })),
            noElectron,
            noSudoPrompt,
          ],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/.' },
            {
              group: ['react', 'react-dom', 'zustand', 'i18next', 'react-i18next'],
              message: 'shared/ has no UI libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ never uses Node built-ins.' })),
            noElectron,
            noSudoPrompt,
          ],
          patterns: [{ group: ['**/electron/**'], message: 'renderer/ talks to main only through src/api/bridge.ts.' }],
        },
      ],
    },
  },
  {
    files: ['electron/system/**/*.ts', 'electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: ['electron/system/run/elevated-runner.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noSudoPrompt],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
              message: 'The system layer is plain Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/system/run/elevated-runner.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/renderer/**'] }] }],
    },
  },
);
