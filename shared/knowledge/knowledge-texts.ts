// The catalogs (error numbers, causes, myths, facts) as one flat text table, and the key scheme that addresses it.
import type { CauseId } from '../contract/ids.ts';
import type { LocalText, TextTable } from './local-text.ts';
import { allErrorCodes } from './error-codes.ts';
import { allCauses } from './causes.ts';
import { allMyths, type MythId } from './myths.ts';
import { FACTS, type FactId } from './facts.ts';

/** Key scheme: error.<code>.*, cause.<id>.*, myth.<id>.*, fact.<id>. */
export const keys = {
  errorTitle: (code: number) => `error.${code}.title`,
  errorExplanation: (code: number) => `error.${code}.explanation`,
  errorMessageTitle: (code: number) => `error.${code}.message.title`,
  errorMessageExplanation: (code: number) => `error.${code}.message.explanation`,
  errorCheck: (code: number, i: number) => `error.${code}.check.${i}`,
  errorStep: (code: number, i: number) => `error.${code}.step.${i}`,
  causeTitle: (id: CauseId) => `cause.${id}.title`,
  causeExplanation: (id: CauseId) => `cause.${id}.explanation`,
  causeConfirmedBy: (id: CauseId, i: number) => `cause.${id}.confirmedBy.${i}`,
  causeRuledOutBy: (id: CauseId, i: number) => `cause.${id}.ruledOutBy.${i}`,
  causeNext: (id: CauseId, i: number) => `cause.${id}.next.${i}`,
  mythAdvice: (id: MythId) => `myth.${id}.advice`,
  mythWhyWrong: (id: MythId) => `myth.${id}.whyWrong`,
  mythInstead: (id: MythId) => `myth.${id}.instead`,
  fact: (id: FactId) => `fact.${id}`,
};

function add(table: TextTable, key: string, text: LocalText): void {
  if (Object.hasOwn(table, key)) throw new Error(`knowledge texts: duplicate key ${key}`);
  table[key] = text;
}

let cached: TextTable | null = null;

/** All catalog texts by key (built once). */
export function knowledgeTexts(): TextTable {
  if (cached) return cached;
  const table: TextTable = {};
  for (const info of allErrorCodes()) {
    add(table, keys.errorTitle(info.code), info.title);
    add(table, keys.errorExplanation(info.code), info.explanation);
    if (info.asMessage) {
      add(table, keys.errorMessageTitle(info.code), info.asMessage.title);
      add(table, keys.errorMessageExplanation(info.code), info.asMessage.explanation);
    }
    info.check.forEach((text, i) => add(table, keys.errorCheck(info.code, i), text));
    info.manualSteps.forEach((text, i) => add(table, keys.errorStep(info.code, i), text));
  }
  for (const info of allCauses()) {
    add(table, keys.causeTitle(info.id), info.title);
    add(table, keys.causeExplanation(info.id), info.explanation);
    info.confirmedBy.forEach((text, i) => add(table, keys.causeConfirmedBy(info.id, i), text));
    info.ruledOutBy.forEach((text, i) => add(table, keys.causeRuledOutBy(info.id, i), text));
    info.nextSteps.forEach((text, i) => add(table, keys.causeNext(info.id, i), text));
  }
  for (const myth of allMyths()) {
    add(table, keys.mythAdvice(myth.id), myth.advice);
    add(table, keys.mythWhyWrong(myth.id), myth.whyWrong);
    add(table, keys.mythInstead(myth.id), myth.instead);
  }
  for (const [id, info] of Object.entries(FACTS)) add(table, `fact.${id}`, info.text);
  cached = table;
  return table;
}
