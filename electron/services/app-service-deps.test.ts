// Tests of asServiceError: the facade turns the lower layers' expected errors into ServiceErrors by class, not by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asServiceError } from './app-service-deps.ts';
import { ServiceError } from './service-error.ts';
import { ScanCancelledError } from './scan-service.ts';
import { SystemUnavailableError } from './system-factory.ts';
import { ScenarioError } from '../system/simulated/index.ts';
import { LogInputError } from './log-file-analyzer.ts';

function mapped(error: unknown): { code: string; message: string } {
  const result = asServiceError(error);
  assert.ok(result instanceof ServiceError, `${String(error)} becomes a ServiceError`);
  return { code: result.code, message: result.message };
}

test('the errors a user can act on become invalid-input with their own message', () => {
  assert.deepEqual(mapped(new ScenarioError('Unknown scenario "x".')), {
    code: 'invalid-input',
    message: 'Unknown scenario "x".',
  });
  assert.deepEqual(mapped(new SystemUnavailableError('Not Windows.')), {
    code: 'invalid-input',
    message: 'Not Windows.',
  });
});

test('a cancelled scan becomes cancelled; a ServiceError (and its subclasses) passes through unchanged', () => {
  assert.deepEqual(mapped(new ScanCancelledError()), { code: 'cancelled', message: 'The scan was cancelled.' });
  const own = new ServiceError('not-found', 'No such scan.');
  assert.equal(asServiceError(own), own);
  const logError = new LogInputError('not-found', { en: 'File not found.', 'zh-CN': '找不到文件。' });
  assert.equal(asServiceError(logError), logError);
});

test('anything else stays unexpected, even an error that only borrows an expected name', () => {
  for (const name of ['ScenarioError', 'ScanCancelledError', 'AbortError', 'LogReadError']) {
    const impostor = Object.assign(new Error('internal detail'), { name });
    assert.equal(asServiceError(impostor), impostor, name);
  }
  const plain = new TypeError('x is undefined');
  assert.equal(asServiceError(plain), plain);
  assert.equal(asServiceError('a string'), 'a string');
});
