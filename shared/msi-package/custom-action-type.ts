// Decodes the CustomAction table's Type (and ExtendedType) bits exactly as Windows Installer documents them:
// base type (bits 0-2), source (bits 4-5), return processing (0x40, 0x80), scheduling (0x100, 0x200 when immediate),
// in-script execution (0x400 + rollback 0x100 / commit 0x200), no impersonation (0x800), 64-bit script (0x1000),
// hidden target (0x2000), terminal-server aware (0x4000); ExtendedType 0x8000 = runs when a patch is uninstalled.

export type CustomActionKind = 'dll' | 'exe' | 'script' | 'property' | 'directory' | 'error' | 'nested' | 'unknown';
export type CustomActionExecution = 'immediate' | 'deferred' | 'rollback' | 'commit';
/** Where the code or data comes from. */
export type CustomActionCodeSource = 'binary' | 'installed-file' | 'directory' | 'property' | 'inline';

export interface CustomActionType {
  type: number;
  kind: CustomActionKind;
  /** Only for kind 'script'. */
  scriptEngine: 'vbscript' | 'jscript' | null;
  codeSource: CustomActionCodeSource;
  execution: CustomActionExecution;
  /**
   * Runs as the user who started the install (true) or as LocalSystem (false). Immediate actions always run
   * impersonated; in-script actions unless msidbCustomActionTypeNoImpersonate (0x800).
   */
  impersonate: boolean;
  /** msidbCustomActionTypeContinue (0x40): the return code is ignored. */
  returnIgnored: boolean;
  /** msidbCustomActionTypeAsync (0x80): runs asynchronously. */
  async: boolean;
  /** Immediate actions only: 0x100 first sequence, 0x200 once per process, 0x300 client repeat. */
  scheduling: 'always' | 'first-sequence' | 'once-per-process' | 'client-repeat';
  /** msidbCustomActionType64BitScript (0x1000). */
  x64: boolean;
  /** msidbCustomActionTypeHideTarget (0x2000): the target and CustomActionData are not logged. */
  hideTarget: boolean;
  /** msidbCustomActionTypeTSAware (0x4000): deferred, impersonated even in a per-machine install on a terminal server. */
  terminalServerAware: boolean;
  /** ExtendedType msidbCustomActionTypePatchUninstall (0x8000): runs when a patch is uninstalled. */
  patchUninstall: boolean;
}

const BASE_DLL = 1;
const BASE_EXE = 2;
const BASE_TEXT = 3;
const BASE_JSCRIPT = 5;
const BASE_VBSCRIPT = 6;
const BASE_INSTALL = 7;

const SOURCE_BINARY = 0x00;
const SOURCE_FILE = 0x10;
const SOURCE_DIRECTORY = 0x20;
const SOURCE_PROPERTY = 0x30;

export function decodeCustomActionType(type: number, extendedType: number | null = null): CustomActionType {
  const base = type & 0x07;
  const source = type & 0x30;
  const inScript = (type & 0x400) !== 0;
  let kind: CustomActionKind = 'unknown';
  let scriptEngine: CustomActionType['scriptEngine'] = null;
  if (base === BASE_DLL) kind = 'dll';
  else if (base === BASE_EXE) kind = 'exe';
  else if (base === BASE_JSCRIPT || base === BASE_VBSCRIPT) {
    kind = 'script';
    scriptEngine = base === BASE_VBSCRIPT ? 'vbscript' : 'jscript';
  } else if (base === BASE_INSTALL) kind = 'nested';
  else if (base === BASE_TEXT)
    kind =
      source === SOURCE_PROPERTY
        ? 'property' // 51: set a property
        : source === SOURCE_DIRECTORY
          ? 'directory' // 35: set a directory
          : source === SOURCE_FILE
            ? 'error' // 19: display an error and stop
            : 'unknown';
  const codeSource: CustomActionCodeSource =
    kind === 'script' && source === SOURCE_DIRECTORY
      ? 'inline' // 37/38: the script text is in Target
      : kind === 'property' || kind === 'directory' || kind === 'error'
        ? 'inline'
        : source === SOURCE_BINARY
          ? 'binary'
          : source === SOURCE_FILE
            ? 'installed-file'
            : source === SOURCE_DIRECTORY
              ? 'directory'
              : 'property';
  const execution: CustomActionExecution = !inScript
    ? 'immediate'
    : (type & 0x100) !== 0
      ? 'rollback'
      : (type & 0x200) !== 0
        ? 'commit'
        : 'deferred';
  const schedulingBits = inScript ? 0 : type & 0x300;
  return {
    type,
    kind,
    scriptEngine,
    codeSource,
    execution,
    impersonate: !inScript || (type & 0x800) === 0,
    returnIgnored: (type & 0x40) !== 0,
    async: (type & 0x80) !== 0,
    scheduling:
      schedulingBits === 0x100
        ? 'first-sequence'
        : schedulingBits === 0x200
          ? 'once-per-process'
          : schedulingBits === 0x300
            ? 'client-repeat'
            : 'always',
    x64: (type & 0x1000) !== 0,
    hideTarget: (type & 0x2000) !== 0,
    terminalServerAware: (type & 0x4000) !== 0,
    patchUninstall: extendedType !== null && (extendedType & 0x8000) !== 0,
  };
}

/** Runs code (a DLL, an EXE, a script or a nested install): the kinds that can change the system by themselves. */
export function runsCode(kind: CustomActionKind): boolean {
  return kind === 'dll' || kind === 'exe' || kind === 'script' || kind === 'nested';
}
