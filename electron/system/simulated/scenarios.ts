// Scenario loading: built-ins by name, any file by path, validated with zod, applied over the healthy base machine.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { baseMachineState } from './defaults.ts';
import { SimulatedMachine } from './machine.ts';
import { canonicalKey, canonicalPath, type MachineState, type SimService } from './model.ts';
import { scenarioSchema, type MachineOverrides, type Scenario } from './scenario-schema.ts';

export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Names of the built-in scenarios (files in scenarios/*.json), sorted. */
export function listScenarios(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

export interface LoadedScenario {
  scenario: Scenario;
  /** Folder that relative `contentFile`s resolve against. */
  baseDir: string;
  source: string;
}

/** A built-in name ('healthy') or a path to a .json file. Throws ScenarioError with a readable message. */
export function loadScenario(nameOrPath: string): LoadedScenario {
  const isPath = /[\\/]/.test(nameOrPath) || nameOrPath.endsWith('.json');
  const file = isPath ? resolve(nameOrPath) : join(SCENARIO_DIR, `${nameOrPath}.json`);
  if (!existsSync(file)) {
    throw new ScenarioError(
      isPath
        ? `Scenario file not found: ${file}`
        : `Unknown scenario "${nameOrPath}". Built-in scenarios: ${listScenarios().join(', ')}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScenarioError(`Scenario ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return { scenario: parseScenario(json, file), baseDir: dirname(file), source: file };
}

export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ScenarioError(`Scenario ${source} does not match msi-doctor/scenario@1:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

function minutesBefore(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() - minutes * 60_000).toISOString();
}

function encodeContent(text: string, encoding: 'utf8' | 'utf8-bom' | 'utf16le' | 'cp936'): Buffer {
  switch (encoding) {
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'cp936':
      return iconv.encode(text, 'cp936');
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** Applies a scenario's overrides to a machine state (mutates and returns it). */
export function applyOverrides(state: MachineState, o: MachineOverrides, baseDir: string): MachineState {
  if (o.now) {
    // Move every base timestamp with the clock so "3 days ago" stays 3 days ago.
    const shift = new Date(o.now).getTime() - new Date(state.now).getTime();
    const move = (iso: string): string => new Date(new Date(iso).getTime() + shift).toISOString();
    state.now = o.now;
    state.bootTime = move(state.bootTime);
    for (const p of state.processes) p.startedAt = move(p.startedAt);
    for (const e of state.events) e.time = move(e.time);
  }
  if (o.bootMinutesAgo !== undefined) state.bootTime = minutesBefore(state.now, o.bootMinutesAgo);
  if (o.windowsVersion) state.windowsVersion = o.windowsVersion;
  if (o.identity) state.identity = { ...state.identity, ...o.identity };
  if (o.locale) state.locale = { ...state.locale, ...o.locale };
  if (o.elevation) state.elevation = { ...state.elevation, ...o.elevation };
  for (const [name, svc] of Object.entries(o.services ?? {})) {
    if (svc === null) {
      delete state.services[name];
      continue;
    }
    const base: SimService = state.services[name] ?? {
      name,
      displayName: name,
      state: 'stopped',
      pid: null,
      acceptsShutdown: false,
      acceptsStop: false,
      win32ExitCode: 0,
      type: 0x10,
    };
    const merged: SimService = { ...base };
    for (const [k, v] of Object.entries(svc))
      if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
    state.services[name] = merged;
  }
  for (const p of o.processes ?? []) {
    state.processes.push({
      pid: p.pid,
      parentPid: p.parentPid,
      name: p.name,
      commandLine: p.commandLine,
      startedAt: minutesBefore(state.now, p.startedMinutesAgo),
      sessionId: p.sessionId,
      userSid: p.userSid ?? state.identity.userSid,
    });
  }
  for (const [key, values] of Object.entries(o.registry ?? {})) {
    const canon = canonicalKey(key);
    const existing = Object.keys(state.registry).find((k) => k.toLowerCase() === canon.toLowerCase());
    if (values === null) {
      for (const k of Object.keys(state.registry)) {
        if (k.toLowerCase() === canon.toLowerCase() || k.toLowerCase().startsWith(canon.toLowerCase() + '\\'))
          delete state.registry[k];
      }
      continue;
    }
    const target = (state.registry[existing ?? canon] ??= {});
    for (const [name, value] of Object.entries(values)) {
      for (const n of Object.keys(target)) if (n.toLowerCase() === name.toLowerCase()) delete target[n];
      if (value !== null) target[name] = value;
    }
  }
  for (const [path, file] of Object.entries(o.files ?? {})) {
    const canon = canonicalPath(path);
    for (const k of Object.keys(state.files))
      if (canonicalPath(k).toLowerCase() === canon.toLowerCase()) delete state.files[k];
    if (file === null) continue;
    let content: Buffer | undefined;
    if (file.contentFile !== undefined) {
      const contentPath = resolve(baseDir, file.contentFile);
      if (!existsSync(contentPath)) throw new ScenarioError(`Scenario content file not found: ${contentPath}`);
      content = encodeContent(readFileSync(contentPath, 'utf8'), file.encoding);
    } else if (file.text !== undefined) content = encodeContent(file.text, file.encoding);
    state.files[canon] = {
      kind: file.kind,
      sddl: file.sddl,
      modified: minutesBefore(state.now, file.modifiedMinutesAgo),
      ...(content ? { contentBase64: content.toString('base64') } : {}),
      ...(file.msi ? { msi: file.msi } : {}),
      ...(file.runs ? { runs: file.runs } : {}),
    };
  }
  for (const [name, value] of Object.entries(o.env ?? {})) {
    for (const k of Object.keys(state.env)) if (k.toLowerCase() === name.toLowerCase()) delete state.env[k];
    if (value !== null) state.env[name] = value;
  }
  let record = Math.max(0, ...state.events.map((e) => e.recordId));
  for (const e of o.events ?? []) {
    state.events.push({
      provider: e.provider,
      id: e.id,
      time: minutesBefore(state.now, e.minutesAgo),
      recordId: e.recordId ?? ++record,
      data: e.data,
      ...(e.binaryHex ? { binaryHex: e.binaryHex } : {}),
      userSid: e.userSid ?? state.identity.userSid,
    });
  }
  for (const p of o.products ?? []) state.products.push({ ...p });
  if (o.msiExecuteMutex) state.msiExecuteMutex = o.msiExecuteMutex;
  if (o.drives) state.drives = o.drives;
  if (o.applocker) state.applocker = o.applocker;
  if (o.configMgr !== undefined) state.configMgr = o.configMgr;
  if (o.explorerPath !== undefined) state.explorerPath = o.explorerPath;
  return state;
}

/** A fresh machine for a loaded scenario (each call is independent: repairs on one never leak into another). */
export function buildMachine(loaded: LoadedScenario): SimulatedMachine {
  const state = applyOverrides(baseMachineState(), loaded.scenario.machine, loaded.baseDir);
  return new SimulatedMachine(state, loaded.scenario.name);
}
