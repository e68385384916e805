// parsePathEnvironment on PowerShell 5.1-shaped output: unrolled one-item arrays, $null lists, duplicates, entries
// past the length limit, an older copy first, a run as administrator, and output that is not the tool's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommandOutput } from '../run/command-runner.ts';
import { PATH_LENGTH_LIMIT, parsePathEnvironment, type PathEnvironmentOutput } from './path-environment.ts';

const out = (value: unknown): CommandOutput[] => [
  {
    exitCode: 0,
    stdout: JSON.stringify(value) + '\r\n',
    stderr: '',
    durationMs: 300,
    timedOut: false,
  } as CommandOutput,
];

const entry = (scope: 'machine' | 'user', raw: string, expanded = raw, executables: unknown = null, exists = true) => ({
  scope,
  raw,
  expanded,
  exists,
  executables,
});

function base(over: Partial<Record<keyof PathEnvironmentOutput, unknown>> = {}) {
  const value = {
    elevated: false,
    machinePath: {
      raw: '%SystemRoot%\\system32;C:\\Go\\bin;C:\\Program Files\\Go\\bin',
      type: 'REG_EXPAND_SZ',
      expanded: 'C:\\Windows\\system32;C:\\Go\\bin;C:\\Program Files\\Go\\bin',
    },
    userPath: { raw: null, type: null, expanded: '' },
    entries: [
      entry('machine', '%SystemRoot%\\system32', 'C:\\Windows\\system32'),
      entry('machine', 'C:\\Go\\bin', 'C:\\Go\\bin', 'go.exe'),
      entry('machine', 'C:\\Program Files\\Go\\bin', 'C:\\Program Files\\Go\\bin', ['go.exe']),
    ],
    openPathHas: { executable: 'go.exe', folder: 'C:\\Go\\bin' },
    arp: [
      {
        name: 'Go Programming Language amd64 go1.21.5',
        version: '1.21.5',
        publisher: 'https://go.dev',
        installLocation: 'C:\\Program Files\\Go\\',
        scope: 'machine',
      },
    ],
    products: [
      {
        id: 'go',
        keyFiles: 'C:\\Program Files\\Go\\bin\\go.exe',
        runs: [
          {
            command: 'go version',
            program: 'C:\\Go\\bin\\go.exe',
            ran: true,
            notRun: null,
            exitCode: 0,
            stdout: 'go version go1.19.13 windows/amd64\r\n',
            stderr: '',
          },
          {
            command: 'go env GOROOT',
            program: 'C:\\Go\\bin\\go.exe',
            ran: true,
            notRun: null,
            exitCode: 0,
            stdout: 'C:\\Go\r\n',
            stderr: '',
          },
        ],
      },
    ],
  };
  return { ...value, ...over } as typeof value;
}

const data = (v: ReturnType<typeof parsePathEnvironment>) => v.data!;

test('an older copy earlier in PATH: shadowed, with the version it answers and the installed one', () => {
  const v = parsePathEnvironment(out(base()));
  assert.equal(v.status, 'problem');
  assert.equal(v.summary.key, 'probe.path-environment.shadowed');
  const go = data(v).products[0]!;
  assert.equal(go.state, 'shadowed');
  assert.equal(go.resolved?.folder, 'C:\\Go\\bin');
  assert.equal(go.runs[0]!.read, '1.19.13');
  assert.equal(go.installedVersion, '1.21.5');
  assert.equal(go.binFolder, 'C:\\Program Files\\Go\\bin');
});

test('duplicates and entries past the limit are marked; a product there is past-limit', () => {
  const filler = Array.from({ length: 30 }, (_, i) => entry('machine', `C:\\Tools\\T${i}${'x'.repeat(60)}`));
  const entries = [
    entry('machine', 'C:\\Windows'),
    entry('machine', 'c:\\windows\\'),
    ...filler,
    entry('machine', 'C:\\Program Files\\Go\\bin', undefined, ['go.exe']),
  ];
  const expanded = entries.map((e) => e.expanded).join(';');
  const v = parsePathEnvironment(
    out(
      base({
        machinePath: { raw: expanded, type: 'REG_EXPAND_SZ', expanded },
        entries,
        openPathHas: null,
        products: [
          {
            id: 'go',
            keyFiles: ['C:\\Program Files\\Go\\bin\\go.exe'],
            runs: [
              {
                command: 'go version',
                program: null,
                ran: false,
                notRun: 'not-found',
                exitCode: null,
                stdout: '',
                stderr: '',
              },
            ],
          },
        ],
      }),
    ),
  );
  const d = data(v);
  assert.ok(d.freshLength > PATH_LENGTH_LIMIT);
  assert.equal(d.overLimit, true);
  assert.equal(d.entries[1]!.duplicate, true, 'same folder, other case and a trailing backslash');
  assert.equal(d.entries.at(-1)!.pastLimit, true);
  assert.equal(d.products[0]!.state, 'past-limit');
  assert.equal(v.summary.key, 'probe.path-environment.past-limit');
});

test('run as administrator: the version commands are reported as not run (commandsRan false)', () => {
  const b = base();
  const v = parsePathEnvironment(
    out({
      ...b,
      elevated: true,
      products: [
        { id: 'go', keyFiles: [], runs: [{ ...b.products[0]!.runs[0]!, ran: false, notRun: 'elevated', stdout: '' }] },
      ],
    }),
  );
  assert.equal(data(v).commandsRan, false);
  assert.equal(data(v).products[0]!.runs[0]!.notRun, 'elevated');
});

test("output that is not the tool's answer is not read as a version (a Chinese 'not recognized' line)", () => {
  const b = base();
  const run = {
    ...b.products[0]!.runs[0]!,
    program: 'C:\\Program Files\\Go\\bin\\go.exe',
    stdout: "'go' 不是内部或外部命令，也不是可运行的程序\r\n",
    exitCode: 1,
  };
  const v = parsePathEnvironment(
    out({
      ...b,
      entries: [b.entries[0], b.entries[2]],
      products: [{ id: 'go', keyFiles: b.products[0]!.keyFiles, runs: [run] }],
    }),
  );
  assert.equal(data(v).products[0]!.runs[0]!.read, null);
  assert.equal(data(v).products[0]!.state, 'fails');
});

test('unreadable output is an error verdict with the reason, never a guess', () => {
  const v = parsePathEnvironment([
    { exitCode: 1, stdout: 'not json', stderr: 'boom', durationMs: 1, timedOut: false } as CommandOutput,
  ]);
  assert.equal(v.status, 'error');
});
