// Every regular expression the analyzer runs on log text, in one place, so one test can time each of them on
// adversarial lines (patterns.test.ts: a 100 KB line must cost < 20x a 10 KB one). Rules that keep them linear:
// anchored or led by a literal, bounded repeats, no nested quantifiers, no `.*` followed by more pattern.
// Hand-written parsers (action-line.ts, status-line.ts) cover the shapes no linear regex could.
// Patterns with the g flag are only used through matchAll/replace (which copy or reset lastIndex): no state carries.

export const P = {
  // ---- line-classifier.ts
  /** "CustomActionSchedule(Action=X,ActionType=3073,...": a deferred custom action is scheduled. */
  CA_SCHEDULE: /^CustomActionSchedule\(Action=([^,]{1,255}),ActionType=(\d{1,10})/,
  /** "CustomAction X returned actual error code 1603" (the name is missing when a nested install returned it). */
  CA_RESULT: /^CustomAction (?:(\S{1,255}?) )?return(?:ed actual error code (-?\d{1,20}))?/,
  /** "Property(S): Name = value"; the word Property is localized ("Propriété(S) :", "属性(S):"). */
  PROPERTY: /^[^\s(]{1,20}\(([SCN])\)\s{0,4}[:：]\s{0,4}([^\s=]{1,255}) = (.*)$/,
  /** "[0A2C:1F44][2024-05-08T10:11:12]e000: message": a Burn line. */
  BURN: /^\[[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}\]\[[^\]]{8,40}\]([iwead])(\d{3}):\s?(.*)$/,
  BURN_VARIABLE:
    /^(?:Variable: (WixBundleLog\w{0,200}) = (.*)|Setting string variable '(WixBundleLog\w{0,200})' to value '(.*)')$/,
  GUID: /\{[0-9A-Fa-f-]{36}\}/,
  /** "Error 1722." / "DEBUG: Error 2896:" / "Info 1603." / "错误 1920。" / "Erreur 1714." */
  ERROR: /^(?:DEBUG:\s{0,4})?(\p{L}[^\s\d:.]{1,14}) (\d{4,5})\s{0,4}[.。:：]\s*(.*)$/su,
  /** "2: X 3: Y": the argument markers of a "Note: 1: NNNN" line. */
  NOTE_ARG: /(?:^|\s)(\d): /g,
  INSTALLER_VERSION: /(\d\.\d{2}\.\d{4,5}\.\d{1,5})/,
  SIGNAL_HINT: /ccess|space|空间|拒绝|ersion|版本|progress|正在|restart|reboot/,
  NEWER_VERSION: /\b(?:newer|later|higher) version\b/i,
  ALREADY_INSTALLED: /\balready installed/i,
  ANOTHER_INSTALL: /Another (?:installation|program) is (?:already )?in progress|另一个(?:程序|安装)正在/i,
  PENDING_REBOOT: /pending (?:restart|reboot)|restart (?:your|the) (?:computer|system) before/i,

  // ---- status-line.ts
  /** A language id (1033, 2052, 1046...): the product status line's language field. */
  LANGUAGE_ID: /^\d{4,5}$/,
  /** "安装成功或错误状态", "狀態", "状態": the status phrase of Chinese and Japanese logs. */
  CJK_STATUS: /[状狀][态態]$/,

  // ---- wrapper-output.ts (winget, Chocolatey, PSAppDeployToolkit, Ansible around the log)
  WRAPPER_HINT: /exit code|installer failed|\[(?:CLI|CORE|REPO|FAIL) {0,2}\]|"rc"|FAILED!/i,
  WINGET_INSTALLER_FAILED: /(?:ShellExecute installer failed|Installer failed with exit code):? (-?\d{1,20})/,
  WINGET_INSTALL_FAILED: /Installation failed with exit code:? (0x[0-9A-Fa-f]{1,16}|-?\d{1,20})/,
  WINGET_LOG_LINE: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \[[A-Z]{2,4} {0,2}\]/,
  CHOCO_EXIT_CODE: /Exit code was '(-?\d{1,20})'/,
  PSADT_EXIT_CODE: /exit code \[(-?\d{1,20})\]/i,
  PSADT_INSTALLER_STEP: /Execute-MSI|Execute-Process|Start-ADT\w{0,20}Process|msiexec/i,
  ANSIBLE_RC: /"rc":\s{0,4}(-?\d{1,20})/,
  ANSIBLE_FAILED: /^fatal: \[[^\]]{1,200}\]: FAILED!/,

  // ---- input-shape.ts (flattened and escaped pastes)
  /** A whitespace right before a record start: where a flattened log is cut back into records. */
  RECORD_START:
    /\s(?=MSI \([a-zA-Z]\) \(|Action (?:start|ended) \d|Property\([SCN]\): |CustomAction (?:\S{1,255} )?return|(?:DEBUG: )?Error \d{4,5}[.:]|=== |\[[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}\]\[|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \[|Installation failed with exit code|[A-Za-z][\w.]{1,40}: {2}\S)/g,
  /** A record start that only a flattened log has in the middle of a line (not CA output or an error). */
  STRONG_RECORD_START:
    /\s(?:MSI \([a-zA-Z]\) \([0-9A-Fa-f]|Action (?:start|ended) \d|Property\([SCN]\): |=== |\[[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}\]\[)/,
  /** JSON/YAML string escaping of a whole log: "\r\n" sequences, "\n" before a record, "C:\\Windows". */
  ESCAPED_TEXT: /\\r\\n|\\n(?:MSI \(|Action |Property\(|=== |\[[0-9A-Fa-f]{4}:)|[A-Za-z]:\\\\[A-Za-z]/,

  HEX4: /^[0-9A-Fa-f]{4}$/,
  LINE_BREAK: /\r\n|\r|\n/,

  // ---- session-state.ts
  /** Context lines that never help a person. */
  BORING:
    /MSIHANDLE|Generating random cookie|Running as a service|Hello, I'm your|Note: 1: (?:2205|2228|2262|2265|2318|1402) |Cloaking enabled|Attempting to enable all disabled privileges|Connected to service for CA interface|policy value '|^\s*$/,
  /** "Action: X" / "Action X" in messages 1720-1723. */
  MESSAGE_ACTION: /Action:? (\w[\w.]{0,254})/,
  RELATIVE_PATH_START: /^\.{1,2}[\\/]/,
  RELATIVE_PATH_PART: /[\\/]\.{1,2}[\\/]/,
  /** NAME=value pairs of a command line (the name starts a token). */
  COMMAND_LINE_PAIR: /(?<![\w.])([A-Za-z_][\w.]{0,100})=("[^"]*"|\S*)/g,
  PACKAGE_FILE: /\.ms[ip]\b/i,
  CABINET_FILE: /\.cab\b/i,
  FAILED_WORD: /failed|失败|fehlgeschlagen|échec|échoué|失敗|falhou|falló/i,
  BURN_PLAN_ACTION: /action: (\w{1,40})/,
  BURN_APPLYING: /^Applying execute package: ([^,]{1,255}), action: (\w{1,40})/,
  BURN_APPLIED: /^Applied execute package: ([^,]{1,255}), result: (0x[0-9a-fA-F]{1,16}|-?\d{1,20})/,
  BURN_APPLY_COMPLETE: /^Apply complete, result: (0x[0-9a-fA-F]{1,16}|-?\d{1,20})(?:, restart: (\w{1,20}))?/,
  BURN_EXIT_CODE: /^(?:Exit code|Shutting down, exit code): (0x[0-9a-fA-F]{1,16}|-?\d{1,20})/,
  BURN_ERROR: /Error (0x[0-9a-fA-F]{8})/,
  /** "Application requested retry executing package: X", "Retrying execute package X, attempt 2". */
  BURN_RETRY: /retry(?:ing)? (?:of )?(?:executing |execute |caching )?package:? ([^,\s]{1,255})/i,
  /** Message 2755's server status ("Server returned unexpected error 1632 attempting to install package"). */
  SERVER_STATUS: /\b(\d{1,10}) attempting to install package/,
  /** The last number of a message: "System Error 1612." / "Erreur système : 1612." */
  LAST_NUMBER: /(\d{1,10})\D{0,3}$/,
  /** "Name: notepad.exe, Id: 4321" of the FilesInUse / Info 1603 lines, or RESTART MANAGER's "friendly name 'x'". */
  PROCESS_HOLDING: /(?:Name: (?=([^,]{1,255}))\1, Id: (\d{1,10})|friendly name '(?=([^']{1,255}))\3')/,

  // ---- summarize-session.ts
  GUID_ONLY: /^\{[0-9A-Fa-f-]{36}\}$/,
  MSI_FILE: /\.msi$/i,
  MSP_FILE: /\.msp$/i,

  // ---- noise.ts and cause-rules.ts
  CONFIG_MSI: /Config\.Msi/i,
  IPI_FILE: /\.ipi\b/i,
  IN_PROGRESS: /inprogress/i,
  DRIVE_ROOT: /^[A-Za-z]:\\?$/,
  /** Paths whose access problems make the installer engine itself fail (2503/2502, 1310 on them...). */
  INSTALLER_FOLDER: /\\Windows\\Temp\b|\\AppData\\Local\\Temp\b|\\Windows\\Installer\b|Config\.Msi/i,
  /** The cached package of an installed product (what RemoveExistingProducts opens). */
  CACHED_PACKAGE: /\\Windows\\Installer\\[^\\\s]{1,64}\.ms[ip]\b/i,
  /** A per-machine location a per-user, unelevated install cannot write (drive root, Program Files, Windows, HKLM). */
  MACHINE_LOCATION:
    /(?:^|[\s:'"])[A-Za-z]:\\(?:[^\\\s]{1,255}\.[A-Za-z0-9]{1,8}(?:$|[\s.'",])|Program Files|Windows\\|ProgramData)|HKEY_LOCAL_MACHINE|\bHKLM\b|\\SOFTWARE\\/i,

  // ---- log-analyzer.ts: free text that explains a failure in words (custom action output)
  HOT: /error|fail|exception|denied|cannot|can't|unable|not found|invalid|must|already exists|错误|失败|拒绝|fehler|erreur|échec/i,
  /** Words that say how something failed, not only that it did: such a line beats one that just says "error". */
  SPECIFIC: /denied|cannot|can't|unable|not found|invalid|not allowed|拒绝|无法/i,
  /** "Error 0x80070057: ..." of the WiX wrappers: the HRESULT they got, less telling than the command's own words. */
  HRESULT_WRAPPER_LINE: /Error 0x[0-9A-Fa-f]{8}: /,
  /** An errors-only (msiexec /le) message saying a prerequisite is missing. */
  PREREQUISITE:
    /\brequires?\b|\brequired\b|must be installed|is not installed|\binstall\b.{0,80}\bfirst\b|prerequisite|需要安装|必须先安装|未安装/i,
  /** Output of the WiX wrappers that only repeats a failure (the command's own words come before it). */
  GENERIC_CA_OUTPUT:
    /Failed in ExecCommon method|QuietExec Failed|Command line returned an error|(?:START|END) OF ERROR REPORT|Failed to get Command Line|Entering \w{1,40} in |Calling custom action|Exception thrown by custom action|returned actual error code|^\s*$/i,

  // ---- redaction.ts
  SECRET_NAME: /PASSWORD|PASSWD|PWD|SECRET|TOKEN|KEY|CREDENTIAL/i,
  PROPERTY_CHANGE_NAME: /PROPERTY CHANGE: (?:Adding|Modifying|Deleting) (\S{1,255}) property/,
  QUOTED: /'[^']*'/g,
  /** NAME=value / NAME="value with spaces" (command lines, CustomActionData); the name starts a token. */
  NAME_VALUE: /(?<![\w.])([A-Za-z_][\w.]{0,100})=("[^"]*"|'[^']*'|[^\s,;)]*)/g,
} as const satisfies Record<string, RegExp>;

export type PatternName = keyof typeof P;
