// The repair service's clock on a simulated machine: sleeping moves the machine's clock, and Windows Update's own
// installs (SYSTEM, session 0) finish after a while, as they would.
import type { SimulatedMachine } from '../machine.ts';

/** Simulation rule: an install Windows Update runs as SYSTEM in session 0 finishes after this long; a user's stuck install never does. */
export const BACKGROUND_INSTALL_MINUTES = 10;

/** Ends background (SYSTEM, session 0) client installs that have run long enough, as Windows Update's would. */
export function settleBackgroundInstalls(machine: SimulatedMachine): number {
  const now = machine.now().getTime();
  let ended = 0;
  for (const p of [...machine.state.processes]) {
    const client = p.name.toLowerCase() === 'msiexec.exe' && /\s\/(i|x|package|update)\b/i.test(p.commandLine);
    const background = p.sessionId === 0 && p.userSid === 'S-1-5-18';
    if (client && background && now - new Date(p.startedAt).getTime() >= BACKGROUND_INSTALL_MINUTES * 60_000) {
      machine.killProcess(p.pid);
      ended += 1;
    }
  }
  return ended;
}

/** The repair service's clock on a simulated machine: sleeping moves the machine's clock (and lets background installs end). */
export function simulatedRepairClock(machine: SimulatedMachine): {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
} {
  return {
    now: () => machine.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      machine.advance(ms);
      settleBackgroundInstalls(machine);
    },
  };
}
