// `msi-doctor analyze [--json] [--lang en|zh-CN] FILE...|-`: analyzes MSI / Burn logs; exit 0 when all were analyzed, 2 on bad input.
import { commandMessage, helpText, langOf } from '../cli-text.ts';
import type { CliCommand, CliIo } from '../cli-types.ts';
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import { parseFileCommandArgs, terminalWidth, type FileCommandArgs } from '../file-command-args.ts';
import { analyzeLogFile, analyzeLogStream, LogInputError } from '../../services/log-file-analyzer.ts';
import { renderAnalysis } from './analyze-render.ts';
import { isDeployAnalysis } from '../../../shared/deploylog/chain.ts';

export const ANALYZE_HELP = helpText('analyze', 'en');

export function parseAnalyzeArgs(argv: string[]): FileCommandArgs | 'help' {
  return parseFileCommandArgs('analyze', argv, {
    allowStdin: true,
    noFiles: 'analyze.no-files',
  });
}

export const analyzeCommand: CliCommand = async (argv: string[], io: CliIo): Promise<number> => {
  const parsed = parseAnalyzeArgs(argv);
  if (parsed === 'help') {
    io.stdout.write(helpText('analyze', langOf(argv)));
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
      const shown = file === '-' ? '<stdin>' : file;
      io.stderr.write(`${commandMessage('analyze', parsed.lang, shown, error.text[parsed.lang])}\n`);
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
