// add-to-path as administrator: only folders that only administrators can write reach the machine PATH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAdminOnlyFolder } from './add-to-path.ts';

test('folders under Program Files (either view) are administrator-only', () => {
  for (const folder of ['C:\\Program Files\\Go\\bin', 'D:\\Program Files (x86)\\Tool', 'c:\\program files\\nodejs'])
    assert.equal(isAdminOnlyFolder(folder), true, folder);
});

test('user-writable or escaping folders never count as administrator-only', () => {
  for (const folder of [
    'C:\\Users\\ana\\AppData\\Local\\Programs\\Go\\bin',
    'C:\\Program Files\\..\\Users\\Public\\evil',
    'C:\\Program Files\\Go\\..\\..\\Temp',
    'C:\\Program Files',
    'C:\\Program FilesX\\Go',
    '\\\\server\\share\\Program Files\\Go',
    'C:\\Tools\\bin',
    '%LOCALAPPDATA%\\Programs\\Go\\bin',
  ])
    assert.equal(isAdminOnlyFolder(folder), false, folder);
});
