// Every deploy.* / fleet.* / fact.deploy-* text key the deployment and fleet code names exists; both languages carry
// the same placeholders and the Chinese is really translated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasText } from '../knowledge/texts.ts';
import { DEPLOY_TEXTS } from '../knowledge/texts/deploy.ts';
import { FLEET_TEXTS } from '../knowledge/texts/fleet.ts';

const SHARED = fileURLToPath(new URL('..', import.meta.url));
const sources = [
  ...readdirSync(join(SHARED, 'deploylog')).map((f) => join(SHARED, 'deploylog', f)),
  ...readdirSync(join(SHARED, 'fleet')).map((f) => join(SHARED, 'fleet', f)),
  join(SHARED, 'diagnosis', 'rules', 'deploy-rule.ts'),
]
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('keys named in the deployment and fleet code exist', () => {
  const named = [...sources.matchAll(/['"`@]((?:deploy|fleet)\.[a-z0-9.-]+[a-z0-9]|fact\.deploy-[a-z-]+)['"`]/g)].map(
    (m) => m[1]!,
  );
  assert.ok(named.length > 30, `found ${named.length}`);
  for (const key of named) assert.ok(hasText(key), `missing text ${key}`);
});

test('both languages, same placeholders, Chinese really translated', () => {
  for (const [key, text] of Object.entries({ ...DEPLOY_TEXTS, ...FLEET_TEXTS })) {
    assert.deepEqual(placeholders(text['zh-CN']), placeholders(text.en), key);
    const words = text.en.replace(/\{\w+\}/g, '');
    if (!/^deploy\.(tool|console|exit)\./.test(key) && /[a-z]{3}/i.test(words))
      assert.match(text['zh-CN'], /[\u4e00-\u9fff]/, `${key} is not translated`);
  }
});
