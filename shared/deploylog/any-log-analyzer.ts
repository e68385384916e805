// One entry for "a log file": MSI / Burn logs go to shared/msilog, ConfigMgr / Intune / PSADT logs to the deployment
// analyzer. Both see the first bytes; the first records' structure decides, then only one keeps reading.
import type { LogAnalysis } from '../contract/log-analysis.ts';
import { createLogAnalyzer, type InputProblem, type LogAnalyzer } from '../msilog/index.ts';
import { createDeployLogAnalyzer, type DeployLogAnalyzer } from './deploy-analyzer.ts';

export interface AnyLogAnalyzer {
  /** Feeds the next bytes. Returns false when no more input is needed: stop reading. */
  push(chunk: Uint8Array): boolean;
  finish(): LogAnalysis;
  problem(): InputProblem | null;
}

export function createAnyLogAnalyzer(options: { fileName: string }): AnyLogAnalyzer {
  let msi: LogAnalyzer | null = createLogAnalyzer(options);
  let deploy: DeployLogAnalyzer | null = createDeployLogAnalyzer(options);
  let msiWantsMore = true;
  let chosen: 'msi' | 'deploy' | null = null;

  function decide(): void {
    if (chosen || !deploy) return;
    const verdict = deploy.verdict();
    if (verdict === 'yes') {
      chosen = 'deploy';
      msi = null;
    } else if (verdict === 'no') {
      chosen = 'msi';
      deploy = null;
    }
  }

  return {
    push(chunk) {
      let more = false;
      if (deploy) more = deploy.push(chunk) || more;
      if (msi && msiWantsMore) {
        msiWantsMore = msi.push(chunk);
        more = msiWantsMore || more;
      }
      decide();
      if (chosen === 'deploy') return deploy!.verdict() !== 'no' && more;
      if (chosen === 'msi') return msiWantsMore;
      return more;
    },
    finish() {
      if (!chosen && deploy) {
        const analysis = deploy.finish();
        decide();
        if (chosen === 'deploy') return analysis;
      }
      if (chosen === 'deploy' && deploy) return deploy.finish();
      return msi!.finish();
    },
    problem() {
      if (chosen === 'deploy' && deploy) return deploy.problem();
      return msi ? msi.problem() : null;
    },
  };
}

/** Whole-buffer convenience for tests and small inputs (1 MiB chunks, like the file reader). */
export function analyzeAnyBytes(
  bytes: Uint8Array,
  fileName = 'log',
): { analysis: LogAnalysis; problem: InputProblem | null } {
  const analyzer = createAnyLogAnalyzer({ fileName });
  const step = 1024 * 1024;
  for (let i = 0; i < bytes.length; i += step) if (!analyzer.push(bytes.subarray(i, i + step))) break;
  const analysis = analyzer.finish();
  return { analysis, problem: analyzer.problem() };
}
