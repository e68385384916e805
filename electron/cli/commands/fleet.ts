// `msi-doctor fleet summarize DIR`: reads the scan / report JSON files machines wrote (scan --results-dir), refuses
// malformed ones one line each without stopping, and prints (and writes as HTML + CSV) the fleet view.
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgsError, usageError, type CliCommand, type CliIo } from '../cli-types.ts';
import { commandMessage, helpText, langOf } from '../cli-text.ts';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../../../shared/contract/ids.ts';
import { translate, type TextParams } from '../../../shared/knowledge/texts.ts';
import { MAX_RESULT_BYTES, oneLine, readResultFile } from '../../../shared/fleet/result-file.ts';
import { FleetAccumulator, type FleetSummary } from '../../../shared/fleet/summarize.ts';
import { renderFleetCsv, renderFleetHtml, renderFleetText, type RefusedFile } from '../../../shared/fleet/render.ts';

export const FLEET_HELP = helpText('fleet', 'en');

interface FleetArgs {
  dir: string;
  out: string | null;
  json: boolean;
  lang: Lang;
  strict: boolean;
}

export function parseFleetArgs(argv: string[]): FleetArgs | 'help' {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h') return 'help';
  if (sub !== 'summarize') throw usageError('fleet.unknown-command', { sub });
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw parseArgsError('fleet', error as Error);
  }
  const { values, positionals } = parsed;
  const lang = values.lang ?? 'en';
  if (!(LANGS as readonly string[]).includes(lang)) throw usageError('lang', { langs: LANGS.join(', ') });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw usageError('fleet.one-folder');
  return {
    dir: positionals[0]!,
    out: typeof values.out === 'string' ? values.out : null,
    json: Boolean(values.json),
    lang: lang as Lang,
    strict: Boolean(values.strict),
  };
}

/** Every *.json under dir but *.repair.json (symbolic links are not followed: a loop must not hang the summary). */
async function resultFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      // Repair outcomes the remediation script keeps beside the results (*.repair.json) are not scan results.
      else if (entry.isFile() && /\.json$/i.test(entry.name) && !/\.repair\.json$/i.test(entry.name)) files.push(full);
    }
  }
  return files.sort();
}

/** Runs `work` over items with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Written next to its final name, then renamed: a reader never sees half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, path);
}

export interface FleetRun {
  summary: FleetSummary;
  refused: RefusedFile[];
}

/** Reads and summarizes a folder of result files; refusals are reported through `onRefused` as they happen. */
export async function summarizeFolder(dir: string, lang: Lang, onRefused: (r: RefusedFile) => void): Promise<FleetRun> {
  const files = await resultFiles(dir);
  const acc = new FleetAccumulator();
  const refused: RefusedFile[] = [];
  const refuse = (file: string, key: string, params: TextParams) => {
    const r = { file, reason: translate({ key: `fleet.refused.${key}`, params }, lang) };
    refused.push(r);
    acc.refuse();
    onRefused(r);
  };
  await pool(files, 32, async (path) => {
    // A file name can hold anything but "/": keep each refusal on one line.
    const file = oneLine(relative(dir, path) || path);
    try {
      const info = await stat(path);
      if (info.size > MAX_RESULT_BYTES) return refuse(file, 'too-large', { mb: MAX_RESULT_BYTES / 1024 / 1024 });
      const read = readResultFile(file, await readFile(path, 'utf8'));
      if (read.ok) acc.add(read.result);
      else refuse(file, read.reason.key.replace(/^fleet\.refused\./, ''), read.reason.params);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : 'error');
      refuse(file, 'unreadable', { detail: String(code) });
    }
  });
  return { summary: acc.summary(), refused };
}

async function writeOutputs(out: string, run: FleetRun, args: FleetArgs, io: CliIo): Promise<void> {
  await mkdir(out, { recursive: true });
  const csv = renderFleetCsv(run.summary, args.lang);
  const names = {
    html: join(out, 'fleet-summary.html'),
    machines: join(out, 'fleet-machines.csv'),
    causes: join(out, 'fleet-causes.csv'),
    products: join(out, 'fleet-products.csv'),
  };
  await writeAtomic(
    names.html,
    renderFleetHtml(run.summary, args.lang, {
      generatedAt: new Date().toISOString(),
      dir: resolve(args.dir),
      refused: run.refused,
      csvFiles: { machines: 'fleet-machines.csv', products: 'fleet-products.csv' },
    }),
  );
  await writeAtomic(names.machines, csv.machines);
  await writeAtomic(names.causes, csv.causes);
  await writeAtomic(names.products, csv.products);
  io.stderr.write(
    translate({ key: 'fleet.written', params: { files: Object.values(names).join(', ') } }, args.lang) + '\n',
  );
}

export const fleetCommand: CliCommand = async (argv, io) => {
  const args = parseFleetArgs(argv);
  if (args === 'help') {
    io.stdout.write(helpText('fleet', langOf(argv)));
    return 0;
  }
  const info = await stat(args.dir).catch(() => null);
  if (!info) throw usageError('fleet.folder-not-found', { dir: args.dir });
  if (!info.isDirectory()) throw usageError('fleet.not-a-folder', { dir: args.dir });
  const run = await summarizeFolder(args.dir, args.lang, (r) =>
    io.stderr.write(`${commandMessage('fleet', args.lang, r.file, r.reason)}\n`),
  );
  if (run.summary.files.read === 0)
    throw run.refused.length === 0
      ? usageError('fleet.no-result-files', { dir: args.dir })
      : usageError('fleet.none-usable', { dir: args.dir, count: run.refused.length });
  io.stdout.write(
    args.json
      ? JSON.stringify({ ...run.summary, refused: run.refused }, null, 2) + '\n'
      : renderFleetText(run.summary, args.lang),
  );
  if (args.out) await writeOutputs(args.out, run, args, io);
  return args.strict && run.refused.length > 0 ? 2 : 0;
};

export default fleetCommand;
