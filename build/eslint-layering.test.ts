// Proves the layering rules of build/eslint.config.js: each forbidden import, written into a file inside the area
// (linted in place through ESLint's API, as `npm run lint` would see it there), fails with the rule that owns it;
// the imports each area needs pass. If a rule stops catching what it claims, this test fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: REPO, overrideConfigFile: join(REPO, 'build', 'eslint.config.js') });

const PATHS = 'import-x/no-restricted-paths';
const IMPORTS = '@typescript-eslint/no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';

/** The specifier from `file` to the repo file `target` (which must exist: the rule resolves real files). */
function specifier(file: string, target: string): string {
  assert.ok(existsSync(join(REPO, target)), `${target} exists`);
  const path = relative(dirname(join(REPO, file)), join(REPO, target))
    .split(sep)
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** Rule ids ESLint reports for `code` as the file `file` (fatal parse errors included, as null). */
async function lint(file: string, code: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO, file) });
  return result!.messages.map((m) => m.ruleId);
}

interface Case {
  /** Where the probe file sits (repo-relative). */
  file: string;
  /** Its code; `{{path/to/target.ts}}` becomes the specifier from the probe to that repo file. */
  code: string;
  /** The rule that must report it (forbidden cases). */
  rule?: string;
}

function codeOf({ file, code }: Case): string {
  return code.replace(/\{\{([^}]+)\}\}/g, (_, target: string) => specifier(file, target));
}

const SYSTEM = 'electron/system/probes/layering-probe.ts';
const SERVICES = 'electron/services/layering-probe.ts';
const CLI = 'electron/cli/commands/layering-probe.ts';
const MAIN = 'electron/main/layering-probe.ts';
const PRELOAD = 'electron/preload/layering-probe.ts';
const SHARED = 'shared/diagnosis/layering-probe.ts';
const RENDERER = 'renderer/src/wizard/layering-probe.ts';

const FORBIDDEN: Case[] = [
  // shared <- electron/system <- electron/services <- electron/cli | electron/main, whatever the import form.
  { file: SYSTEM, code: "import '{{electron/services/data-dir.ts}}';", rule: PATHS },
  { file: SYSTEM, code: "export { defaultDataDir } from '{{electron/services/data-dir.ts}}';", rule: PATHS },
  { file: SYSTEM, code: "export const load = () => import('{{electron/cli/main.ts}}');", rule: PATHS },
  { file: SYSTEM, code: "import '{{electron/cli/cli-types.ts}}';", rule: PATHS },
  { file: SYSTEM, code: "import '{{electron/main/app-origin.ts}}';", rule: PATHS },
  { file: SYSTEM, code: "import '{{electron/preload/msi-doctor-api.ts}}';", rule: PATHS },
  { file: SYSTEM, code: "import '{{renderer/src/api/bridge.ts}}';", rule: PATHS },
  { file: SYSTEM, code: "import 'electron';", rule: IMPORTS },
  { file: SYSTEM, code: "import '@vscode/sudo-prompt';", rule: IMPORTS },
  { file: SERVICES, code: "import '{{electron/cli/main.ts}}';", rule: PATHS },
  { file: SERVICES, code: "import '{{electron/main/app-origin.ts}}';", rule: PATHS },
  { file: SERVICES, code: "import '{{electron/preload/msi-doctor-api.ts}}';", rule: PATHS },
  { file: SERVICES, code: "import { app } from 'electron';\nexport { app };", rule: IMPORTS },
  { file: SERVICES, code: "import '@vscode/sudo-prompt';", rule: IMPORTS },
  { file: CLI, code: "import '{{electron/main/headless.ts}}';", rule: PATHS },
  { file: CLI, code: "import '{{electron/preload/msi-doctor-api.ts}}';", rule: PATHS },
  { file: CLI, code: "import 'electron';", rule: IMPORTS },
  { file: MAIN, code: "import '{{electron/cli/commands/scan.ts}}';", rule: PATHS },
  { file: MAIN, code: "import '{{electron/preload/msi-doctor-api.ts}}';", rule: PATHS },
  { file: MAIN, code: "import '{{renderer/src/api/bridge.ts}}';", rule: PATHS },
  // ipcMain only in the IPC router, however it is reached.
  { file: MAIN, code: "import { ipcMain } from 'electron';\nipcMain.handle('x', async () => 1);", rule: IMPORTS },
  {
    file: MAIN,
    code: "import * as electron from 'electron';\nelectron.ipcMain.handle('x', async () => 1);",
    rule: SYNTAX,
  },
  {
    file: MAIN,
    code: "import electron from 'electron';\nconst { ipcMain } = electron;\nexport { ipcMain };",
    rule: SYNTAX,
  },
  { file: MAIN, code: "import { ipcMain } from 'electron/main';\nexport { ipcMain };", rule: IMPORTS },
  { file: 'electron/main/main.ts', code: "import { ipcMain } from 'electron';\nexport { ipcMain };", rule: IMPORTS },
  // The sandboxed preload: no Node, no services or other layers, only contextBridge/ipcRenderer, no zod values.
  { file: PRELOAD, code: "import { readFileSync } from 'node:fs';\nexport { readFileSync };", rule: IMPORTS },
  { file: PRELOAD, code: "import 'fs';", rule: IMPORTS },
  { file: PRELOAD, code: "import { ipcMain } from 'electron';\nexport { ipcMain };", rule: IMPORTS },
  { file: PRELOAD, code: "import { shell } from 'electron';\nexport { shell };", rule: IMPORTS },
  { file: PRELOAD, code: "import * as electron from 'electron';\nexport { electron };", rule: IMPORTS },
  {
    file: PRELOAD,
    code: "import { createAppServices } from '{{electron/services/app-services.ts}}';\nexport { createAppServices };",
    rule: PATHS,
  },
  { file: PRELOAD, code: "import '{{electron/system/run/quoting.ts}}';", rule: PATHS },
  { file: PRELOAD, code: "import '{{electron/main/app-origin.ts}}';", rule: PATHS },
  { file: PRELOAD, code: "import '{{electron/cli/main.ts}}';", rule: PATHS },
  {
    file: PRELOAD,
    code: "import { apiRequestSchemas } from '{{shared/contract/api.ts}}';\nexport { apiRequestSchemas };",
    rule: IMPORTS,
  },
  // shared/ and renderer/.
  { file: SHARED, code: "import '{{electron/services/data-dir.ts}}';", rule: PATHS },
  { file: SHARED, code: "import '{{renderer/src/api/bridge.ts}}';", rule: PATHS },
  { file: SHARED, code: "import 'node:fs';", rule: IMPORTS },
  { file: SHARED, code: "import 'electron';", rule: IMPORTS },
  { file: SHARED, code: "import 'react';", rule: IMPORTS },
  { file: RENDERER, code: "import 'node:path';", rule: IMPORTS },
  { file: RENDERER, code: "import 'electron';", rule: IMPORTS },
  { file: RENDERER, code: "import '{{electron/services/app-services.ts}}';", rule: PATHS },
  // Evidence is typed by its probe: consumers never cast its data; the renderer never imports its schemas to re-parse.
  {
    file: RENDERER,
    code: "import { evidenceDataSchemas } from '{{shared/contract/evidence-data.ts}}';\nexport const s = evidenceDataSchemas;",
    rule: SYNTAX,
  },
  {
    file: RENDERER,
    code: "import { evidenceSchema } from '{{shared/contract/evidence.ts}}';\nexport const s = evidenceSchema;",
    rule: SYNTAX,
  },
  {
    file: RENDERER,
    code: "import { installInProgressDataSchema as s } from '{{shared/contract/evidence-data.ts}}';\nexport { s };",
    rule: SYNTAX,
  },
  { file: RENDERER, code: "import * as d from '{{shared/contract/evidence-data.ts}}';\nexport { d };", rule: SYNTAX },
  { file: RENDERER, code: 'export const pid = (e: { data: unknown }) => e.data as { pid: number };', rule: SYNTAX },
  { file: RENDERER, code: 'export const pid = (e?: { data: unknown }) => e?.data as { pid: number };', rule: SYNTAX },
  { file: RENDERER, code: 'export const pid = (e: { data: unknown }) => e.data! as { pid: number };', rule: SYNTAX },
  { file: SHARED, code: 'export const pid = (e: { data: unknown }) => <{ pid: number }>e.data;', rule: SYNTAX },
  {
    file: 'shared/report/layering-probe.ts',
    code: 'export const d = (e: { data: unknown }) => e.data as object;',
    rule: SYNTAX,
  },
  { file: CLI, code: 'export const d = (e: { data: unknown }) => e.data as object;', rule: SYNTAX },
  // Tests are held to their area's layering.
  {
    file: 'shared/diagnosis/layering-probe.test.ts',
    code: "import '{{electron/services/system-factory.ts}}';",
    rule: PATHS,
  },
  { file: 'renderer/src/api/layering-probe.test.ts', code: "import '{{e2e/preview/server.ts}}';", rule: PATHS },
  {
    file: 'electron/system/run/layering-probe.test.ts',
    code: "import '{{electron/services/data-dir.ts}}';",
    rule: PATHS,
  },
];

const ALLOWED: Case[] = [
  { file: SYSTEM, code: "import '{{shared/contract/ids.ts}}';" },
  { file: SYSTEM, code: "import 'node:fs';" },
  { file: 'electron/system/run/elevated-runner.ts', code: "import '@vscode/sudo-prompt';" },
  { file: SERVICES, code: "import '{{electron/system/run/quoting.ts}}';\nimport '{{shared/contract/ids.ts}}';" },
  { file: CLI, code: "import '{{electron/services/data-dir.ts}}';\nimport '{{electron/system/run/quoting.ts}}';" },
  { file: MAIN, code: "import '{{electron/services/app-services.ts}}';\nimport '{{electron/cli/main.ts}}';" },
  { file: MAIN, code: "import { app, BrowserWindow } from 'electron';\nexport { app, BrowserWindow };" },
  {
    file: 'electron/main/ipc-router.ts',
    code: "import { ipcMain } from 'electron';\nipcMain.handle('x', async () => 1);",
  },
  {
    file: PRELOAD,
    code: "import { contextBridge, ipcRenderer } from 'electron';\nexport { contextBridge, ipcRenderer };",
  },
  {
    file: PRELOAD,
    code: "import type { MsiDoctorApi } from '{{shared/contract/api.ts}}';\nexport type { MsiDoctorApi };",
  },
  {
    file: PRELOAD,
    code: "import { API_FUNCTIONS } from '{{shared/contract/api-names.ts}}';\nexport { API_FUNCTIONS };",
  },
  { file: 'electron/preload/layering-probe.test.ts', code: "import 'node:assert/strict';" },
  { file: SHARED, code: "import '{{shared/contract/ids.ts}}';" },
  { file: 'shared/diagnosis/layering-probe.test.ts', code: "import 'node:fs';" },
  { file: RENDERER, code: "import '{{shared/contract/ids.ts}}';\nimport 'react';" },
  {
    file: RENDERER,
    code: [
      "import { findEvidence, probeData, type Evidence } from '{{shared/contract/evidence.ts}}';",
      "import { ASKED_ARGUMENTS, type PathEnvironmentData } from '{{shared/contract/evidence-data.ts}}';",
      "export const pid = (e: Evidence[]) => probeData(e, 'install-in-progress')?.clients[0]?.pid;",
      "export const found = (e: Evidence[]) => findEvidence(e, 'path-environment')?.data?.products;",
      'export type Path = PathEnvironmentData;',
      'export { ASKED_ARGUMENTS };',
    ].join('\n'),
  },
];

test('every forbidden import fails lint with the rule that owns it', async () => {
  const missed: string[] = [];
  for (const probe of FORBIDDEN) {
    const rules = await lint(probe.file, codeOf(probe));
    if (!rules.includes(probe.rule!)) missed.push(`${probe.file}: ${codeOf(probe)} -> ${JSON.stringify(rules)}`);
  }
  assert.deepEqual(missed, [], 'forbidden imports that lint let through (or caught with another rule)');
});

test('the imports each area needs pass lint', async () => {
  const refused: string[] = [];
  for (const probe of ALLOWED) {
    const rules = await lint(probe.file, codeOf(probe));
    if (rules.length > 0) refused.push(`${probe.file}: ${codeOf(probe)} -> ${JSON.stringify(rules)}`);
  }
  assert.deepEqual(refused, []);
});
