// displayTime: the short, readable timestamps used in findings' reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayTime } from './display-time.ts';

test('local timestamps keep the machine clock; UTC is marked; anything else is unchanged', () => {
  assert.equal(displayTime('2026-11-18T09:13:00.0000000+08:00'), '2026-11-18 09:13');
  assert.equal(displayTime('2026-11-18T01:30:00.000Z'), '2026-11-18 01:30 UTC');
  assert.equal(displayTime('2026-11-18T01:30'), '2026-11-18 01:30');
  assert.equal(displayTime('yesterday'), 'yesterday');
});
