// `msi-doctor inspect [--json] [--lang en|zh-CN] FILE.msi...`: reads packages with the pure .msi reader (any OS) and
// shows their facts, custom actions and findings; exit 0 when every file was read, 2 on bad input (one line each).
import { CliUsageError, type CliCommand, type CliIo } from '../cli-types.ts';
import { LANGS, type Lang } from '../../../shared/contract/ids.ts';
import { msiPackageSchema, type MsiPackage } from '../../../shared/contract/msi-package.ts';
import { MsiReadError } from '../../../shared/msi-package/index.ts';
import { describeFinding } from '../../../shared/msi-package/describe.ts';
import { readMsiPackageFile } from '../../services/msi-file.ts';
import { renderPackage } from './inspect-render.ts';

export const INSPECT_HELP = `Usage: msi-doctor inspect [--json] [--lang en|zh-CN] FILE.msi...

Reads a Windows Installer package itself, on any operating system, without installing it: product, version and
codes, who it installs for (per machine needs administrator rights), launch conditions, upgrades, every custom
action (when it runs, as whom, with or without rollback) and findings a package author or an IT admin should know
before installing it.

  --json        print msi-doctor/package@1 (an array for several files); finding texts in --lang
  --lang LANG   language of the explanation: en (default) or zh-CN
  -h, --help    show this help

Exit status: 0 when every file was read, 2 on bad input (not an .msi, damaged, a patch or transform...).
`;

interface InspectArgs {
  json: boolean;
  lang: Lang;
  files: string[];
}

export function parseInspectArgs(argv: string[]): InspectArgs | 'help' {
  const args: InspectArgs = { json: false, lang: 'en', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--json') args.json = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? argv[++i] : a.slice(7);
      if (!value || !(LANGS as readonly string[]).includes(value))
        throw new CliUsageError(`--lang must be one of: ${LANGS.join(', ')}`);
      args.lang = value as Lang;
    } else if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) throw new CliUsageError(`unknown option ${a} (see msi-doctor inspect --help)`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new CliUsageError('no .msi file given (see msi-doctor inspect --help)');
  return args;
}

/** package@1 with each finding's plain words in the requested language. */
export function packageJson(pkg: MsiPackage, lang: Lang): MsiPackage {
  return msiPackageSchema.parse({
    ...pkg,
    findings: pkg.findings.map((f) => ({ ...f, ...describeFinding(f, lang) })),
  });
}

export const inspectCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  const parsed = parseInspectArgs(argv);
  if (parsed === 'help') {
    io.stdout.write(INSPECT_HELP);
    return 0;
  }
  const results: MsiPackage[] = [];
  let bad = 0;
  for (const file of parsed.files) {
    try {
      const pkg = await readMsiPackageFile(file);
      results.push(pkg);
      if (!parsed.json) {
        if (results.length > 1) io.stdout.write('\n' + '-'.repeat(60) + '\n\n');
        io.stdout.write(renderPackage(pkg, { lang: parsed.lang, color: io.stdout.isTTY === true, width: width(io) }));
      }
    } catch (error) {
      if (!(error instanceof MsiReadError)) throw error;
      bad++;
      io.stderr.write(`msi-doctor inspect: ${file}: ${error.text[parsed.lang]}\n`);
    }
  }
  if (parsed.json && results.length > 0) {
    const payload = results.map((p) => packageJson(p, parsed.lang));
    io.stdout.write(JSON.stringify(parsed.files.length === 1 ? payload[0] : payload, null, 2) + '\n');
  }
  return bad > 0 ? 2 : 0;
};

function width(io: CliIo): number {
  const columns = (io.stdout as { columns?: number }).columns;
  return Math.max(60, Math.min(typeof columns === 'number' && columns > 0 ? columns : 120, 200));
}

export default inspectCommand;
