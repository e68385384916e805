// Registers the built-in command handlers (every command the probes run) on an emulator.
import type { CommandEmulator } from '../emulator.ts';
import {
  handleIcaclsShow,
  handleRegQuery,
  handleSc,
  handleWhoami,
  matchIcaclsShow,
  matchRegQuery,
  matchSc,
  matchWhoami,
} from './console-tools.ts';
import { handleFileRead, handleProbeScript, matchFileRead, matchProbeScript } from './probe-scripts.ts';
import { handleScriptBatch, matchScriptBatch } from './script-batch.ts';
import { handleWevtutil, matchWevtutil } from './wevtutil.ts';

export function registerBuiltinHandlers(emulator: CommandEmulator): CommandEmulator {
  return emulator
    .register(matchSc, handleSc, 'sc')
    .register(matchWhoami, handleWhoami, 'whoami')
    .register(matchRegQuery, handleRegQuery, 'reg query')
    .register(matchIcaclsShow, handleIcaclsShow, 'icacls show')
    .register(matchWevtutil, handleWevtutil, 'wevtutil')
    .register(matchProbeScript, handleProbeScript, 'probe script')
    .register(matchFileRead, handleFileRead, 'file read')
    .register(matchScriptBatch, handleScriptBatch, 'probe script batch');
}
