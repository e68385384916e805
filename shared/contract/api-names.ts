// The API's function and event names and their IPC channels: the one list, without zod, so the renderer and the
// sandboxed preload import it as values (shared/contract/api.ts adds the schemas and types keyed by these names);
// and the one way a transport builds its object of API functions from it.
import type { ApiFunction, ApiFunctions } from './api.ts';

/** Every function of window.msiDoctor, in the contract's order. */
export const API_FUNCTIONS = [
  'getEnvironment',
  'listScenarios',
  'selectScenario',
  'parseSymptom',
  'importFile',
  'analyzeLog',
  'getLogLines',
  'searchLog',
  'startScan',
  'cancelScan',
  'planRepair',
  'planVerification',
  'runKeyFile',
  'runRepair',
  'cancelRepair',
  'undoRepair',
  'listJournals',
  'previewRedaction',
  'exportReport',
  'listSessions',
  'getSession',
  'getActiveSession',
  'endSession',
  'openExternal',
  'pickFile',
] as const;
export type ApiFunctionName = (typeof API_FUNCTIONS)[number];

/** Every main -> renderer event. */
export const API_EVENTS = ['scanProgress', 'repairProgress', 'sessionChanged', 'filesOpened', 'menuCommand'] as const;
export type ApiEventName = (typeof API_EVENTS)[number];

/** The IPC channel of a function or event (never shown to the page: the preload maps names to channels). */
export function channelOf(name: ApiFunctionName | ApiEventName): string {
  return `msi-doctor:${name}`;
}

export function isApiFunctionName(name: string): name is ApiFunctionName {
  return (API_FUNCTIONS as readonly string[]).includes(name);
}

export function isApiEventName(name: string): name is ApiEventName {
  return (API_EVENTS as readonly string[]).includes(name);
}

/**
 * Every API function, made by `make` for its name. Generic over the name, so tsc checks that each function has its
 * own request and response types; the result is checked complete at run time, so no cast hides a missing one.
 */
export function apiFunctionsFrom(make: <N extends ApiFunctionName>(name: N) => ApiFunction<N>): ApiFunctions {
  const functions: { [N in ApiFunctionName]?: ApiFunction<N> } = {};
  for (const name of API_FUNCTIONS) addFunction(functions, name, make);
  if (!hasEveryFunction(functions)) throw new Error('An API function is missing.');
  return functions;
}

function addFunction<N extends ApiFunctionName>(
  functions: { [P in N]?: ApiFunction<P> },
  name: N,
  make: <P extends ApiFunctionName>(name: P) => ApiFunction<P>,
): void {
  functions[name] = make(name);
}

function hasEveryFunction(functions: { [N in ApiFunctionName]?: ApiFunction<N> }): functions is ApiFunctions {
  return API_FUNCTIONS.every((name) => typeof functions[name] === 'function');
}
