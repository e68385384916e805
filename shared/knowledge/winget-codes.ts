// WinGet installer-outcome HRESULTs (0x8A15xxxx) with their Win32 equivalents where one exists: read by the symptom parser and the log analyzer (a winget paste).

export interface WingetCode {
  /** Text key of the meaning (texts/diagnosis.ts, 'winget.*'). */
  meaning: string;
  /** The Win32 / msiexec exit code with the same meaning, when there is one. */
  win32?: number;
}

// Values from winget-cli doc/windows/package-manager/winget/returnCodes.md (APPINSTALLER_CLI_ERROR_INSTALL_*).
export const WINGET_CODES: ReadonlyMap<number, WingetCode> = new Map<number, WingetCode>([
  [0x8a150006, { meaning: 'winget.shellexec-failed' }],
  [0x8a150049, { meaning: 'winget.msi-install-failed' }],
  [0x8a150101, { meaning: 'winget.install-package-in-use' }],
  [0x8a150102, { meaning: 'winget.install-in-progress', win32: 1618 }],
  [0x8a150103, { meaning: 'winget.install-file-in-use' }],
  [0x8a150104, { meaning: 'winget.missing-dependency' }],
  [0x8a150105, { meaning: 'winget.disk-full', win32: 112 }],
  [0x8a150106, { meaning: 'winget.insufficient-memory' }],
  [0x8a150107, { meaning: 'winget.no-network' }],
  [0x8a150108, { meaning: 'winget.contact-support' }],
  [0x8a150109, { meaning: 'winget.reboot-to-finish', win32: 3010 }],
  [0x8a15010a, { meaning: 'winget.reboot-for-install' }],
  [0x8a15010b, { meaning: 'winget.reboot-initiated', win32: 1641 }],
  [0x8a15010c, { meaning: 'winget.cancelled', win32: 1602 }],
  [0x8a15010d, { meaning: 'winget.already-installed', win32: 1638 }],
  [0x8a15010e, { meaning: 'winget.downgrade' }],
  [0x8a15010f, { meaning: 'winget.blocked-by-policy', win32: 1625 }],
  [0x8a150110, { meaning: 'winget.dependencies-failed' }],
  [0x8a150111, { meaning: 'winget.in-use-by-application' }],
  [0x8a150112, { meaning: 'winget.invalid-parameter' }],
  [0x8a150113, { meaning: 'winget.system-not-supported' }],
]);
