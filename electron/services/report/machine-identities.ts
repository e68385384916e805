// Who the report must not reveal: the identities of the scanned machine (simulated scenario or this real computer).
import { hostname, userInfo } from 'node:os';
import type { ScanResult } from '../../../shared/contract/scan.ts';
import { emptyIdentities, type Identities } from '../../../shared/report/redaction/redaction-kinds.ts';
import { buildMachine, loadScenario } from '../../system/simulated/index.ts';

/** The simulated machine's user, display name, profile, SID, computer and domain, from its scenario. */
function simulatedIdentities(scenario: string): Identities {
  const ids = emptyIdentities();
  try {
    const identity = buildMachine(loadScenario(scenario)).state.identity;
    ids.users.push(identity.userName, identity.displayName, identity.profile.split(/[\\/]/).pop() ?? '');
    ids.computers.push(identity.computerName);
    ids.domains.push(identity.domain);
    ids.sids.push(identity.userSid);
  } catch {
    // A scenario that cannot be loaded any more: the scan's own data still teaches the redactor.
  }
  return ids;
}

/** This computer's identities (when the scan ran on the real machine). */
function localIdentities(): Identities {
  const ids = emptyIdentities();
  try {
    ids.users.push(userInfo().username);
  } catch {
    // no user database entry (containers): nothing to add
  }
  ids.computers.push(hostname(), process.env.COMPUTERNAME ?? '');
  ids.domains.push(process.env.USERDOMAIN ?? '', process.env.USERDNSDOMAIN ?? '');
  const profile = process.env.USERPROFILE;
  if (profile) ids.users.push(profile.split(/[\\/]/).pop() ?? '');
  return ids;
}

export function machineIdentities(scan: ScanResult): Identities {
  const env = scan.environment;
  const ids = env.kind === 'simulated' && env.scenario ? simulatedIdentities(env.scenario) : localIdentities();
  const clean = (list: string[]) => [...new Set(list.map((v) => v.trim()).filter((v) => v.length >= 2))];
  return {
    users: clean(ids.users),
    computers: clean(ids.computers),
    domains: clean(ids.domains),
    sids: clean(ids.sids),
    secrets: [],
  };
}
