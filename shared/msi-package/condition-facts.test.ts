// Sequence conditions: install vs removal, uninstall time, and NOT UPGRADINGPRODUCTCODE, with NOT and parentheses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionFacts } from './condition-facts.ts';

test('what a condition says about install, removal and upgrades', () => {
  const cases: [string | null, boolean, boolean, boolean][] = [
    // condition, distinguishes, uninstallTime, excludesUpgradeRemoval
    [null, false, false, false],
    ['1', false, false, false],
    ['VersionNT >= 601', false, false, false],
    ['NOT Installed', true, false, false],
    ['Installed', true, false, false],
    ['REMOVE~="ALL"', true, true, false],
    ['REMOVE="ALL"', true, true, false],
    ['REMOVE', true, true, false],
    ['NOT REMOVE~="ALL"', true, false, false],
    ['NOT (REMOVE~="ALL")', true, false, false],
    ['REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE', true, true, true],
    ['(REMOVE="ALL") AND (NOT UPGRADINGPRODUCTCODE)', true, true, true],
    ['REMOVE<>"ALL"', true, false, false],
    ['$MainComponent=2', true, true, false],
    ['&MainFeature=3', true, false, false],
    ['NOT $MainComponent=2', true, false, false],
    ['?Comp=3 AND $Comp=3', true, false, false],
    ['UPGRADINGPRODUCTCODE', true, false, false],
  ];
  for (const [condition, distinguishes, uninstall, excludes] of cases) {
    const f = conditionFacts(condition);
    assert.deepEqual(
      [f.distinguishesInstallFromRemoval, f.uninstallTime, f.excludesUpgradeRemoval],
      [distinguishes, uninstall, excludes],
      String(condition),
    );
  }
  assert.equal(conditionFacts('').always, true);
  assert.equal(conditionFacts('NOT Installed').always, false);
});

test('linear on hostile conditions: long runs of NOT and parentheses', () => {
  const text = 'NOT ('.repeat(20_000) + 'REMOVE' + ')'.repeat(20_000);
  const f = conditionFacts(text);
  assert.equal(f.uninstallTime, true); // 20,000 NOTs cancel out
  assert.equal(conditionFacts('NOT ' + text).uninstallTime, false);
});
