// Rule: who holds the Windows Installer lock (1618): a client msiexec install, Windows Update, a deployment agent, or nobody.
import type { DiagnosisContext } from '../context.ts';
import type { MsiClient } from '../../contract/evidence-data.ts';
import { nestedParam } from '../../knowledge/texts.ts';
import { against, probeFact, probeRef, type Signal } from '../signal.ts';
import { timeParam } from '../../knowledge/local-time.ts';

/** A client install running longer than this is "probably stuck" (then ending it is offered after waiting). */
const STUCK_MINUTES = 60;

export function ageParam(minutes: number | null): string {
  if (minutes === null) return nestedParam('value.unknown-package');
  if (minutes < 120) return nestedParam('value.age.minutes', { count: Math.max(1, Math.round(minutes)) });
  if (minutes < 48 * 60) return nestedParam('value.age.hours', { count: Math.round(minutes / 60) });
  return nestedParam('value.age.days', { count: Math.round(minutes / 1440) });
}

export function packageName(client: MsiClient): string {
  const path = client.packagePath ?? '';
  const base = path.split(/[\\/]/).pop() ?? '';
  return base || path || nestedParam('value.unknown-package');
}

/**
 * A product's display name with its version, unless the name already says it: one value from the machine, so every
 * page marks all of it as quoted data (a product name is never translated).
 */
function productParam(name: string, version: string | null): string {
  return version && !name.includes(version) ? `${name} ${version}` : name;
}

/**
 * What a running install installs, as a person knows it: the product's display name and version when the evidence
 * knows them (the package the scan read, an installed product or an installer event with its product code, the
 * package the user gave when it is the same file), the file only when nothing better is known.
 */
export function runningProduct(ctx: DiagnosisContext, client: MsiClient): string {
  if (client.product) return productParam(client.product.name, client.product.version);
  const path = client.packagePath?.trim() ?? '';
  const installed = ctx.data('installed-products');
  if (PRODUCT_CODE.test(path)) {
    // msiexec /x {code} (or /f, /i {code}): the product is installed, so Windows knows its name.
    const code = path.toUpperCase();
    const product = installed?.installed.find((p) => p.productCode.toUpperCase() === code && p.name);
    if (product?.name) return productParam(product.name, product.version);
    const event = ctx.data('installer-events')?.events.find((e) => e.productCode?.toUpperCase() === code && e.product);
    if (event?.product) return productParam(event.product, event.version);
  } else if (path && installed?.msiPath?.toLowerCase() === path.toLowerCase() && installed.package?.productName) {
    return productParam(installed.package.productName, installed.package.productVersion);
  }
  return packageName(client);
}

/** A product code as msiexec takes it: {8-4-4-4-12 hex digits}. */
const PRODUCT_CODE = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/;
const UPDATE_NAMES = new Set(['wuauserv', 'TrustedInstaller', 'TiWorker']);
const AGENT_NAMES = new Set(['CcmExec', 'IntuneManagementExtension']);
/** Where Windows Update and servicing stage the packages they install. */
const UPDATE_PATH = /\\SoftwareDistribution\\|\\WinSxS\\|\\servicing\\/i;
/** ConfigMgr and Intune (IME) caches. */
const AGENT_PATH = /\\ccmcache\\|\\IMECache\\/i;

export function inProgressRule(ctx: DiagnosisContext): Signal[] {
  const d = ctx.data('install-in-progress');
  const service = ctx.data('installer-service');
  if (!d) return [];
  const signals: Signal[] = [];
  const serviceBusy = d.serviceBusy === true || service?.busy === true;
  const lockBusy = d.mutex === 'busy' || serviceBusy;
  const clients = d.clients.filter((c) => c.kind !== 'other');
  const updates = d.backgroundInstallers.filter((b) => b.active && UPDATE_NAMES.has(b.name));
  // The service process itself (msiexec /V) never counts as a client; the probe already separates it, this guards it.
  const others = clients.filter((c) => c.pid !== d.servicePid);
  // Installs run by Windows Update or by the organisation's deployment agent are waited for, never ended.
  const updateClients = others.filter((c) => UPDATE_PATH.test(`${c.packagePath ?? ''} ${c.commandLine ?? ''}`));
  const agentClients = others.filter(
    (c) => !updateClients.includes(c) && AGENT_PATH.test(`${c.packagePath ?? ''} ${c.commandLine ?? ''}`),
  );
  const realClients = others.filter((c) => !updateClients.includes(c) && !agentClients.includes(c));

  for (const client of updateClients) {
    signals.push(
      probeFact(
        'windows-update-busy',
        0.7,
        'install-in-progress',
        'windows-update-active',
        { name: packageName(client) },
        { repairs: ['wait-for-installer'], alwaysRelevant: true },
      ),
    );
  }
  for (const client of agentClients) {
    signals.push(
      probeFact(
        'another-install-in-progress',
        0.6,
        'install-in-progress',
        'deployment-agent-active',
        { name: runningProduct(ctx, client) },
        { repairs: ['wait-for-installer', 'restart-computer'], alwaysRelevant: true },
      ),
    );
  }
  for (const client of realClients) {
    const stuck = (client.ageMinutes ?? 0) >= STUCK_MINUTES;
    signals.push(
      probeFact(
        'another-install-in-progress',
        stuck ? 0.75 : 0.65,
        'install-in-progress',
        'client-install-running',
        { package: runningProduct(ctx, client), age: ageParam(client.ageMinutes), pid: client.pid },
        {
          // Hanging for over an hour: ending that one install (or restarting) comes first, waiting is the alternative.
          repairs: stuck
            ? ['end-stuck-client-install', 'restart-computer', 'wait-for-installer']
            : ['wait-for-installer', 'end-stuck-client-install', 'restart-computer'],
          repairParams: { 'end-stuck-client-install': { pid: client.pid } },
          alwaysRelevant: true,
        },
      ),
    );
  }
  const busyCause =
    realClients.length === 0 && agentClients.length === 0 && (updates.length > 0 || updateClients.length > 0)
      ? 'windows-update-busy'
      : 'another-install-in-progress';
  const busyRepairs =
    busyCause === 'windows-update-busy'
      ? (['wait-for-installer'] as const)
      : (['wait-for-installer', 'restart-computer'] as const);
  // The mutex and the service's busy flag measure the same thing (a transaction runs): one signal, the stronger
  // of the two, so that two views of one fact do not count as independent evidence.
  const mutexWeight = d.mutex === 'busy' ? (d.mutexDefinitive ? 0.6 : 0.35) : 0;
  const serviceWeight = serviceBusy ? 0.45 : 0;
  if (mutexWeight > 0)
    signals.push(
      probeFact(
        busyCause,
        Math.max(mutexWeight, serviceWeight),
        'install-in-progress',
        'mutex-busy',
        {},
        { repairs: [...busyRepairs] },
      ),
    );
  if (serviceBusy)
    signals.push(
      probeFact(
        busyCause,
        mutexWeight > 0 ? 0 : serviceWeight,
        'install-in-progress',
        'service-busy',
        {},
        { repairs: [...busyRepairs] },
      ),
    );
  if (lockBusy || ctx.has(1618)) {
    for (const u of updates) {
      const weight = u.name === 'wuauserv' ? 0.35 : 0.6;
      signals.push(
        probeFact(
          'windows-update-busy',
          weight,
          'install-in-progress',
          'windows-update-active',
          { name: u.name },
          { repairs: ['wait-for-installer'] },
        ),
      );
    }
    for (const agent of d.backgroundInstallers.filter((b) => b.active && AGENT_NAMES.has(b.name))) {
      signals.push(
        probeFact(
          'another-install-in-progress',
          0.3,
          'install-in-progress',
          'deployment-agent-active',
          { name: agent.name },
          { repairs: ['wait-for-installer', 'restart-computer'] },
        ),
      );
    }
  }
  // An unfinished transaction of a client we already named is the same install, not a second clue.
  const namedPids = new Set(others.map((c) => c.pid));
  for (const begin of d.unmatchedBegin.filter((b) => b.clientPid === null || !namedPids.has(b.clientPid))) {
    signals.push(
      probeFact(
        'another-install-in-progress',
        0.3,
        'install-in-progress',
        'unmatched-transaction',
        { time: timeParam(begin.time), package: begin.packagePath ?? nestedParam('value.unknown-package') },
        { repairs: ['wait-for-installer', 'restart-computer'] },
      ),
    );
  }
  if (d.inProgressKey) {
    // A suspended transaction with no live installer: a restart lets Windows finish or roll it back.
    signals.push(
      probeFact(
        'another-install-in-progress',
        lockBusy ? 0.3 : 0.2,
        'install-in-progress',
        'in-progress-key',
        {},
        { repairs: ['restart-computer', 'wait-for-installer'] },
      ),
    );
  }
  if (d.mutex === 'free' && !serviceBusy && realClients.length === 0) {
    const strength = d.mutexDefinitive ? 0.75 : 0.5;
    const ref = probeRef('install-in-progress', 'mutex-free');
    signals.push(against('another-install-in-progress', strength, ref), against('windows-update-busy', strength, ref));
  }
  if (realClients.length > 0 && updates.length === 0 && updateClients.length === 0) {
    // The lock holder is a named client install and no update service is active: Windows Update is ruled out,
    // so it must not linger as a "possible" cause next to the real one.
    signals.push(against('windows-update-busy', 0.8, probeRef('install-in-progress', 'client-install-running')));
  }
  return signals;
}
