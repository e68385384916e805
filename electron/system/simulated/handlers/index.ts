// Registers the built-in command handlers (the commands our probes run) on an emulator.
import type { CommandEmulator } from '../emulator.ts';

export function registerBuiltinHandlers(emulator: CommandEmulator): CommandEmulator {
  return emulator;
}
