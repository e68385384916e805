// Every known product: recognised from real ARP / package names (and not from look-alikes), its version commands'
// real outputs read (and error text, other tools' output and localized messages refused); en + zh-CN names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KNOWN_PRODUCTS,
  KNOWN_PRODUCT_IDS,
  commandLine,
  compareVersions,
  knownProduct,
  readVersionOutput,
  recogniseProduct,
  type KnownProductId,
} from './known-products.ts';
import { translate } from './texts.ts';

interface Case {
  /** Real DisplayName / ProductName + Publisher pairs that must be recognised as this product. */
  recognised: Array<{ name: string; publisher?: string }>;
  /** Names that must not be (other vendors, other products of the same vendor). */
  notRecognised: Array<{ name: string; publisher?: string }>;
  /** Per command line: real outputs and what is read from them. */
  outputs: Record<string, Array<{ stdout?: string; stderr?: string; reads: string | null }>>;
}

const NOT_FOUND_EN = "'x' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n";
const NOT_FOUND_ZH = "'x' 不是内部或外部命令，也不是可运行的程序\r\n或批处理文件。\r\n";

const CASES = {
  go: {
    recognised: [
      { name: 'Go Programming Language amd64 go1.21.5', publisher: 'https://go.dev' },
      { name: 'Go Programming Language 386 go1.19.13' },
      { name: 'Go Programming Language arm64 go1.22rc1' },
    ],
    notRecognised: [{ name: 'Go Programming Language' }, { name: 'GoTo Meeting 10.19' }, { name: 'Go' }],
    outputs: {
      'go version': [
        { stdout: 'go version go1.21.5 windows/amd64\r\n', reads: '1.21.5' },
        { stdout: 'go version go1.19.13 windows/386\r\n', reads: '1.19.13' },
        { stdout: 'go version go1.22rc1 windows/arm64\n', reads: '1.22' },
        { stdout: 'go version go1.21.5 linux/amd64\n', reads: null },
        { stderr: NOT_FOUND_EN, reads: null },
        { stdout: NOT_FOUND_ZH, reads: null },
      ],
      'go env GOROOT': [
        { stdout: 'C:\\Program Files\\Go\r\n', reads: 'C:\\Program Files\\Go' },
        { stdout: 'go: cannot find GOROOT directory: C:\\Go\r\n', reads: null },
      ],
    },
  },
  nodejs: {
    recognised: [{ name: 'Node.js', publisher: 'Node.js Foundation' }, { name: 'Node.js (x64)' }],
    notRecognised: [{ name: 'Node.js', publisher: 'Contoso' }, { name: 'Node.js Tools for Visual Studio' }],
    outputs: {
      'node --version': [
        { stdout: 'v20.11.1\r\n', reads: '20.11.1' },
        { stdout: 'v8.11.1 (V8)\r\n', reads: null },
        { stderr: NOT_FOUND_EN, reads: null },
      ],
      'npm --version': [
        { stdout: '10.2.4\r\n', reads: '10.2.4' },
        { stdout: 'npm WARN config global `--global`, `--local` are deprecated.\n', reads: null },
      ],
    },
  },
  python: {
    recognised: [
      { name: 'Python 3.12.1 (64-bit)', publisher: 'Python Software Foundation' },
      { name: 'Python 3.12.1 Core Interpreter (64-bit)', publisher: 'Python Software Foundation' },
      { name: 'Python 3.11.7 Executables (32-bit)' },
      { name: 'Python Launcher', publisher: 'Python Software Foundation' },
    ],
    notRecognised: [
      { name: 'Python 3.12.1 (64-bit)', publisher: 'Anaconda, Inc.' },
      { name: 'Python' },
      { name: 'Miniconda3 py312_24.1.2-0 (Python 3.12.1 64-bit)' },
    ],
    outputs: {
      'python --version': [
        { stdout: 'Python 3.12.1\r\n', reads: '3.12.1' },
        // The Microsoft Store alias prints nothing on stdout (it opens the Store or writes a hint to stderr).
        {
          stdout: '',
          stderr: 'Python was not found; run without arguments to install from the Microsoft Store',
          reads: null,
        },
      ],
      'py -0p': [
        {
          stdout:
            ' -V:3.12 *        C:\\Users\\zhang.wei\\AppData\\Local\\Programs\\Python\\Python312\\python.exe\r\n -V:3.11          C:\\Python311\\python.exe\r\n',
          reads: '3.12',
        },
        { stdout: ' -3.9-64 *        C:\\Python39\\python.exe\r\n', reads: '3.9' },
        { stdout: 'No Installed Pythons Found!\r\n', reads: null },
      ],
    },
  },
  git: {
    recognised: [{ name: 'Git', publisher: 'The Git Development Community' }, { name: 'Git version 2.43.0' }],
    notRecognised: [{ name: 'Git', publisher: 'Contoso' }, { name: 'GitHub Desktop' }, { name: 'Git Extensions 4.2' }],
    outputs: {
      'git --version': [
        { stdout: 'git version 2.43.0.windows.1\r\n', reads: '2.43.0' },
        { stdout: 'git version 2.39.2\n', reads: '2.39.2' },
        { stderr: NOT_FOUND_EN, reads: null },
      ],
    },
  },
  powershell: {
    recognised: [{ name: 'PowerShell 7-x64', publisher: 'Microsoft Corporation' }, { name: 'PowerShell 7.4.1.0-x64' }],
    notRecognised: [
      { name: 'PowerShell 7-x64', publisher: 'Contoso' },
      { name: 'Windows PowerShell 5.1' },
      { name: 'PowerShell 6-x64' },
    ],
    outputs: {
      'pwsh --version': [
        { stdout: 'PowerShell 7.4.1\r\n', reads: '7.4.1' },
        { stdout: 'pwsh: The term is not recognized\r\n', reads: null },
      ],
    },
  },
  'dotnet-sdk': {
    recognised: [
      { name: 'Microsoft .NET SDK 8.0.101 (x64)', publisher: 'Microsoft Corporation' },
      { name: 'Microsoft .NET Core SDK 3.1.426 (x64)' },
      { name: 'Microsoft .NET SDK 9.0.100-rc.2.24474.11 (arm64)' },
    ],
    notRecognised: [
      { name: 'Microsoft .NET Runtime - 8.0.1 (x64)' },
      { name: 'Microsoft Windows Desktop Runtime - 8.0.1 (x64)' },
    ],
    outputs: {
      'dotnet --version': [
        { stdout: '8.0.101\r\n', reads: '8.0.101' },
        { stdout: '9.0.100-rc.2.24474.11\r\n', reads: '9.0.100' },
        // Only a runtime installed: the host prints a (localized) hint, no version.
        { stdout: 'The command could not be loaded, possibly because:\r\n', reads: null },
      ],
    },
  },
  java: {
    recognised: [
      { name: 'Eclipse Temurin JDK with Hotspot 21.0.2+13 (x64)', publisher: 'Eclipse Adoptium' },
      { name: 'Eclipse Temurin JRE with Hotspot 17.0.10+7 (x86)' },
      { name: 'Microsoft Build of OpenJDK with Hotspot 21.0.2+13 (x64)', publisher: 'Microsoft' },
    ],
    notRecognised: [{ name: 'Java 8 Update 401 (64-bit)' }, { name: 'Eclipse Temurin JDK' }],
    outputs: {
      'java -version': [
        {
          stderr:
            'openjdk version "21.0.2" 2024-01-16 LTS\r\nOpenJDK Runtime Environment Temurin-21.0.2+13 (build 21.0.2+13-LTS)\r\n',
          reads: '21.0.2',
        },
        { stderr: 'java version "1.8.0_401"\r\nJava(TM) SE Runtime Environment\r\n', reads: '1.8.0' },
        // java -version writes to stderr; the same text on stdout is not how java answers.
        { stdout: 'openjdk version "21.0.2" 2024-01-16 LTS\r\n', stderr: '', reads: null },
      ],
    },
  },
  '7zip': {
    recognised: [
      { name: '7-Zip 24.08 (x64 edition)', publisher: 'Igor Pavlov' },
      { name: '7-Zip 23.01 (x64)' },
      { name: '7-Zip 9.20' },
    ],
    notRecognised: [{ name: '7-Zip 24.08 (x64 edition)', publisher: 'Contoso' }, { name: '7-Zip File Manager' }],
    outputs: {
      '7z': [
        { stdout: '\r\n7-Zip 24.08 (x64) : Copyright (c) 1999-2024 Igor Pavlov : 2024-08-11\r\n', reads: '24.08' },
        { stdout: '7-Zip (a) 23.01 (x64) : Copyright (c) 1999-2023 Igor Pavlov\r\n', reads: '23.01' },
        { stdout: 'Usage: 7z <command>\r\n', reads: null },
      ],
    },
  },
} satisfies Record<KnownProductId, Case>;

for (const id of KNOWN_PRODUCT_IDS) {
  const product = knownProduct(id);
  const c: Case = CASES[id];

  test(`${id}: recognised from its real ARP / package names, not from look-alikes`, () => {
    for (const entry of c.recognised)
      assert.equal(recogniseProduct(entry)?.id, id, `${entry.name} / ${entry.publisher ?? '-'} should be ${id}`);
    for (const entry of c.notRecognised)
      assert.notEqual(recogniseProduct(entry)?.id, id, `${entry.name} / ${entry.publisher ?? '-'} is not ${id}`);
  });

  test(`${id}: every version command's real output is read, errors and other text are not`, () => {
    assert.deepEqual(Object.keys(c.outputs).sort(), product.commands.map(commandLine).sort(), 'a case per command');
    for (const command of product.commands) {
      for (const o of c.outputs[commandLine(command)]!) {
        const read = readVersionOutput(command, { stdout: o.stdout ?? '', stderr: o.stderr ?? '' });
        assert.equal(read, o.reads, `${commandLine(command)} on ${JSON.stringify(o)}`);
      }
    }
  });

  test(`${id}: name in English and Simplified Chinese, executable and folders well-formed`, () => {
    const en = translate({ key: product.nameKey, params: {} }, 'en');
    const zh = translate({ key: product.nameKey, params: {} }, 'zh-CN');
    assert.notEqual(en, product.nameKey);
    assert.notEqual(zh, product.nameKey);
    assert.match(product.executable, /^[a-z0-9]+\.exe$/i);
    assert.equal(product.commands[0]!.command.toLowerCase() + '.exe', product.executable.toLowerCase());
    assert.ok(product.defaultInstallFolders.length > 0);
    for (const folder of product.defaultInstallFolders) assert.match(folder, /^%(ProgramFiles|LOCALAPPDATA)%\\/);
  });
}

test('no name is recognised as two products', () => {
  for (const id of KNOWN_PRODUCT_IDS)
    for (const entry of CASES[id].recognised)
      for (const other of KNOWN_PRODUCTS)
        if (other.id !== id)
          assert.ok(!other.names.some((p) => p.test(entry.name)), `${entry.name} also matches ${other.id}`);
});

test('long hostile names and outputs are refused before any pattern sees them', () => {
  const long = 'Go Programming Language amd64 go1.' + '1'.repeat(200_000) + '!';
  assert.equal(recogniseProduct({ name: long }), null);
  const go = knownProduct('go').commands[0]!;
  assert.equal(readVersionOutput(go, { stdout: 'go version go' + '1.'.repeat(100_000), stderr: '' }), null);
});

test('compareVersions orders dotted numbers', () => {
  assert.equal(compareVersions('1.21.5', '1.19.13'), 1);
  assert.equal(compareVersions('1.19', '1.19.0'), 0);
  assert.equal(compareVersions('9.0.100', '10.0.1'), -1);
});
