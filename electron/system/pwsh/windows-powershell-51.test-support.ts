// The constructs Windows PowerShell 5.1 lacks (the PowerShell every supported Windows has; our scripts run under it),
// each with where it is documented. ONE list: the checks match these rules against the AST facts driver.ps1 reports
// (parsed by the real PowerShell 7 parser, which knows the newer syntax). Add a rule here with its source.
import type { AstFact } from './powershell-host.test-support.ts';

export interface Ps51Rule {
  id: string;
  /** What the construct is, in the failure message. */
  construct: string;
  /** The PowerShell version that added it. */
  since: string;
  /** Where this is documented (Microsoft Learn first). */
  source: string;
  matches(fact: AstFact): boolean;
}

const DOCS = 'https://learn.microsoft.com/powershell';
const node = (type: string) => (f: AstFact) => f.kind === 'node' && f.name === type;
const operator =
  (...names: string[]) =>
  (f: AstFact) =>
    f.kind === 'operator' && names.includes(f.name);
const variable =
  (...names: string[]) =>
  (f: AstFact) =>
    f.kind === 'variable' && names.some((n) => n.toLowerCase() === f.name.toLowerCase());
const ALIASES: Record<string, string> = {
  '%': 'foreach-object',
  foreach: 'foreach-object',
  '?': 'where-object',
  where: 'where-object',
};
const commandName = (f: AstFact): string => {
  const n = f.name.toLowerCase();
  return ALIASES[n] ?? n;
};
/** A command with a parameter: any unambiguous prefix of it counts, as PowerShell accepts (-Par for -Parallel). */
const parameter =
  (command: string, name: string, shortest = 2) =>
  (f: AstFact) =>
    f.kind === 'command' &&
    commandName(f) === command.toLowerCase() &&
    (f.detail ?? '').split(',').some((p) => p.length >= shortest && name.toLowerCase().startsWith(p.toLowerCase()));
const command =
  (...names: string[]) =>
  (f: AstFact) =>
    f.kind === 'command' && names.map((n) => n.toLowerCase()).includes(commandName(f));
/** A .NET member used on a type (static) or on any object (instance), by name. */
const member =
  (name: string, options: { type?: RegExp; static?: boolean } = {}) =>
  (f: AstFact) => {
    if (f.kind !== 'member' || f.name.toLowerCase() !== name.toLowerCase()) return false;
    const detail = f.detail ?? '';
    if (options.static !== undefined && detail.includes(`static=${options.static ? 'True' : 'False'}`) === false)
      return false;
    if (options.type) {
      const type = /type=([^;]*)/.exec(detail)?.[1] ?? '';
      return options.type.test(type);
    }
    return true;
  };

export const WINDOWS_POWERSHELL_51_RULES: readonly Ps51Rule[] = [
  {
    id: 'ternary',
    construct: 'the ternary operator  a ? b : c',
    since: '7.0',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_operators#ternary-operator--if-true--if-false`,
    matches: node('TernaryExpressionAst'),
  },
  {
    id: 'null-coalescing',
    construct: 'the null-coalescing operators  ??  and  ??=',
    since: '7.0',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_operators#null-coalescing-operator-`,
    matches: operator('QuestionQuestion', 'QuestionQuestionEquals'),
  },
  {
    id: 'null-conditional',
    construct: 'the null-conditional member access  ${a}?.b  /  ${a}?[0]',
    since: '7.1',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_operators#null-conditional-operators--and-`,
    matches: (f) => f.kind === 'null-conditional',
  },
  {
    id: 'variable-ending-in-question-mark',
    construct: 'a variable name ending in "?" ($a?.b is read as the variable "a?" by 5.1 and 7 alike)',
    since: '7.1',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_operators#null-conditional-operators--and-`,
    matches: (f) => f.kind === 'variable' && f.name.endsWith('?'),
  },
  {
    id: 'pipeline-chain',
    construct: 'the pipeline chain operators  &&  and  ||',
    since: '7.0',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_pipeline_chain_operators`,
    matches: node('PipelineChainAst'),
  },
  {
    id: 'foreach-parallel',
    construct: 'ForEach-Object -Parallel',
    since: '7.0',
    source: `${DOCS}/module/microsoft.powershell.core/foreach-object#-parallel`,
    matches: parameter('ForEach-Object', 'Parallel'),
  },
  {
    id: 'convertfrom-json-ashashtable',
    construct: 'ConvertFrom-Json -AsHashtable',
    since: '6.0',
    source: `${DOCS}/module/microsoft.powershell.utility/convertfrom-json#-ashashtable`,
    matches: parameter('ConvertFrom-Json', 'AsHashtable'),
  },
  {
    id: 'convertfrom-json-depth',
    construct: 'ConvertFrom-Json -Depth',
    since: '6.2',
    source: `${DOCS}/module/microsoft.powershell.utility/convertfrom-json#-depth`,
    matches: parameter('ConvertFrom-Json', 'Depth', 1),
  },
  {
    id: 'convertfrom-json-noenumerate',
    construct: 'ConvertFrom-Json -NoEnumerate / -DateKind',
    since: '7.0 / 7.5',
    source: `${DOCS}/module/microsoft.powershell.utility/convertfrom-json#-noenumerate`,
    matches: (f) =>
      parameter('ConvertFrom-Json', 'NoEnumerate', 1)(f) || parameter('ConvertFrom-Json', 'DateKind', 2)(f),
  },
  {
    id: 'convertto-json-new-parameters',
    construct: 'ConvertTo-Json -EnumsAsStrings / -AsArray / -EscapeHandling',
    since: '6.2',
    source: `${DOCS}/module/microsoft.powershell.utility/convertto-json#-enumsasstrings`,
    matches: (f) =>
      parameter('ConvertTo-Json', 'EnumsAsStrings', 2)(f) ||
      parameter('ConvertTo-Json', 'AsArray', 2)(f) ||
      parameter('ConvertTo-Json', 'EscapeHandling', 2)(f),
  },
  {
    id: 'get-service-new-properties',
    construct:
      'ServiceController properties PowerShell 6 added (BinaryPathName, Description, DelayedAutoStart, StartupType, UserName)',
    since: '6.0',
    source: `${DOCS}/module/microsoft.powershell.management/get-service#outputs (Beginning in PowerShell 6.0 these properties are added)`,
    matches: (f) =>
      f.kind === 'member' &&
      ['binarypathname', 'delayedautostart', 'startuptype', 'username'].includes(f.name.toLowerCase()),
  },
  {
    id: 'platform-variables',
    construct: '$IsWindows / $IsLinux / $IsMacOS / $IsCoreCLR',
    since: '6.0',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_automatic_variables#iswindows`,
    matches: variable('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR'),
  },
  {
    id: 'newer-automatic-variables',
    construct: '$PSStyle / $PSNativeCommandArgumentPassing / $PSNativeCommandUseErrorActionPreference',
    since: '7.2 / 7.3',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_ansi_terminals#psstyle`,
    matches: variable('PSStyle', 'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference'),
  },
  {
    id: 'clean-block',
    construct: 'a clean { } block',
    since: '7.3',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_functions_advanced_methods#clean`,
    matches: (f) => f.kind === 'clean-block',
  },
  {
    id: 'unicode-escape',
    construct: 'the `u{XXXX} escape in a double-quoted string (5.1 prints it literally)',
    since: '6.0',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_special_characters#unicode-character-ux`,
    matches: (f) => f.kind === 'unicode-escape',
  },
  {
    id: 'numeric-suffixes',
    construct: 'numeric literal suffixes y, uy, s, us, u, ul, n and binary 0b literals',
    since: '6.2 / 7.0',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_numeric_literals`,
    matches: (f) =>
      f.kind === 'number' &&
      (/^0b[01]/i.test(f.name) ||
        /(?:[0-9a-f]|[^x][0-9])(?:y|uy|s|us|u|ul|n)$/i.test(f.name.replace(/(kb|mb|gb|tb|pb)$/i, ''))),
  },
  {
    id: 'replace-scriptblock',
    construct: '-replace with a scriptblock substitution',
    since: '6.1',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_comparison_operators#substitutions-with-scriptblocks`,
    matches: (f) => f.kind === 'replace-scriptblock',
  },
  {
    id: 'char-range',
    construct: "a range of characters  'a'..'z'",
    since: '7.0',
    source: `${DOCS}/module/microsoft.powershell.core/about/about_operators#range-operator-`,
    matches: (f) => f.kind === 'char-range',
  },
  {
    id: 'bytestream',
    construct: '-AsByteStream on Get-Content / Set-Content / Add-Content (5.1: -Encoding Byte)',
    since: '6.0',
    source: `${DOCS}/module/microsoft.powershell.management/get-content#-asbytestream`,
    matches: (f) => ['Get-Content', 'Set-Content', 'Add-Content'].some((c) => parameter(c, 'AsByteStream', 3)(f)),
  },
  {
    id: 'split-path-new-parameters',
    construct: 'Split-Path -LeafBase / -Extension',
    since: '6.0',
    source: `${DOCS}/module/microsoft.powershell.management/split-path#-leafbase`,
    matches: (f) => parameter('Split-Path', 'LeafBase', 5)(f) || parameter('Split-Path', 'Extension', 2)(f),
  },
  {
    id: 'get-date-new-parameters',
    construct: 'Get-Date -AsUTC / -UnixTimeSeconds',
    since: '7.1',
    source: `${DOCS}/module/microsoft.powershell.utility/get-date#-asutc`,
    matches: (f) => parameter('Get-Date', 'AsUTC', 3)(f) || parameter('Get-Date', 'UnixTimeSeconds', 2)(f),
  },
  {
    id: 'select-string-raw',
    construct: 'Select-String -Raw / -NoEmphasis',
    since: '7.0',
    source: `${DOCS}/module/microsoft.powershell.utility/select-string#-raw`,
    matches: (f) => parameter('Select-String', 'Raw', 2)(f) || parameter('Select-String', 'NoEmphasis', 3)(f),
  },
  {
    id: 'get-childitem-followsymlink',
    construct: 'Get-ChildItem -FollowSymlink',
    since: '6.0',
    source: `${DOCS}/module/microsoft.powershell.management/get-childitem#-followsymlink`,
    matches: parameter('Get-ChildItem', 'FollowSymlink', 2),
  },
  {
    id: 'start-process-environment',
    construct: 'Start-Process -Environment',
    since: '7.4',
    source: `${DOCS}/module/microsoft.powershell.management/start-process#-environment`,
    matches: parameter('Start-Process', 'Environment', 2),
  },
  {
    id: 'cmdlets-added-after-51',
    construct:
      'a cmdlet Windows PowerShell 5.1 does not have (Get-Error, Join-String, Test-Json, Get-Uptime, Remove-Service, Remove-Alias, ConvertFrom-Markdown, Get-PSSubsystem)',
    since: '6.0 - 7.0',
    source: `${DOCS}/scripting/whats-new/differences-from-windows-powershell (and each cmdlet's page: "This cmdlet was introduced in PowerShell 6/7")`,
    matches: command(
      'Get-Error',
      'Join-String',
      'Test-Json',
      'Get-Uptime',
      'Remove-Service',
      'Remove-Alias',
      'ConvertFrom-Markdown',
      'Show-Markdown',
      'Get-PSSubsystem',
    ),
  },
  {
    id: 'string-split-string',
    construct:
      "String.Split('multi-character string'): 5.1 (.NET Framework) splits on EACH character, 7 on the whole string",
    since: '6.0 (.NET Core overload)',
    source:
      'https://github.com/PowerShell/PowerShell/issues/13726 and ' +
      `${DOCS}/scripting/whats-new/differences-from-windows-powershell#net-framework-vs-net-core`,
    matches: (f) =>
      f.kind === 'member' && f.name.toLowerCase() === 'split' && /call=True;args='[^']{2,}'/.test(f.detail ?? ''),
  },
  {
    id: 'dotnet-core-only-apis',
    construct:
      '.NET APIs missing from .NET Framework 4.x ([IO.Path]::GetRelativePath/Join, [Convert]::ToHexString/FromHexString, [Math]::Clamp, [Environment]::ProcessPath, [Text.Encoding]::Latin1, [*.SHA256]::HashData)',
    since: '.NET Core 2.0 - .NET 6',
    source:
      'https://learn.microsoft.com/dotnet/api/system.io.path.getrelativepath ("Applies to" lists no .NET Framework); same for each API',
    matches: (f) =>
      member('GetRelativePath', { static: true, type: /^(System\.)?IO\.Path$/i })(f) ||
      member('Join', { static: true, type: /^(System\.)?IO\.Path$/i })(f) ||
      member('ToHexString', { static: true, type: /Convert$/i })(f) ||
      member('FromHexString', { static: true, type: /Convert$/i })(f) ||
      member('Clamp', { static: true, type: /Math$/i })(f) ||
      member('ProcessPath', { static: true, type: /Environment$/i })(f) ||
      member('Latin1', { static: true, type: /Encoding$/i })(f) ||
      member('HashData', { static: true })(f),
  },
];

/** Runtime fact (the run harness, not the AST): a DateTime handed to ConvertTo-Json. */
export const JSON_DATETIME_RULE = {
  id: 'json-datetime',
  construct:
    'a DateTime value given to ConvertTo-Json: Windows PowerShell 5.1 writes "\\/Date(ms)\\/", PowerShell 7 an ISO string',
  since: '6.0 (Newtonsoft serializer)',
  source: `${DOCS}/module/microsoft.powershell.utility/convertto-json (examples: 5.1 and 7 output of Get-Date)`,
};

/** The 5.1-incompatible constructs among a script's facts, one line each. */
export function ps51Findings(facts: readonly AstFact[]): string[] {
  const out: string[] = [];
  for (const rule of WINDOWS_POWERSHELL_51_RULES)
    for (const f of facts)
      if (rule.matches(f)) out.push(`line ${f.line}: ${rule.construct} (PowerShell ${rule.since}; ${rule.source})`);
  return out;
}
