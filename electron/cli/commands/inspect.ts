// `msi-doctor inspect [--json] [--lang en|zh-CN] FILE.msi...`: reads packages with the pure .msi reader (any OS) and
// shows their facts, custom actions and findings; exit 0 when every file was read, 2 on bad input (one line each).
import { commandMessage, helpText, langOf } from '../cli-text.ts';
import type { CliCommand, CliIo } from '../cli-types.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { parseFileCommandArgs, terminalWidth, type FileCommandArgs } from '../file-command-args.ts';
import { msiPackageSchema, type MsiPackage } from '../../../shared/contract/msi-package.ts';
import { MsiReadError } from '../../../shared/msi-package/index.ts';
import { describeFinding } from '../../../shared/msi-package/describe.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { readMsiPackageFile } from '../../system/msi-file.ts';
import { renderPackage } from './inspect-render.ts';

export const INSPECT_HELP = helpText('inspect', 'en');

export function parseInspectArgs(argv: string[]): FileCommandArgs | 'help' {
  return parseFileCommandArgs('inspect', argv, {
    allowStdin: false,
    noFiles: 'inspect.no-files',
  });
}

/** package@1 with each finding's plain words in the requested language. */
export function packageJson(pkg: MsiPackage, lang: Lang): MsiPackage {
  return msiPackageSchema.parse({
    ...pkg,
    findings: pkg.findings.map((f) => ({ ...f, ...describeFinding(f, lang, (ref) => translate(ref, lang)) })),
  });
}

export const inspectCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  const parsed = parseInspectArgs(argv);
  if (parsed === 'help') {
    io.stdout.write(helpText('inspect', langOf(argv)));
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
        io.stdout.write(
          renderPackage(pkg, { lang: parsed.lang, color: io.stdout.isTTY === true, width: terminalWidth(io) }),
        );
      }
    } catch (error) {
      if (!(error instanceof MsiReadError)) throw error;
      bad++;
      io.stderr.write(`${commandMessage('inspect', parsed.lang, file, error.text[parsed.lang])}\n`);
    }
  }
  if (parsed.json && results.length > 0) {
    const payload = results.map((p) => packageJson(p, parsed.lang));
    io.stdout.write(JSON.stringify(parsed.files.length === 1 ? payload[0] : payload, null, 2) + '\n');
  }
  return bad > 0 ? 2 : 0;
};

export default inspectCommand;
