// `msi-doctor undo JOURNAL_ID`: undoes a repair from its journal and backups (also after a crash or in a new process).
import { CliUsageError, type CliCommand } from '../cli-types.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { defaultDataDir } from '../../services/data-dir.ts';
import { listJournals, readJournal } from '../../services/journal.ts';
import { createRepairServiceFor } from '../../services/repair-system.ts';
import {
  MACHINE_OPTIONS,
  openSystem,
  parseCommandArgs,
  parseLang,
  restoreSavedMachine,
  saveChangedMachine,
} from '../machine-options.ts';
import { refusal } from '../repair-refusal.ts';
import { renderJournals, renderOutcome } from './repair-render.ts';

export const UNDO_HELP = `Usage: msi-doctor undo JOURNAL_ID [--simulate NAME | --scenario FILE] [--json] [--lang en|zh-CN]
       msi-doctor undo --list

Undoes a repair from its journal and backups: previous registry values, saved permissions (icacls /restore),
service start type, a scheduled restart. Works after a crash or in a new process. A repair made on a simulated
machine is undone on the same simulated machine (taken from the journal unless --simulate/--scenario is given).

  --list        list the repair journals (newest first) with their state
  --json        print the outcome as JSON (schema msi-doctor/repair@1)
Exit status: 0 undone, 1 undo failed or declined, 2 bad input (unknown journal, not reversible, already undone).
`;

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(UNDO_HELP);
    return 0;
  }
  const dataDir = defaultDataDir();
  if (values.list) {
    io.stdout.write(
      values.json ? `${JSON.stringify(listJournals(dataDir), null, 2)}\n` : renderJournals(listJournals(dataDir)),
    );
    return 0;
  }
  const lang = parseLang(values.lang, 'en');
  if (positionals.length !== 1) throw new CliUsageError('name the journal to undo (msi-doctor undo --list shows them)');
  const journalId = positionals[0]!;
  const record = readJournal(dataDir, journalId);
  if (!record?.plan)
    throw new CliUsageError(translate({ key: 'repair.refusal.journal-unknown', params: { journalId } }, lang));
  // The journal says which machine it changed; a simulated one is reopened by its scenario name.
  const environment = record.plan.environment;
  const simulate =
    values.simulate ??
    (values.scenario === undefined && environment.startsWith('simulated:')
      ? environment.slice('simulated:'.length)
      : undefined);
  const system = openSystem({
    ...(simulate !== undefined ? { simulate } : {}),
    ...(values.scenario !== undefined ? { scenario: values.scenario } : {}),
  });
  restoreSavedMachine(system, dataDir);
  await system.identify();
  const service = createRepairServiceFor(system, dataDir);
  const outcome = await service.undo(journalId).catch((e: unknown) => refusal(e, lang));
  saveChangedMachine(system, dataDir);
  io.stdout.write(values.json ? `${JSON.stringify(outcome, null, 2)}\n` : renderOutcome(outcome, lang));
  return outcome.status === 'succeeded' ? 0 : 1;
};
