// Files repair commands write and read (backups, logs, .reg/.acl files): our data folder is a host path when the app
// runs on the simulated machine, so those really go to disk; anything else lives on the simulated disk.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatedResult } from '../emulator.ts';
import type { SimulatedMachine } from '../machine.ts';

export const zh = (machine: SimulatedMachine): boolean => machine.state.locale.name.toLowerCase().startsWith('zh');

export function isHostPath(path: string): boolean {
  return path.startsWith('/');
}

/** Like the real tools (reg export, icacls /save, msiexec /L*v), the folder must already exist. */
export function writeTargetFile(machine: SimulatedMachine, path: string, bytes: Uint8Array): void {
  if (isHostPath(path)) {
    if (!existsSync(dirname(path))) throw new Error(`The system cannot find the path specified: ${dirname(path)}`);
    writeFileSync(path, bytes);
  } else {
    // Our data folder on the simulated disk: the app creates it before the batch; the model's folders are implicit.
    machine.writeFile(path, bytes);
  }
}

export function readTargetFile(machine: SimulatedMachine, path: string): Uint8Array | null {
  if (isHostPath(path)) return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
  return machine.readFile(path);
}

export function utf16(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
}

export function fromUtf16(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const start = buf[0] === 0xff && buf[1] === 0xfe ? 2 : 0;
  return buf.subarray(start).toString('utf16le');
}

/** The value after a switch (`/v Name`, `/t REG_SZ`, `/l*v log`), matched case-insensitively. */
export function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a.toLowerCase() === name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function accessDenied(machine: SimulatedMachine, prefix = 'ERROR: '): EmulatedResult {
  return { exitCode: 1, stdout: '', stderr: zh(machine) ? '错误: 拒绝访问。\r\n' : `${prefix}Access is denied.\r\n` };
}
