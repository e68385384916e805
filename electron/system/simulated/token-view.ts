// The simulated machine as ONE process token sees it: who it runs as, whether it is really elevated, and what the
// access checks let it read, list and write. The emulated probe scripts and the PowerShell stub layer
// (electron/system/pwsh) both answer through this, so a rule lives here once.
import { effectiveFileMask, FILE, parseSddl, type SecurityDescriptor } from '../probes/sddl.ts';
import { ORDINARY_USER_SIDS, SID } from '../well-known-sids.ts';
import type { SimulatedMachine } from './machine.ts';
import type { MutexState, SimProcess } from './model.ts';

/** What the emulator knows about a command's process: it ran in the elevated batch, and as which account. */
export interface TokenSource {
  elevated: boolean;
  /** The account the elevated batch runs as (over-the-shoulder: an administrator's); default the signed-in user. */
  account?: string;
}

const READ_CONTROL = 0x20000;
const LIST_DIRECTORY = 0x1;

export class TokenView {
  /** The SID the process runs as (Get-MdCurrentSid). */
  readonly sid: string;
  /** High integrity with the Administrators group active (IsInRole(Administrator)). */
  readonly admin: boolean;
  /** Ran through the administrator prompt (sudo-prompt), whether or not that gave a full token. */
  readonly prompted: boolean;

  constructor(
    readonly machine: SimulatedMachine,
    source: TokenSource,
  ) {
    const id = machine.state.identity;
    this.sid = source.account ?? id.userSid;
    this.prompted = source.elevated;
    // Another account approving the prompt is an administrator by definition; the signed-in user only if in the group.
    // A standard user whose "elevation" goes through (UAC off, EnableLUA=0) keeps a standard token.
    const accountIsAdmin = this.sid.toUpperCase() === id.userSid.toUpperCase() ? id.isAdmin : true;
    this.admin = (source.elevated || machine.state.elevation.processElevated) && accountIsAdmin;
  }

  /** The SIDs an access check grants through (Administrators only when elevated: a filtered token has it deny-only). */
  private sids(): string[] {
    return [this.sid, ...ORDINARY_USER_SIDS, ...(this.admin ? [SID.administrators] : [])];
  }

  /** The access mask the token gets on a path (deny ACEs win; the owner implicitly reads and changes the DACL). */
  grantedMask(sd: SecurityDescriptor): number {
    const mine = new Set(this.sids().map((s) => s.toUpperCase()));
    const applies = sd.dacl.filter((a) => !a.flags.includes('IO') && mine.has(a.sid.toUpperCase()));
    let allowed = applies.filter((a) => a.type === 'allow').reduce((m, a) => m | effectiveFileMask(a.mask), 0);
    const denied = applies.filter((a) => a.type === 'deny').reduce((m, a) => m | effectiveFileMask(a.mask), 0);
    const ownerRights = sd.dacl.some((a) => a.sid === SID.ownerRights);
    if (!ownerRights && sd.owner && mine.has(sd.owner.toUpperCase())) allowed |= READ_CONTROL | FILE.writeDac;
    return (allowed & ~denied) >>> 0;
  }

  private allows(path: string, bits: number): boolean {
    const sd = parseSddl(this.machine.effectiveSddl(path));
    return sd !== null && (this.grantedMask(sd) & bits) === bits;
  }

  /** Get-Acl's Sddl, or null when the path is missing or the token has no READ_CONTROL on it. */
  readSddl(path: string): string | null {
    return this.allows(path, READ_CONTROL) ? this.machine.effectiveSddl(path) : null;
  }

  /** A folder whose files the token may list (Get-ChildItem): users cannot list C:\Windows\Temp. */
  canList(path: string): boolean {
    return this.machine.isDirectory(path) && this.allows(path, LIST_DIRECTORY);
  }

  /** Creating a file in the folder (the TEMP write test, installers' temp files). */
  canCreateFile(path: string): boolean {
    return this.machine.isDirectory(path) && this.allows(path, FILE.addFile);
  }

  /** Creating a subfolder (New-Item/CreateDirectory): FILE_ADD_SUBDIRECTORY on the folder. */
  canCreateFolder(path: string): boolean {
    return this.machine.isDirectory(path) && this.allows(path, FILE.addSubdir);
  }

  /** Win32_Process.CommandLine: hidden for other accounts' and SYSTEM's processes unless elevated. */
  commandLine(process: SimProcess): string | null {
    return this.admin || process.userSid.toUpperCase() === this.sid.toUpperCase() ? process.commandLine : null;
  }

  /** What the mutex test prints: opening the object needs admin rights, so unelevated any existing object is 'denied'. */
  mutex(): 'free' | 'busy' | 'denied' {
    const state: MutexState = this.machine.state.msiExecuteMutex;
    if (state === 'free') return 'free';
    if (!this.admin) return 'denied';
    return state === 'held' ? 'busy' : 'free';
  }
}

export function tokenView(machine: SimulatedMachine, source: TokenSource): TokenView {
  return new TokenView(machine, source);
}
