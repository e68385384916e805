// What the learning pass reads from a piece of text, as a pure function of the text and the hidden property names: so
// a big log's pieces can be read on other threads while one Redactor learns from the results in file order.
import { findAssignments } from './assignments.ts';
import type { Finding } from './findings.ts';
import { type AccountPair, findAccounts, findMachineNames, findProfileNames } from './identity-patterns.ts';
import { hiddenPropertyNames } from './key-names.ts';
import { packFindings, packPlaces, type KnownFindings, type NamedPlace } from './packed-findings.ts';
import type { RedactionKind } from './redaction-kinds.ts';

export interface LearningScan {
  /** MsiHiddenProperties names the text declares (learned before anything else of the piece). */
  hiddenNames: string[];
  /** How many hidden names the scan was made with: the learner redoes a scan made with another set. */
  hiddenSize: number;
  /** Every property assignment seen (name, value), so a property hidden later still becomes a secret. */
  seen: Array<[string, string]>;
  /** Values whose key or shape says what they are, in the order the rules found them. */
  found: Array<{ kind: RedactionKind; sample: string }>;
  /** Profile folder names (C:\Users\<name>). */
  profiles: string[];
  /** DOMAIN\name pairs. */
  accounts: AccountPair[];
  /**
   * What the assignment rules, machine names and profile folders found, packed (packed-findings.ts) for the redact pass
   * to reuse on the same text; null when not packable.
   */
  known: KnownFindings | null;
}

/**
 * Reads a piece of text for the learning pass. `hiddenWith` receives the piece's hidden property names first and
 * returns the hidden names to classify keys with: those known before the piece and the piece's own.
 */
export function scanForLearning(text: string, hiddenWith: (names: string[]) => ReadonlySet<string>): LearningScan {
  const hiddenNames = hiddenPropertyNames(text);
  const hidden = hiddenWith(hiddenNames);
  const seen: LearningScan['seen'] = [];
  const found: Finding[] = [];
  findAssignments(text, hidden, found, (name, value) => seen.push([name, value]));
  const assignments = packFindings(found);
  const machinesFrom = found.length;
  findMachineNames(text, found);
  const machines = packFindings(found.slice(machinesFrom));
  const profiles: NamedPlace[] = [];
  findProfileNames(text, profiles);
  const places = packPlaces(text, profiles);
  const accounts: LearningScan['accounts'] = [];
  findAccounts(text, accounts);
  return {
    hiddenNames,
    hiddenSize: hidden.size,
    seen,
    found: found.map((f) => ({ kind: f.kind, sample: f.sample })),
    profiles: profiles.map((p) => p.name),
    accounts,
    known: assignments && machines && places ? { assignments, machines, profiles: places } : null,
  };
}
