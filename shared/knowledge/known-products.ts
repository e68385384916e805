// The known products: how to recognise each from its package or Add/Remove Programs entry, the executable it puts on
// PATH, the version commands a user would type in a new terminal and the output each must print. One data table.
//
// Why these patterns are safe to run on untrusted text: every one is anchored, has no nested quantifier and only sees
// strings of at most MAX_MATCHED_TEXT characters (longer ones are refused, never cut), so matching is linear. The output patterns read only what
// the tools print identically in every Windows display language (version numbers, paths), never words that are
// translated (the tools below do not localize these lines: `go version`, `node --version`, `git --version`...).

/** Ids of the known products (the data table below is keyed by them). */
export const KNOWN_PRODUCT_IDS = ['go', 'nodejs', 'python', 'git', 'powershell', 'dotnet-sdk', 'java', '7zip'] as const;
export type KnownProductId = (typeof KNOWN_PRODUCT_IDS)[number];

/** Names and version lines are short; anything longer is refused before a pattern sees it. */
export const MAX_MATCHED_TEXT = 260;

export interface VersionCommand {
  /** The command name as typed in a terminal (resolved through PATH + PATHEXT like cmd.exe does: go -> go.exe). */
  command: string;
  args: readonly string[];
  /** Which stream the tool prints its answer on (java -version writes to stderr). */
  stream: 'stdout' | 'stderr';
  /** Anchored pattern over the first non-empty line of that stream; group 1 = the version (or the path). */
  pattern: RegExp;
  /** What group 1 is: a version to compare with the installed one, or a folder (go env GOROOT). */
  captures: 'version' | 'path';
}

export interface KnownProduct {
  id: KnownProductId;
  /** Text key of the product's display name (product.<id>.name, en + zh-CN). */
  nameKey: string;
  /** Add/Remove Programs DisplayName or the package's ProductName (anchored, case-insensitive). */
  names: readonly RegExp[];
  /** Publisher / Manufacturer, when it must also match (a "Git" entry of another vendor is not Git for Windows). */
  publishers?: readonly RegExp[];
  /** The executable its PATH entry must contain (the first version command's program). */
  executable: string;
  /**
   * Where the executable lives relative to the install folder (ARP InstallLocation), first the usual one; the
   * default install folders when the entry has no InstallLocation, with %ProgramFiles% / %LOCALAPPDATA% unexpanded.
   */
  binSubfolders: readonly string[];
  defaultInstallFolders: readonly string[];
  /** False when the installer does not add itself to PATH (7-Zip): the key file is run directly instead. */
  addsToPath: boolean;
  /** The version commands, main one first. */
  commands: readonly VersionCommand[];
}

const VERSION = String.raw`(\d+\.\d+(?:\.\d+)*)`;
const re = (source: string): RegExp => new RegExp(source, 'i');

export const KNOWN_PRODUCTS: readonly KnownProduct[] = [
  {
    id: 'go',
    nameKey: 'product.go.name',
    // "Go Programming Language amd64 go1.21.5" (the official MSI's ProductName and ARP DisplayName).
    names: [re(String.raw`^Go Programming Language (?:amd64|386|arm64|arm) go\d+\.\d+(?:\.\d+)?(?:rc\d+|beta\d+)?$`)],
    executable: 'go.exe',
    binSubfolders: ['bin'],
    defaultInstallFolders: ['%ProgramFiles%\\Go', '%LOCALAPPDATA%\\Programs\\Go'],
    addsToPath: true,
    commands: [
      // go version go1.21.5 windows/amd64
      {
        command: 'go',
        args: ['version'],
        stream: 'stdout',
        pattern: re(String.raw`^go version go(\d+\.\d+(?:\.\d+)?)(?:rc\d+|beta\d+)? windows/(?:amd64|386|arm64|arm)$`),
        captures: 'version',
      },
      // C:\Program Files\Go
      {
        command: 'go',
        args: ['env', 'GOROOT'],
        stream: 'stdout',
        pattern: re(String.raw`^([A-Za-z]:\\[^\r\n"<>|]*)$`),
        captures: 'path',
      },
    ],
  },
  {
    id: 'nodejs',
    nameKey: 'product.nodejs.name',
    names: [re(String.raw`^Node\.js(?: \((?:x64|x86|arm64)\))?$`)],
    publishers: [re(String.raw`^Node\.js Foundation$`), re(String.raw`^OpenJS Foundation$`)],
    executable: 'node.exe',
    binSubfolders: [''],
    defaultInstallFolders: ['%ProgramFiles%\\nodejs'],
    addsToPath: true,
    commands: [
      { command: 'node', args: ['--version'], stream: 'stdout', pattern: re(`^v${VERSION}$`), captures: 'version' },
      // npm is npm.cmd: resolved through PATHEXT and run by cmd.exe, as a terminal does.
      { command: 'npm', args: ['--version'], stream: 'stdout', pattern: re(`^${VERSION}$`), captures: 'version' },
    ],
  },
  {
    id: 'python',
    nameKey: 'product.python.name',
    // "Python 3.12.1 (64-bit)" (ARP of the bundle) and its MSI parts "Python 3.12.1 Core Interpreter (64-bit)".
    names: [
      re(String.raw`^Python \d+\.\d+\.\d+(?: [A-Za-z][A-Za-z ]{0,40})? \((?:64|32)-bit\)$`),
      re(String.raw`^Python Launcher$`),
    ],
    publishers: [re(String.raw`^Python Software Foundation$`)],
    executable: 'python.exe',
    binSubfolders: ['', 'Scripts'],
    defaultInstallFolders: ['%LOCALAPPDATA%\\Programs\\Python\\Python312', '%ProgramFiles%\\Python312'],
    addsToPath: true,
    commands: [
      // "Python 3.12.1" (on stdout since 3.4)
      {
        command: 'python',
        args: ['--version'],
        stream: 'stdout',
        pattern: re(`^Python ${VERSION}$`),
        captures: 'version',
      },
      // py -0p lists " -V:3.12 *        C:\...\python.exe": the launcher's view of installed versions.
      {
        command: 'py',
        args: ['-0p'],
        stream: 'stdout',
        pattern: re(String.raw`^\s*-(?:V:)?(\d+\.\d+)(?:-(?:64|32))?\s+(?:\*\s*)?[A-Za-z]:\\`),
        captures: 'version',
      },
    ],
  },
  {
    id: 'git',
    nameKey: 'product.git.name',
    names: [re(String.raw`^Git(?: version \d+\.\d+\.\d+(?:\.windows\.\d+)?)?$`)],
    publishers: [re(String.raw`^The Git Development Community$`)],
    executable: 'git.exe',
    binSubfolders: ['cmd'],
    defaultInstallFolders: ['%ProgramFiles%\\Git'],
    addsToPath: true,
    commands: [
      // git version 2.43.0.windows.1
      {
        command: 'git',
        args: ['--version'],
        stream: 'stdout',
        pattern: re(String.raw`^git version (\d+\.\d+\.\d+)(?:\.windows\.\d+)?$`),
        captures: 'version',
      },
    ],
  },
  {
    id: 'powershell',
    nameKey: 'product.powershell.name',
    // "PowerShell 7-x64", "PowerShell 7.4.1.0-x64" (ProductName of the MSI)
    names: [re(String.raw`^PowerShell 7(?:\.\d+){0,3}-(?:x64|x86|arm64)$`)],
    publishers: [re(String.raw`^Microsoft Corporation$`)],
    executable: 'pwsh.exe',
    binSubfolders: [''],
    defaultInstallFolders: ['%ProgramFiles%\\PowerShell\\7'],
    addsToPath: true,
    commands: [
      {
        command: 'pwsh',
        args: ['--version'],
        stream: 'stdout',
        pattern: re(`^PowerShell ${VERSION}$`),
        captures: 'version',
      },
    ],
  },
  {
    id: 'dotnet-sdk',
    nameKey: 'product.dotnet-sdk.name',
    // "Microsoft .NET SDK 8.0.101 (x64)", older "Microsoft .NET Core SDK 3.1.426 (x64)"
    names: [re(String.raw`^Microsoft \.NET (?:Core )?SDK \d+\.\d+\.\d+(?:-[A-Za-z0-9.]+)? \((?:x64|x86|arm64)\)$`)],
    publishers: [re(String.raw`^Microsoft Corporation$`)],
    executable: 'dotnet.exe',
    binSubfolders: [''],
    defaultInstallFolders: ['%ProgramFiles%\\dotnet'],
    addsToPath: true,
    commands: [
      {
        command: 'dotnet',
        args: ['--version'],
        stream: 'stdout',
        pattern: re(String.raw`^(\d+\.\d+\.\d+)(?:-[A-Za-z0-9.]+)?$`),
        captures: 'version',
      },
    ],
  },
  {
    id: 'java',
    nameKey: 'product.java.name',
    // "Eclipse Temurin JDK with Hotspot 21.0.2+13 (x64)", "Microsoft Build of OpenJDK with Hotspot 21.0.2+13 (x64)"
    names: [
      re(String.raw`^Eclipse Temurin (?:JDK|JRE) with Hotspot \d+(?:\.\d+)*\+\d+ \((?:x64|x86|aarch64|arm64)\)$`),
      re(String.raw`^Microsoft Build of OpenJDK with Hotspot \d+(?:\.\d+)*\+\d+ \((?:x64|aarch64|arm64)\)$`),
    ],
    executable: 'java.exe',
    binSubfolders: ['bin'],
    defaultInstallFolders: ['%ProgramFiles%\\Eclipse Adoptium', '%ProgramFiles%\\Microsoft'],
    addsToPath: true,
    commands: [
      // openjdk version "21.0.2" 2024-01-16 LTS (java -version prints to stderr)
      {
        command: 'java',
        args: ['-version'],
        stream: 'stderr',
        pattern: re(String.raw`^(?:openjdk|java) version "(\d+(?:\.\d+)*)[^"]{0,40}"`),
        captures: 'version',
      },
    ],
  },
  {
    id: '7zip',
    nameKey: 'product.7zip.name',
    // "7-Zip 24.08 (x64 edition)" (MSI), "7-Zip 24.08 (x64)" (EXE installer)
    names: [re(String.raw`^7-Zip \d+\.\d+(?: \((?:x64|x86|arm64)(?: edition)?\))?$`)],
    publishers: [re(String.raw`^Igor Pavlov$`)],
    executable: '7z.exe',
    binSubfolders: [''],
    defaultInstallFolders: ['%ProgramFiles%\\7-Zip'],
    // 7-Zip's installers do not touch PATH: its key file is checked and run directly.
    addsToPath: false,
    commands: [
      // "7-Zip 24.08 (x64) : Copyright (c) 1999-2024 Igor Pavlov : 2024-08-11" (7z with no arguments prints it)
      {
        command: '7z',
        args: [],
        stream: 'stdout',
        pattern: re(String.raw`^7-Zip (?:\(a\) )?(\d+\.\d+)\b`),
        captures: 'version',
      },
    ],
  },
];

const BY_ID = new Map(KNOWN_PRODUCTS.map((p) => [p.id, p]));

export function knownProduct(id: KnownProductId): KnownProduct {
  return BY_ID.get(id)!;
}

export function isKnownProductId(value: string): value is KnownProductId {
  return BY_ID.has(value as KnownProductId);
}

/** The product an ARP entry or a package is, from its name (and publisher when the entry needs one); null if none. */
export function recogniseProduct(entry: { name: string | null; publisher?: string | null }): KnownProduct | null {
  const name = (entry.name ?? '').trim();
  const publisher = (entry.publisher ?? '').trim();
  // Real names are short: a longer one is nobody's product (and is never handed to a pattern).
  if (!name || name.length > MAX_MATCHED_TEXT || publisher.length > MAX_MATCHED_TEXT) return null;
  for (const product of KNOWN_PRODUCTS) {
    if (!product.names.some((p) => p.test(name))) continue;
    // A publisher is checked only when one is known: a package read without its Manufacturer still matches.
    if (product.publishers && publisher && !product.publishers.some((p) => p.test(publisher))) continue;
    return product;
  }
  return null;
}

/** A version command's answer read: the captured version or path, or null when the output is not the tool's. */
export function readVersionOutput(command: VersionCommand, output: { stdout: string; stderr: string }): string | null {
  const text = command.stream === 'stdout' ? output.stdout : output.stderr;
  const line = text
    .split(/\r?\n/, 20)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line || line.length > MAX_MATCHED_TEXT) return null;
  return command.pattern.exec(line)?.[1] ?? null;
}

/** "1.21.5" vs "1.19.13": compares dotted numbers (missing parts are 0); NaN-free for the versions we capture. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The command as a user types it: "go version", "node --version". */
export function commandLine(command: VersionCommand): string {
  return [command.command, ...command.args].join(' ');
}
