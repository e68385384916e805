// `msi-doctor analyze [--json] [--lang en|zh-CN] FILE...|-`: analyzes MSI / Burn logs; exit 0 when all were analyzed, 2 on bad input.
import type { CliCommand, CliIo } from '../cli-types.ts';
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import { parseFileCommandArgs, terminalWidth, type FileCommandArgs } from '../file-command-args.ts';
import { analyzeLogFile, analyzeLogStream, LogInputError } from '../../services/log-file-analyzer.ts';
import { renderAnalysis } from './analyze-render.ts';
import { isDeployAnalysis } from '../../../shared/deploylog/chain.ts';

export const ANALYZE_HELP = `Usage: msi-doctor analyze [--json] [--lang en|zh-CN] FILE... 

Reads Windows Installer logs (verbose /L*v, basic, several sessions appended with /L+, localized), WiX Burn
bundle logs, and the logs of deployment tools: Configuration Manager (AppEnforce, execmgr, CAS, ...), Intune
(AppWorkload, IntuneManagementExtension, ...) and PSAppDeployToolkit. Says what failed, why, and what to do.
Give a deployment log together with the MSI log it names to get one joined answer. Use - to read stdin.

  --json        print the analysis as JSON (schema msi-doctor/log-analysis@1); an array for several files
  --lang LANG   language of the explanation: en (default) or zh-CN
  -h, --help    show this help

Exit status: 0 when every file was analyzed (whatever the install's outcome), 2 on bad input.
`;

export function parseAnalyzeArgs(argv: string[]): FileCommandArgs | 'help' {
  return parseFileCommandArgs('analyze', argv, {
    allowStdin: true,
    noFiles: 'no log file given (use - to read stdin; see msi-doctor analyze --help)',
  });
}

export const analyzeCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  const parsed = parseAnalyzeArgs(argv);
  if (parsed === 'help') {
    io.stdout.write(ANALYZE_HELP);
    return 0;
  }
  const results: LogAnalysis[] = [];
  let bad = 0;
  for (const file of parsed.files) {
    try {
      results.push(file === '-' ? await analyzeLogStream(io.stdin, '<stdin>') : await analyzeLogFile(file));
    } catch (error) {
      if (!(error instanceof LogInputError)) throw error;
      bad++;
      io.stderr.write(`msi-doctor analyze: ${file === '-' ? '<stdin>' : file}: ${error.text[parsed.lang]}\n`);
    }
  }
  if (!parsed.json) {
    // Rendered after all files are read: a deployment log is shown with the MSI log it names, when given. Its
    // renderer (the diagnosis and the contract's zod schemas behind it) is loaded only when there is one.
    const { renderChainFindings, renderDeployAnalysis } = results.some(isDeployAnalysis)
      ? await import('./analyze-deploy-render.ts')
      : { renderChainFindings: () => '', renderDeployAnalysis: () => '' };
    const options = { lang: parsed.lang, color: io.stdout.isTTY === true, width: terminalWidth(io) };
    results.forEach((analysis, i) => {
      if (i > 0) io.stdout.write('\n' + '-'.repeat(60) + '\n\n');
      io.stdout.write(
        isDeployAnalysis(analysis)
          ? renderDeployAnalysis(analysis, results, options)
          : renderAnalysis(analysis, options),
      );
    });
    if (results.some(isDeployAnalysis)) io.stdout.write('\n' + renderChainFindings(results, parsed.lang));
  }
  if (parsed.json && results.length > 0) {
    const payload = parsed.files.length === 1 ? results[0] : results;
    io.stdout.write(JSON.stringify(payload, null, 2) + '\n');
  }
  return bad > 0 ? 2 : 0;
};

export default analyzeCommand;
