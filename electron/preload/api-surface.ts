// The contract's API surface (names + channels) computed from shared/contract/api.ts: used by the build to inject
// it into the preload bundle, and by tests.
import { API_EVENTS, API_FUNCTIONS, channelOf } from '../../shared/contract/api.ts';
import type { ApiSurface } from './msi-doctor-api.ts';

export function contractApiSurface(): ApiSurface {
  const channels: Record<string, string> = {};
  for (const name of [...API_FUNCTIONS, ...API_EVENTS]) channels[name] = channelOf(name);
  return { functions: [...API_FUNCTIONS], events: [...API_EVENTS], channels };
}
