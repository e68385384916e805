// Emulated msiexec: /i, /x (/package, /uninstall) with exit codes 1601/1618/1619/1638/1603/0, the verbose log, installed
// products and the MsiInstaller events a real run leaves; /regserver re-creates the service registration.
import { existsSync } from 'node:fs';
import { compareMsiVersions } from '../../../../shared/msi-package/msi-version.ts';
import type { EmulatedCommand, EmulatedResult, EmulatorContext } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';
import { baseName, type SimInstallFailure, type SimInstalledProduct } from '../model.ts';
import { idleMsiserver } from '../defaults.ts';
import { CUSTOM_ACTION_MESSAGES, failedInstallLog, verboseLog } from './msiexec-log.ts';
import { flag, isHostPath, writeTargetFile } from './target-files.ts';

function serviceUsable(machine: SimulatedMachine): boolean {
  const key = machine.serviceKey('msiserver');
  if (!machine.keyExists(key) || !machine.service('msiserver')) return false;
  if (machine.dword(key, 'Start') === 4) return false;
  const image = machine.string(key, 'ImagePath') ?? '';
  return /\\system32\\msiexec\.exe"?\s+\/V\s*$/i.test(image);
}

function addEvent(machine: SimulatedMachine, id: number, data: string[]): void {
  const recordId = Math.max(0, ...machine.state.events.map((e) => e.recordId)) + 1;
  machine.state.events.unshift({
    provider: 'MsiInstaller',
    id,
    time: machine.state.now,
    recordId,
    data,
    userSid: machine.state.identity.userSid,
  });
}

function packageInfo(machine: SimulatedMachine, msiPath: string): SimInstalledProduct | null {
  const entry = machine.entry(msiPath);
  if (entry?.kind === 'file' && entry.msi) {
    const m = entry.msi;
    return {
      productCode: m.productCode,
      upgradeCode: m.upgradeCode,
      name: m.productName,
      version: m.productVersion,
      manufacturer: m.manufacturer,
      scope: m.allUsers === '' ? 'user' : 'machine',
      userSid: m.allUsers === '' ? machine.state.identity.userSid : null,
    };
  }
  const onHost = isHostPath(msiPath) && existsSync(msiPath);
  if (entry?.kind !== 'file' && !onHost) return null;
  // A package without recorded properties: a stable made-up identity from its name.
  let hash = 0;
  for (const ch of baseName(msiPath)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hex = hash.toString(16).toUpperCase().padStart(8, '0');
  const name = baseName(msiPath).replace(/\.ms[ip]$/i, '');
  return {
    productCode: `{${hex}-0000-4000-8000-${hex}0000}`,
    upgradeCode: `{${hex}-1111-4000-8000-${hex}1111}`,
    name,
    version: '1.0.0',
    manufacturer: 'Unknown',
    scope: 'machine',
    userSid: null,
  };
}

/** The package's recorded failure on this machine, if any. */
function installFailure(machine: SimulatedMachine, msiPath: string): SimInstallFailure | null {
  const entry = machine.entry(msiPath);
  return entry?.kind === 'file' ? (entry.msi?.failure ?? null) : null;
}

export function msiexec(c: EmulatedCommand, { machine, elevated }: EmulatorContext): EmulatedResult {
  const mode = (c.args[0] ?? '').toLowerCase();
  if (mode === '/regserver') {
    if (!elevated) return { exitCode: 5, stdout: '' };
    const key = machine.serviceKey('msiserver');
    machine.setValue(key, 'Start', { type: 'REG_DWORD', data: 3 });
    machine.setValue(key, 'ImagePath', { type: 'REG_EXPAND_SZ', data: '%systemroot%\\system32\\msiexec.exe /V' });
    machine.setValue(key, 'Type', { type: 'REG_DWORD', data: 16 });
    machine.setValue(key, 'ObjectName', { type: 'REG_SZ', data: 'LocalSystem' });
    if (!machine.service('msiserver')) machine.state.services.msiserver = idleMsiserver();
    return { exitCode: 0, stdout: '' };
  }
  if (mode !== '/i' && mode !== '/x' && mode !== '/package' && mode !== '/uninstall')
    return { exitCode: 1639, stdout: '' };
  const target = c.args[1] ?? '';
  const log = flag(c.args, '/l*v') ?? null;
  /** Writes the log (when /l*v asked for one) and returns the exit code; `complete` = the lines already end the log. */
  const finish = (code: number, lines: string[], complete = false): EmulatedResult => {
    if (log) {
      const body = complete
        ? lines
        : [
            ...lines,
            `MSI (s) (A4:B8) [{t}]: Windows Installer ${mode === '/x' ? 'removed' : 'installed'} the product. Installation success or error status: ${code}.`,
            `MSI (c) (1C:20) [{t}]: MainEngineThread is returning ${code}`,
          ];
      writeTargetFile(machine, log, verboseLog(machine, body));
    }
    return { exitCode: code, stdout: '', durationMs: 20_000 };
  };
  if (!serviceUsable(machine))
    return finish(1601, ['MSI (c) (1C:20) [{t}]: Failed to connect to server. Error: 0x80070422']);
  if (machine.state.msiExecuteMutex === 'held') {
    return finish(1618, [
      'MSI (c) (1C:20) [{t}]: Another installation is in progress. Error 1500. Another installation is in progress. You must complete that installation before continuing this one.',
    ]);
  }
  if (mode === '/x' || mode === '/uninstall') {
    const index = machine.state.products.findIndex((p) => p.productCode.toUpperCase() === target.toUpperCase());
    if (index < 0)
      return finish(1605, [
        'MSI (c) (1C:20) [{t}]: This action is only valid for products that are currently installed.',
      ]);
    const [product] = machine.state.products.splice(index, 1);
    addEvent(machine, 1034, [product!.name, product!.version, '1033', '0', product!.manufacturer]);
    return finish(0, [`MSI (s) (A4:B8) [{t}]: Product: ${product!.name} -- Removal completed successfully.`]);
  }
  const info = packageInfo(machine, target);
  if (!info)
    return finish(1619, [
      `MSI (c) (1C:20) [{t}]: Note: 1: 2203 2: ${target} 3: -2147287038`,
      'MSI (c) (1C:20) [{t}]: This installation package could not be opened.',
    ]);
  const same = machine.state.products.find((p) => p.productCode.toUpperCase() === info.productCode.toUpperCase());
  if (same && same.version !== info.version)
    return finish(1638, ['MSI (c) (1C:20) [{t}]: Another version of this product is already installed.']);
  const newer = machine.state.products.find(
    (p) =>
      p.upgradeCode.toUpperCase() === info.upgradeCode.toUpperCase() && compareMsiVersions(p.version, info.version) > 0,
  );
  if (newer)
    return finish(1603, [
      `MSI (s) (A4:B8) [{t}]: Product: ${info.name} -- A newer version is already installed.`,
      'Action ended {t}: LaunchConditions. Return value 3.',
    ]);
  const failure = installFailure(machine, target);
  if (failure) {
    // Rolled back: nothing is installed or removed. The Application log gets what a real failure leaves: the error
    // as event 10000 + message number (11722), 11708 "Installation failed" and 1033 with the status.
    const text = CUSTOM_ACTION_MESSAGES[failure.message] ?? CUSTOM_ACTION_MESSAGES[1722]!;
    addEvent(machine, 10000 + failure.message, [
      `Product: ${info.name} -- Error ${failure.message}. ${text}  Action ${failure.customAction}, location: C:\\Windows\\Installer\\MSI8D2E.tmp, command: ${failure.entryPoint} `,
    ]);
    addEvent(machine, 11708, [`Product: ${info.name} -- Installation failed.`]);
    addEvent(machine, 1033, [info.name, info.version, '1033', String(failure.exitCode), info.manufacturer]);
    return finish(failure.exitCode, failedInstallLog(info, failure), true);
  }
  machine.state.products = machine.state.products.filter(
    (p) => p.upgradeCode.toUpperCase() !== info.upgradeCode.toUpperCase(),
  );
  machine.state.products.push(info);
  addEvent(machine, 1033, [info.name, info.version, '1033', '0', info.manufacturer]);
  addEvent(machine, 11707, [`Product: ${info.name} -- Installation completed successfully.`]);
  return finish(0, [
    `MSI (c) (1C:20) [{t}]: Product: ${info.name}`,
    'Action ended {t}: InstallFinalize. Return value 1.',
    `MSI (s) (A4:B8) [{t}]: Product: ${info.name} -- Installation completed successfully.`,
    'Action ended {t}: INSTALL. Return value 1.',
  ]);
}
