// The CLI's reading of a refused repair: the repair service's RepairError becomes a usage error (exit 2) in the user's language.
import { CliUsageError } from './cli-types.ts';
import type { Lang } from '../../shared/contract/ids.ts';
import { translate } from '../../shared/knowledge/texts.ts';
import { RepairError } from '../services/repair-service.ts';

/** Rethrows `error`: a RepairError as a CliUsageError with its translated reason, anything else unchanged. */
export function refusal(error: unknown, lang: Lang): never {
  if (error instanceof RepairError) throw new CliUsageError(translate(error.reason, lang));
  throw error;
}
