// What a sequence condition says about when an action runs: install vs removal, uninstall time, and whether a major
// upgrade's removal of the old version is excluded. A light, linear-time scan of the condition's atoms, not a full
// evaluator: each atom's polarity is the parity of the NOTs directly in front of it.

export interface ConditionFacts {
  /** No condition (or "1"): the action runs every time its sequence runs. */
  always: boolean;
  /** Mentions REMOVE, Installed, REINSTALL, UPGRADINGPRODUCTCODE, PATCH/MsiPatchRemoval or a $ ? & ! state. */
  distinguishesInstallFromRemoval: boolean;
  /** Runs when the product is removed: REMOVE / REMOVE~="ALL" / $Component=2 / &Feature=2, not negated. */
  uninstallTime: boolean;
  /** Excludes the removal a newer version's major upgrade performs (NOT UPGRADINGPRODUCTCODE). */
  excludesUpgradeRemoval: boolean;
}

interface Atom {
  text: string;
  negated: boolean;
  /** What follows the atom: '~="ALL"' etc. (operator + operand, spaces removed, upper-cased). */
  comparison: string;
}

// Tokens: identifiers (with an optional state prefix), string literals, numbers, operators, parentheses.
const TOKEN = /\s*(?:("[^"]*")|([$?&!]?[A-Za-z_][\w.]*)|(-?\d+)|(~?(?:<>|>=|<=|><|<<|>>|=|<|>))|([()]))/y;

function atoms(condition: string): Atom[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < condition.length && (m = TOKEN.exec(condition)) !== null) tokens.push(m[0].trim());
  const out: Atom[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/^[$?&!]?[A-Za-z_]/.test(t) || /^(NOT|AND|OR|XOR|EQV|IMP)$/i.test(t)) continue;
    let negated = false;
    for (let j = i - 1; j >= 0; j--) {
      const p = tokens[j]!;
      if (p === '(') continue;
      if (/^NOT$/i.test(p)) negated = !negated;
      else break;
    }
    const op = tokens[i + 1] ?? '';
    const comparison = /^~?(<>|>=|<=|><|<<|>>|=|<|>)$/.test(op) ? (op + (tokens[i + 2] ?? '')).toUpperCase() : '';
    out.push({ text: t, negated, comparison });
  }
  return out;
}

const DISTINGUISHING =
  /^(REMOVE|Installed|REINSTALL|UPGRADINGPRODUCTCODE|WIX_UPGRADE_DETECTED|PATCH|MsiPatchRemoval|PREVIOUSVERSIONSINSTALLED)$/;

export function conditionFacts(condition: string | null): ConditionFacts {
  const text = (condition ?? '').trim();
  const list = atoms(text);
  const always = text === '' || /^\(?\s*1\s*\)?$/.test(text);
  const state = (a: Atom) => /^[$?&!]/.test(a.text);
  const distinguishes = list.some((a) => DISTINGUISHING.test(a.text) || state(a));
  const uninstallTime = list.some((a) => {
    if (a.negated) return false;
    if (a.text === 'REMOVE') return a.comparison === '' || a.comparison === '="ALL"' || a.comparison === '~="ALL"';
    // $Component / &Feature = 2: the component or feature is being removed (INSTALLSTATE_ABSENT).
    return /^[$&]/.test(a.text) && a.comparison === '=2';
  });
  const excludesUpgradeRemoval = list.some((a) => a.text === 'UPGRADINGPRODUCTCODE' && a.negated);
  return { always, distinguishesInstallFromRemoval: distinguishes, uninstallTime, excludesUpgradeRemoval };
}
