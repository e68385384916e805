// Repair: end ONE client msiexec install the user picked (never the /V service), with the partial-install warning.
import { z } from 'zod';
import { RepairRefusal, type RepairDefinition } from './repair-definition.ts';
import { buildSpec } from './command-builder.ts';
import { makeStep, text } from './repair-helpers.ts';

export const endStuckClientInstall: RepairDefinition = {
  id: 'end-stuck-client-install',
  risk: 'medium',
  reversible: false,
  elevation: 'required',
  targets: ['another-install-in-progress'],
  planProbes: ['install-in-progress'],
  verifyProbes: ['install-in-progress'],
  backupSummary: 'none possible (a running process cannot be saved)',
  undoSummary: 'not reversible: run the interrupted install again to finish or roll it back',
  build(context) {
    const lock = context.evidence['install-in-progress'];
    // Without fresh process data we cannot prove the PID is a client install and not the service: refuse.
    if (!lock) throw new RepairRefusal(text('repair.refusal.process-unverified'));
    const clients = lock.clients.filter((c) => c.kind !== 'other');
    const pid = context.params.pid ?? (clients.length === 1 ? clients[0]!.pid : undefined);
    if (pid === undefined)
      throw new RepairRefusal(
        text(clients.length === 0 ? 'repair.refusal.no-client-install' : 'repair.refusal.pick-client'),
      );
    if (pid === lock.servicePid) throw new RepairRefusal(text('repair.refusal.service-process', { pid }), 'forbidden');
    if (lock.customActionServers.some((s) => s.pid === pid))
      throw new RepairRefusal(text('repair.refusal.service-process', { pid }), 'forbidden');
    const client = lock.clients.find((c) => c.pid === pid);
    if (!client) throw new RepairRefusal(text('repair.refusal.not-a-client', { pid }), 'not-found');
    if (client.commandLine !== null && /(^|\s)\/v(\s|$)/i.test(client.commandLine)) {
      throw new RepairRefusal(text('repair.refusal.service-process', { pid }), 'forbidden');
    }
    const activeProgress = lock.serviceBusy === true || lock.mutex === 'busy';
    const spec = buildSpec('taskkill.exe', ['/PID', String(pid), '/F'], {
      label: `taskkill /PID ${pid}`,
      guard: { servicePid: lock.servicePid },
    });
    const what = client.packagePath ?? client.commandLine ?? `PID ${pid}`;
    return {
      steps: [
        makeStep('end-stuck-client-install', 'end-process', 'change', spec, {
          elevated: true,
          params: { pid, package: what },
        }),
      ],
      backups: [],
      warnings: [
        text('repair.warning.partial-install', { package: what }),
        ...(activeProgress ? [text('repair.warning.active-progress')] : []),
      ],
      confirmations: ['partial-install-risk', ...(activeProgress ? ['active-progress'] : [])],
      reversible: false,
      risk: 'medium',
      data: { pid, package: what, servicePid: lock.servicePid, ageMinutes: client.ageMinutes },
      installLog: null,
    };
  },
  dataSchema: z.object({
    pid: z.number().int().positive(),
    package: z.string().max(32_767),
    servicePid: z.number().int().nullable(),
    ageMinutes: z.number().nullable(),
  }),
  verify: (e, data) =>
    e['install-in-progress'] ? !e['install-in-progress'].clients.some((c) => c.pid === data.pid) : null,
  // The client is gone but Windows still marks an unfinished install: say so (a restart clears it), not "problem".
  remains: (e, data) =>
    e['install-in-progress']?.inProgressKey
      ? text('repair.message.ended-unfinished-marked', { package: String(data.package) })
      : null,
  touches: (data) => [`process:${String(data.pid)}`],
};
