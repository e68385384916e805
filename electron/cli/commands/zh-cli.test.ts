// Every CLI command run with --lang zh-CN prints no English sentence: what is left after removing the machine's own
// values (paths, commands, quoted log lines, the simulated machine's names and facts, key=value facts) is Chinese,
// with Chinese punctuation: its labels end in the full-width colon "：", never an ASCII one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { fakeIo } from '../cli-test-io.test-support.ts';
import { testWithDataDir } from '../cli-test-io.test-support.ts';
import { scanCommand } from './scan.ts';
import { fixCommand } from './fix.ts';
import { undoCommand } from './undo.ts';
import { verifyCommand } from './verify.ts';
import { reportCommand } from './report.ts';
import { analyzeCommand } from './analyze.ts';
import { inspectCommand } from './inspect.ts';
import { fleetCommand } from './fleet.ts';
import { CliUsageError, type CliCommand } from '../cli-types.ts';
import { test } from 'node:test';
import { usage, usageErrorLine } from '../main.ts';
import { listJournals } from '../../services/journal.ts';
import { defaultDataDir } from '../../services/data-dir.ts';

const SCENARIOS = fileURLToPath(new URL('../../system/simulated/scenarios/', import.meta.url));
const LOG = fileURLToPath(new URL('../../../shared/msilog/fixtures/verbose-deferred-ca.log.txt', import.meta.url));

/** Names that stay in English in a Chinese sentence (products and Windows parts, as Windows shows them). */
const PRODUCT_NAMES = ['MSI Doctor', 'Windows Installer', 'Windows Update', 'Configuration Manager', 'Microsoft Store'];
/** Three or more ASCII words in a row, starting at a word's start: an English sentence or a piece of one. */
const ENGLISH_RUN = /(?<![A-Za-z])[A-Za-z]{2,}(?:[ ,]+[A-Za-z]+){2,}/;

/** Every string the scenario file gives the machine (product names, paths, command lines, service names...). */
function machineValues(scenario: string): string[] {
  const values: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.length >= 4) values.push(node);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk((JSON.parse(readFileSync(join(SCENARIOS, `${scenario}.json`), 'utf8')) as { machine: unknown }).machine);
  return values.sort((a, b) => b.length - a.length);
}

/** The line with the machine's values taken out; null for a line that is machine text as a whole. */
function wordsOf(line: string, values: string[]): string | null {
  const trimmed = line.trim();
  // A command line or script shown to run, a command's output (indented under "> cmd"), key=value facts.
  if (/^(?:[A-Za-z]:\\|#|>|…|\$)/.test(trimmed) || /^[\w.]+=/.test(trimmed)) return null;
  let rest = line;
  for (const value of values) rest = rest.split(value).join(' ');
  for (const name of PRODUCT_NAMES) rest = rest.split(name).join(' ');
  return (
    rest
      // Quoted text (a log line, a command's answer) and the command a user types.
      .replace(/“[^”]*”|"[^"]*"/g, ' ')
      .replace(/msi-doctor [a-z]+(?: [\w-]+)*/g, ' ')
      // Paths, file names, journal ids, GUIDs.
      .replace(/[A-Za-z]:\\[^\s，。：；、（）“”]*/g, ' ')
      .replace(/\/[^\s，。：；、（）]+/g, ' ')
      .replace(/[\w.-]+\.(?:msi|log|exe|LOG|txt|html)\b/g, ' ')
      .replace(/\{[0-9A-Fa-f-]{36}\}/g, ' ')
  );
}

/** The lines of a log the command quotes (analyze): the log's own words. */
function logLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 4)
    .sort((a, b) => b.length - a.length);
}

/**
 * ASCII punctuation in Chinese text: a colon right after a Chinese character or full-width mark ("提示: x"), or a
 * colon, comma, semicolon or opening parenthesis right before a Chinese word ("msi-doctor scan: 请", "1603: 安装",
 * ", 第 8 行", "(可信度"). Chinese uses "：", "，", "；" and "（）".
 */
const ASCII_PUNCTUATION_IN_CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]:|[:,;(] ?[\u4e00-\u9fff]/;

function asciiPunctuationLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => ASCII_PUNCTUATION_IN_CHINESE.test(line))
    .map((line) => line.trim().slice(0, 160));
}

function englishLines(output: string, scenario: string | null, log: string | null = null): string[] {
  const values = [...(scenario ? machineValues(scenario) : []), ...(log ? logLines(log) : [])];
  const found: string[] = [];
  // Under "> command" come the program's own output lines, indented deeper: the program's words.
  let outputIndent: number | null = null;
  for (const line of output.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (outputIndent !== null && indent > outputIndent && line.trim()) continue;
    outputIndent = line.trim().startsWith('>') ? indent : null;
    // A log excerpt: "  28 | the log's line".
    if (/^\s*\d+ \| /.test(line)) continue;
    const words = wordsOf(line, values);
    const match = words === null ? null : ENGLISH_RUN.exec(words);
    if (match) found.push(`"${match[0]}" in: ${line.trim().slice(0, 160)}`);
  }
  return found;
}

async function run(
  command: (argv: string[], io: ReturnType<typeof fakeIo>['io']) => Promise<number>,
  argv: string[],
): Promise<string> {
  const f = fakeIo();
  await command([...argv, '--lang', 'zh-CN'], f.io);
  return `${f.out()}\n${f.err()}`;
}

testWithDataDir('zh-CN: no command prints an English sentence outside the machine values', async () => {
  const outputs: Array<{ what: string; scenario: string | null; text: string; log?: string }> = [];
  const add = async (what: string, scenario: string | null, text: Promise<string>, log?: string) =>
    outputs.push({ what, scenario, text: await text, ...(log ? { log } : {}) });
  await add('scan --list-scenarios', null, run(scanCommand, ['--list-scenarios']));
  for (const scenario of ['2503-windows-temp-acl', '1603-pending-reboot', 'msiserver-disabled', 'policy-disable-msi'])
    await add(`scan ${scenario}`, scenario, run(scanCommand, ['--simulate', scenario]));
  await add(
    'scan --code 1618',
    '1618-stuck-client-install',
    run(scanCommand, ['--simulate', '1618-stuck-client-install', '--code', '1618']),
  );
  await add(
    'fix --dry-run',
    '2503-windows-temp-acl',
    run(fixCommand, ['recommended', '--simulate', '2503-windows-temp-acl', '--dry-run']),
  );
  await add(
    'fix (nothing to do)',
    'policy-disable-msi',
    run(fixCommand, ['recommended', '--simulate', 'policy-disable-msi', '--yes']),
  );
  await add(
    'fix --yes',
    '2503-windows-temp-acl',
    run(fixCommand, ['recommended', '--simulate', '2503-windows-temp-acl', '--yes']),
  );
  await add('undo --list', '2503-windows-temp-acl', run(undoCommand, ['--list']));
  const journal = listJournals(defaultDataDir())[0];
  assert.ok(journal, 'the fix left a journal');
  await add(
    'undo',
    '2503-windows-temp-acl',
    run(undoCommand, [journal.journalId, '--simulate', '2503-windows-temp-acl', '--yes']),
  );
  await add(
    'fix --yes (1618)',
    '1618-stuck-client-install',
    run(fixCommand, ['recommended', '--simulate', '1618-stuck-client-install', '--yes']),
  );
  await add('verify', 'go-old-shadows-new', run(verifyCommand, ['--simulate', 'go-old-shadows-new']));
  const out = join(defaultDataDir(), 'report.html');
  await add(
    'report',
    '2503-windows-temp-acl',
    run(reportCommand, ['--simulate', '2503-windows-temp-acl', '--out', out]),
  );
  await add('analyze', null, run(analyzeCommand, [LOG]), LOG);
  await add('--help', null, Promise.resolve(usage('zh-CN')));
  const problems = outputs.flatMap((o) =>
    englishLines(o.text, o.scenario, o.log ?? null).map((p) => `${o.what}: ${p}`),
  );
  assert.deepEqual(problems, []);
  const colons = outputs.flatMap((o) => asciiPunctuationLines(o.text).map((line) => `${o.what}: ${line}`));
  assert.deepEqual(colons, [], 'Chinese labels end in the full-width colon');
  // The check sees ASCII punctuation in Chinese (and not a path, an English label or a numbered list).
  assert.deepEqual(
    asciiPunctuationLines(
      '提示: 请重启\nmsi-doctor scan: 请只用一个\n第 8 行, 第 9 行\n日志：C:\\Windows\\Temp\nRisk: low\n1) 重新启动电脑',
    ),
    ['提示: 请重启', 'msi-doctor scan: 请只用一个', '第 8 行, 第 9 行'],
  );
  // The check itself sees English: the same commands in English are caught.
  const english = await (async () => {
    const f = fakeIo();
    await scanCommand(['--simulate', 'healthy'], f.io);
    return englishLines(f.out(), 'healthy');
  })();
  assert.ok(english.length > 5, `the English scan is caught (${english.length} lines)`);
  assert.ok(
    outputs.every((o) => /[\u4e00-\u9fff]/.test(o.text)),
    'every command answered in Chinese',
  );
});

/** Every command, with arguments it refuses as bad input (exit 2, one line). */
const BAD_INPUT: Array<{ name: string; command: CliCommand; help: string[]; bad: string[] }> = [
  { name: 'scan', command: scanCommand, help: ['--help'], bad: ['--simulate', 'healthy', '--scenario', 'x.json'] },
  { name: 'analyze', command: analyzeCommand, help: ['--help'], bad: [] },
  { name: 'inspect', command: inspectCommand, help: ['--help'], bad: ['--bogus'] },
  { name: 'report', command: reportCommand, help: ['--help'], bad: ['--simulate', 'healthy', '--out', 'x.txt'] },
  { name: 'fix', command: fixCommand, help: ['--help'], bad: ['no-such-repair'] },
  { name: 'undo', command: undoCommand, help: ['--help'], bad: ['--bogus'] },
  { name: 'verify', command: verifyCommand, help: ['--help'], bad: ['--run-arg', 'help'] },
  { name: 'fleet', command: fleetCommand, help: ['--help'], bad: ['summarize'] },
];

/** What main() prints for a command run with these arguments: its output, or its usage error in Chinese. */
async function runOrRefuse(name: string, command: CliCommand, argv: string[]): Promise<string> {
  try {
    return await run(command, argv);
  } catch (error) {
    assert.ok(error instanceof CliUsageError, `${name} ${argv.join(' ')}: ${String(error)}`);
    assert.ok(!error.message.includes('\n'), 'one line');
    return usageErrorLine(name, error, 'zh-CN');
  }
}

test("zh-CN: every command's --help (also before --lang) and its bad-input message are Chinese", async () => {
  const problems: string[] = [];
  for (const { name, command, help, bad } of BAD_INPUT) {
    for (const [what, argv] of [
      ['--help', help],
      ['bad input', bad],
    ] as const) {
      const text = await runOrRefuse(name, command, [...argv]);
      assert.match(text, /[\u4e00-\u9fff]/, `${name} ${what} answers in Chinese: ${text}`);
      problems.push(...englishLines(text, null).map((p) => `${name} ${what}: ${p}`));
      problems.push(...asciiPunctuationLines(text).map((line) => `${name} ${what}: ASCII punctuation in: ${line}`));
    }
  }
  assert.deepEqual(problems, []);
  // The check sees the English pages.
  const f = fakeIo();
  await fixCommand(['--help'], f.io);
  assert.ok(englishLines(f.out(), null).length > 5, 'the English help is caught');
});

test('report --help without --lang follows the locale of the environment', async () => {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  try {
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = 'zh_CN.UTF-8';
    const f = fakeIo();
    await reportCommand(['--help'], f.io);
    assert.match(f.out(), /^用法：msi-doctor report/);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});
