// Validates the packaging config with electron-builder's own schema (loads the builder itself, hence an integration test).
import { test } from 'node:test';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

test('the config is valid for electron-builder (its own schema validation)', async () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(c: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
  };
  await validateConfiguration(require('./electron-builder.config.cjs'), { isEnabled: false, add() {} });
});
