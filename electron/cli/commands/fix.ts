// `msi-doctor fix`: scan, plan a catalog repair (or the recommended one), show it, confirm, run, verify, print the outcome.
import { createInterface } from 'node:readline';
import { CliUsageError, usageError, type CliCommand, type CliIo } from '../cli-types.ts';
import { isRepairId, type Lang, type RepairId } from '../../../shared/contract/ids.ts';
import type { RepairParams, RepairPlan } from '../../../shared/contract/repair.ts';
import { repairName } from '../../../shared/knowledge/words.ts';
import { cliText, helpText, langOf } from '../cli-text.ts';
import type { ScanRequest } from '../../../shared/contract/scan.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { parseSymptom } from '../../../shared/diagnosis/symptom.ts';
import { diagnose } from '../../../shared/diagnosis/diagnose.ts';
import { runScan } from '../../services/scan-service.ts';
import { systemScanOptions } from '../../services/system-factory.ts';
import { defaultDataDir } from '../../services/data-dir.ts';
import { createRepairServiceFor } from '../../services/repair-system.ts';
import type { RepairProgress, RepairService } from '../../services/repair-service.ts';
import { HELD_LOCK } from '../../services/data-lock.ts';
import { listJournals } from '../../services/journal.ts';
import { holdingDataLock } from '../data-lock-cli.ts';
import {
  MACHINE_OPTIONS,
  buildRequest,
  givenMachineOptions,
  openSystem,
  parseCommandArgs,
  parseLang,
  rejectTwoMachines,
  restoreSavedMachine,
  saveChangedMachine,
  type MachineArgs,
} from '../machine-options.ts';
import { refusal } from '../repair-refusal.ts';
import { renderOutcome, renderPlan, renderUnfinished } from './repair-render.ts';

export const FIX_HELP = helpText('fix', 'en');

export interface FixArgs extends MachineArgs {
  repair: RepairId | 'recommended';
  msi?: string;
  codes: string[];
  dryRun: boolean;
  yes: boolean;
  json: boolean;
  lang: Lang;
  params: RepairParams;
  keepExtra: boolean;
}

function integer(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw usageError('fix.whole-number', { flag, value });
  return Number(value);
}

export function parseFixArgs(argv: string[]): FixArgs | 'help' {
  const parsed = parseCommandArgs('fix', {
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      ...MACHINE_OPTIONS,
      msi: { type: 'string' },
      code: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      pid: { type: 'string' },
      'product-code': { type: 'string' },
      'restart-in': { type: 'string' },
      'wait-limit': { type: 'string' },
      'full-ui': { type: 'boolean' },
      'remove-sid': { type: 'string', multiple: true },
      'keep-extra-entries': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw usageError('fix.no-repair');
  const repair = positionals[0]!;
  if (repair !== 'recommended' && !isRepairId(repair)) throw usageError('fix.unknown-repair', { repair });
  rejectTwoMachines(values);
  const lang = parseLang(values.lang, 'en');
  const params: RepairParams = {};
  const pid = integer('--pid', values.pid);
  if (pid !== undefined) params.pid = pid;
  if (values['product-code'] !== undefined) params.productCode = values['product-code'];
  const restart = integer('--restart-in', values['restart-in']);
  if (restart !== undefined) params.restartInMinutes = restart;
  const wait = integer('--wait-limit', values['wait-limit']);
  if (wait !== undefined) params.waitLimitSeconds = wait;
  if (values['full-ui']) params.uiLevel = 'full';
  if (values['remove-sid']) params.removeSids = values['remove-sid'];
  if (values['keep-extra-entries']) params.removeSids = [];
  return {
    repair: repair as FixArgs['repair'],
    codes: values.code ?? [],
    dryRun: Boolean(values['dry-run']),
    yes: Boolean(values.yes),
    json: Boolean(values.json),
    lang,
    params,
    keepExtra: Boolean(values['keep-extra-entries']),
    ...givenMachineOptions(values),
  };
}

/** Asks yes/no questions on a terminal (prompts on stderr so stdout stays clean). Anything but y/yes is no. */
async function askAll(io: CliIo, questions: string[], lang: Lang): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (const question of questions) {
      io.stderr.write(cliText('cli.ask.yes-no', lang, { question }));
      const answer = await lines.next();
      if (answer.done || !/^\s*(y|yes|是|好)\s*$/i.test(answer.value)) return false;
    }
    return true;
  } finally {
    rl.close();
  }
}

export const fixCommand: CliCommand = async (argv, io) => {
  const args = parseFixArgs(argv);
  if (args === 'help') {
    io.stdout.write(helpText('fix', langOf(argv)));
    return 0;
  }
  const dataDir = defaultDataDir();
  // A dry run changes nothing; a real run holds the data-folder lock from restoring the saved machine to saving it.
  if (args.dryRun) return fix(args, io, dataDir);
  return holdingDataLock(dataDir, io, args.lang, () => fix(args, io, dataDir));
};

async function fix(args: FixArgs, io: CliIo, dataDir: string): Promise<number> {
  const system = openSystem(args);
  restoreSavedMachine(system, dataDir);
  const service: RepairService = createRepairServiceFor(system, dataDir, { lock: HELD_LOCK });
  const notices = listJournals(dataDir).filter((j) => j.state === 'unfinished' || j.state === 'damaged');
  if (notices.length) io.stderr.write(renderUnfinished(notices, args.lang));

  const scanArgs = {
    codes: args.codes,
    logs: [],
    elevate: true,
    ...(args.msi !== undefined ? { msi: args.msi } : {}),
  };
  const request: Partial<ScanRequest> = buildRequest(scanArgs, system);
  const scan = await runScan(request, { ...(await systemScanOptions(system)), parseSymptom, diagnose });
  let repair: RepairId;
  if (args.repair === 'recommended') {
    const top = scan.findings.find((f) => f.kind !== 'info' || f.repairs.length > 0) ?? scan.findings[0];
    const first = top?.repairs[0];
    if (!first) {
      const finding = top ? translate(top.title, args.lang) : cliText('cli.fix.nothing.none', args.lang);
      io.stderr.write(`${cliText('cli.fix.nothing', args.lang, { finding })}\n`);
      return 1;
    }
    repair = first;
    if (!args.json)
      io.stderr.write(
        `${cliText('cli.fix.recommended', args.lang, { repair: translate(repairName(repair), args.lang), cause: translate(top!.title, args.lang) })}\n`,
      );
  } else repair = args.repair;

  const params: RepairParams = { ...args.params };
  const msi = args.msi ?? request.msiPath ?? null;
  if (msi && (repair === 'retry-install-elevated-logged' || repair === 'wait-for-installer')) params.msiPath = msi;
  const plan = await service
    .plan(repair, params, { evidence: scan.evidence, sessionId: scan.scanId })
    .catch((e: unknown) => refusal(e, args.lang));
  if (args.dryRun) {
    io.stdout.write(args.json ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan, args.lang));
    return 0;
  }
  if (!args.json) io.stdout.write(renderPlan(plan, args.lang) + '\n');
  if (!args.yes) {
    if (!(io.stdin as { isTTY?: boolean }).isTTY) {
      throw new CliUsageError(cliText('cli.fix.refuse-unconfirmed', args.lang));
    }
    const questions = [
      ...plan.confirmations.map((c) => translate({ key: `repair.confirmation.${c}`, params: {} }, args.lang)),
      cliText('cli.fix.run-now', args.lang),
    ];
    if (!(await askAll(io, questions, args.lang))) {
      io.stderr.write(`${cliText('cli.fix.not-confirmed', args.lang)}\n`);
      return 1;
    }
  }
  const onSigint = (): void => void service.cancel(plan.planId);
  process.once('SIGINT', onSigint);
  const progress =
    io.stderr.isTTY && !args.json ? (p: RepairProgress) => writeProgress(io, p, plan, args.lang) : undefined;
  try {
    const outcome = await service
      .run(plan.planId, { confirmations: plan.confirmations, ...(progress ? { onProgress: progress } : {}) })
      .catch((e: unknown) => refusal(e, args.lang));
    saveChangedMachine(system, dataDir);
    io.stdout.write(args.json ? `${JSON.stringify(outcome, null, 2)}\n` : renderOutcome(outcome, args.lang));
    return outcome.status === 'succeeded' && outcome.verified !== false ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function writeProgress(io: CliIo, p: RepairProgress, plan: RepairPlan, lang: Lang): void {
  // The plan's description of the step, never its internal id.
  const planned = plan.steps.find((s) => s.id === p.stepId);
  const step = planned ? translate(planned.description, lang) : p.stepId;
  if (p.countdownSeconds !== undefined)
    io.stderr.write(`  ${cliText('cli.progress.countdown', lang, { step, seconds: p.countdownSeconds })}\n`);
  else if (p.phase === 'started') io.stderr.write(`${cliText('cli.progress.started', lang, { name: step })}\n`);
  else if (p.status)
    io.stderr.write(
      `  ${cliText('cli.outcome.step', lang, { status: cliText(`report.step.${p.status}`, lang), step })}\n`,
    );
}
