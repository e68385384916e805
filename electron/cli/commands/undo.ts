// `msi-doctor undo JOURNAL_ID`: undoes a repair from its journal's data (commands rebuilt from the catalog), in any process.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cliText, helpText, langOf } from '../cli-text.ts';
import { CliUsageError, usageError, type CliCommand, type CliIo } from '../cli-types.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { defaultDataDir } from '../../services/data-dir.ts';
import { HELD_LOCK } from '../../services/data-lock.ts';
import { listJournals, readJournal } from '../../services/journal.ts';
import { createRepairServiceFor } from '../../services/repair-system.ts';
import { RepairError, UNDO_OVERLAP_CONFIRMATION } from '../../services/repair-service.ts';
import { builtinScenarios } from '../../services/system-factory.ts';
import { holdingDataLock } from '../data-lock-cli.ts';
import {
  MACHINE_OPTIONS,
  openSystem,
  parseCommandArgs,
  parseLang,
  restoreSavedMachine,
  saveChangedMachine,
  type MachineArgs,
} from '../machine-options.ts';
import { refusal } from '../repair-refusal.ts';
import { renderJournals, renderOutcome } from './repair-render.ts';

export const UNDO_HELP = helpText('undo', 'en');

/** The machine a journal names: only a built-in scenario or a scenario file inside the data folder, never a path. */
function machineOf(environment: string, dataDir: string, given: MachineArgs): MachineArgs {
  if (given.simulate !== undefined || given.scenario !== undefined) return given;
  if (environment === 'real') return {};
  if (environment.startsWith('simulated:')) {
    const name = environment.slice('simulated:'.length);
    if (!builtinScenarios().includes(name)) throw usageError('undo.unknown-machine', { name });
    return { simulate: name };
  }
  if (environment.startsWith('scenario-file:')) return { scenario: join(dataDir, 'scenarios', environment.slice(14)) };
  throw usageError('undo.scenario-file');
}

async function ask(io: CliIo, question: string, lang: Lang): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, terminal: false });
  try {
    io.stderr.write(cliText('cli.ask.yes-no', lang, { question }));
    const answer = await rl[Symbol.asyncIterator]().next();
    return !answer.done && /^\s*(y|yes|是|好)\s*$/i.test(answer.value);
  } finally {
    rl.close();
  }
}

export const undoCommand: CliCommand = async (argv, io) => {
  const parsed = parseCommandArgs('undo', {
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      ...MACHINE_OPTIONS,
      json: { type: 'boolean' },
      lang: { type: 'string' },
      list: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(helpText('undo', langOf(argv)));
    return 0;
  }
  const dataDir = defaultDataDir();
  const lang = parseLang(values.lang, 'en');
  if (values.list) {
    const journals = listJournals(dataDir);
    io.stdout.write(values.json ? `${JSON.stringify(journals, null, 2)}\n` : renderJournals(journals, lang));
    return 0;
  }
  if (positionals.length !== 1) throw new CliUsageError(cliText('cli.undo.which', lang));
  const journalId = positionals[0]!;
  const record = readJournal(dataDir, journalId);
  if (!record)
    throw new CliUsageError(translate({ key: 'repair.refusal.journal-unknown', params: { journalId } }, lang));
  if (!record.plan)
    throw new CliUsageError(
      translate({ key: 'repair.refusal.journal-damaged', params: { journalId, problem: record.problem ?? '' } }, lang),
    );
  const given: MachineArgs = {
    ...(values.simulate !== undefined ? { simulate: values.simulate } : {}),
    ...(values.scenario !== undefined ? { scenario: values.scenario } : {}),
  };
  const machine = machineOf(record.plan.environment, dataDir, given);
  return holdingDataLock(dataDir, io, lang, async () => {
    const system = openSystem(machine);
    restoreSavedMachine(system, dataDir);
    await system.identify();
    const service = createRepairServiceFor(system, dataDir, { lock: HELD_LOCK });
    const confirmations = values.yes ? [UNDO_OVERLAP_CONFIRMATION] : [];
    const outcome = await service.undo(journalId, { confirmations }).catch(async (e: unknown) => {
      const overlap = e instanceof RepairError && e.reason.key === 'repair.refusal.undo-overlap';
      if (overlap && (io.stdin as { isTTY?: boolean }).isTTY) {
        io.stderr.write(`${translate(e.reason, lang)}\n`);
        if (await ask(io, cliText('cli.undo.anyway', lang), lang))
          return service.undo(journalId, { confirmations: [UNDO_OVERLAP_CONFIRMATION] });
      }
      return refusal(e, lang);
    });
    saveChangedMachine(system, dataDir);
    io.stdout.write(values.json ? `${JSON.stringify(outcome, null, 2)}\n` : renderOutcome(outcome, lang));
    return outcome.status === 'succeeded' ? 0 : 1;
  });
};
