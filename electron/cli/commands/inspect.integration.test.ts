// `msi-doctor inspect` as a user runs it (the real CLI in a child process) on every built test package, checked
// against msiinfo; and on hostile files: each one exit 2 with one line, bounded reads whatever the file declares.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { msiPackageSchema, type MsiPackage } from '../../../shared/contract/msi-package.ts';
import { msiToolsSkip, runMsiTool } from '../../system/msi-packages/msi-tools.ts';
import { buildTestPackages } from '../../system/msi-packages/test-packages.ts';
import { bytesSource, type ByteSource } from '../../../shared/msi-package/byte-source.ts';
import { MsiReadError, readMsiPackage } from '../../../shared/msi-package/index.ts';
import { MSP_CLSID, MST_CLSID, buildCfb } from '../../../shared/msi-package/testing/cfb-builder.test-support.ts';

const SKIP = msiToolsSkip();
const CLI = join(import.meta.dirname, '..', 'bin', 'msi-doctor.mjs');
let dir = '';
let built = new Map<string, string>();

before(() => {
  if (SKIP) return;
  dir = mkdtempSync(join(tmpdir(), 'msi-inspect-'));
  built = buildTestPackages(join(dir, 'packages'));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rows(path: string, table: string): Record<string, string>[] {
  const lines = runMsiTool('msiinfo', ['export', path, table]).split('\r\n').filter(Boolean);
  const names = lines[0]!.split('\t');
  return lines.slice(3).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i]!, v])));
}
const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);

test(
  'inspect --json on every built package matches msiinfo (properties, custom actions, sequences, conditions, upgrades)',
  { skip: SKIP },
  () => {
    const paths = [...built.values()];
    const r = cli(['inspect', '--json', ...paths]);
    assert.equal(r.status, 0, r.stderr);
    const packages = (JSON.parse(r.stdout) as unknown[]).map((p) => msiPackageSchema.parse(p));
    assert.equal(packages.length, paths.length);
    let actions = 0;
    for (const [i, path] of paths.entries()) {
      const pkg: MsiPackage = packages[i]!;
      const props = new Map(rows(path, 'Property').map((p) => [p.Property!, p.Value!]));
      assert.equal(pkg.productName, props.get('ProductName') ?? null, path);
      assert.equal(pkg.productVersion, props.get('ProductVersion') ?? null);
      assert.equal(pkg.manufacturer, props.get('Manufacturer') ?? null);
      assert.equal(pkg.productCode, props.get('ProductCode') ?? null);
      assert.equal(pkg.upgradeCode, props.get('UpgradeCode') ?? null);
      assert.equal(pkg.allUsers, props.get('ALLUSERS') ?? null);
      const suminfo = runMsiTool('msiinfo', ['suminfo', path]);
      assert.match(suminfo, new RegExp(`Revision number \\(UUID\\): \\${pkg.packageCode}`));
      assert.match(suminfo, new RegExp(`Template: ${pkg.summary.template}`));
      assert.equal(pkg.signed, runMsiTool('msiinfo', ['streams', path]).includes('\u0005DigitalSignature'));
      const cas = rows(path, 'CustomAction');
      assert.deepEqual(
        pkg.customActions.map((c) => [c.name, String(c.type), c.source, c.target, c.extendedType]),
        cas.map((c) => [
          c.Action,
          c.Type,
          orNull(c.Source),
          orNull(c.Target),
          c.ExtendedType ? Number(c.ExtendedType) : null,
        ]),
      );
      actions += cas.length;
      for (const table of ['InstallExecuteSequence', 'InstallUISequence', 'AdminExecuteSequence'] as const) {
        const expected = rows(path, table)
          .filter((s) => cas.some((c) => c.Action === s.Action))
          .map((s) => `${s.Action}|${s.Sequence}|${s.Condition ?? ''}`)
          .sort();
        const ours = pkg.customActions
          .flatMap((c) =>
            c.sequences.filter((s) => s.table === table).map((s) => `${c.name}|${s.sequence}|${s.condition ?? ''}`),
          )
          .sort();
        assert.deepEqual(ours, expected, `${path} ${table}`);
      }
      assert.deepEqual(
        pkg.launchConditions.map((c) => [c.condition, c.message]),
        rows(path, 'LaunchCondition').map((c) => [c.Condition, orNull(c.Description)]),
      );
      assert.deepEqual(
        pkg.upgrades.map((u) => [u.upgradeCode, u.versionMin, u.versionMax, String(u.attributes), u.actionProperty]),
        rows(path, 'Upgrade').map((u) => [
          u.UpgradeCode,
          orNull(u.VersionMin),
          orNull(u.VersionMax),
          u.Attributes,
          u.ActionProperty,
        ]),
      );
      assert.deepEqual(
        pkg.binaries,
        rows(path, 'Binary').map((b) => b.Name),
      );
      for (const f of pkg.findings) assert.ok(f.title && f.explanation && f.fix, `${f.id} has its words`);
    }
    assert.ok(actions >= 50, `checked ${actions} custom actions`);
  },
);

test('inspect in plain words, English and Chinese', { skip: SKIP }, () => {
  const en = cli(['inspect', built.get('registry-link')!]);
  assert.equal(en.status, 0, en.stderr);
  assert.match(
    en.stdout,
    /deferred, as SYSTEM, no rollback, an EXE with this command line: "\[SystemFolder\]reg\.exe" add/,
  );
  assert.match(en.stdout, /Rollback action RollbackCreateRegistryLink comes after the action it should undo/);
  const zh = cli(['inspect', '--lang', 'zh-CN', built.get('dual-zh-cn')!]);
  assert.equal(zh.status, 0, zh.stderr);
  assert.match(zh.stdout, /康桥报销 3\.2/);
  assert.match(zh.stdout, /两者皆可（双用途）/);
  assert.match(zh.stdout, /x64/);
});

// ------------------------------------------------------------------ hostile files
interface Layout {
  bytes: Uint8Array;
  fatSector0: number;
  dirStart: number;
  rootStart: number;
}
function layout(path: string): Layout {
  const bytes = new Uint8Array(readFileSync(path));
  const v = new DataView(bytes.buffer);
  const dirStart = v.getUint32(0x30, true);
  return {
    bytes,
    fatSector0: v.getUint32(0x4c, true),
    dirStart,
    rootStart: v.getUint32((dirStart + 1) * 512 + 0x74, true),
  };
}
function setFat(l: Layout, sector: number, value: number): Uint8Array {
  const out = l.bytes.slice();
  new DataView(out.buffer).setUint32((l.fatSector0 + 1) * 512 + sector * 4, value, true);
  return out;
}
/** Directory entry index of a decoded stream name (walks the flat directory, first sector only). */
function setStreamSize(l: Layout, rawName: string, size: number): Uint8Array {
  const out = l.bytes.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) {
    const o = (l.dirStart + 1) * 512 + i * 128;
    const len = v.getUint16(o + 0x40, true) / 2 - 1;
    let name = '';
    for (let k = 0; k < len; k++) name += String.fromCharCode(v.getUint16(o + k * 2, true));
    if (name === rawName) {
      v.setUint32(o + 0x78, size, true);
      return out;
    }
  }
  throw new Error(`no directory entry ${rawName} in the first directory sector`);
}

function hostileFiles(): Map<string, Uint8Array> {
  const real = layout(built.get('good-per-machine')!);
  const files = new Map<string, Uint8Array>();
  for (let size = 0; size < real.bytes.length; size += 512) files.set(`cut-${size}.msi`, real.bytes.subarray(0, size));
  let seed = 7;
  const random = real.bytes.slice();
  for (let i = 512; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  files.set('random-after-header.msi', random);
  files.set('directory-loop.msi', setFat(real, real.dirStart, real.dirStart));
  files.set('mini-stream-loop.msi', setFat(real, real.rootStart, real.rootStart));
  // The root entry (index 0) declares the mini stream's size: make it 4 GB - 16.
  files.set('huge-mini-stream.msi', setStreamSize(real, 'Root Entry', 0xfffffff0));
  files.set('not-msi.msi', new TextEncoder().encode('<html>404 Not Found</html>\n'));
  files.set('empty.msi', new Uint8Array(0));
  files.set('update.msp', buildCfb([{ name: '\u0005SummaryInformation', data: new Uint8Array(64) }], MSP_CLSID).bytes);
  files.set('custom.mst', buildCfb([{ name: '\u0005SummaryInformation', data: new Uint8Array(64) }], MST_CLSID).bytes);
  return files;
}

test('hostile files: exit 2, exactly one line each, nothing on stdout, no stack trace', { skip: SKIP }, () => {
  const files = hostileFiles();
  const paths: string[] = [];
  for (const [name, bytes] of files) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    paths.push(path);
  }
  const r = cli(['inspect', ...paths]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, paths.length, r.stderr);
  for (const [i, line] of lines.entries()) {
    assert.ok(line.startsWith(`msi-doctor inspect: ${paths[i]}: `), line);
    assert.doesNotMatch(line, /internal error|at .*\.ts:\d+|Error:/, line);
  }
  const byName = (name: string) => lines[paths.findIndex((p) => p.endsWith(name))]!;
  assert.match(byName('update.msp'), /a patch \(\.msp\)/);
  assert.match(byName('custom.mst'), /a transform \(\.mst\)/);
  assert.match(byName('empty.msi'), /empty/);
  assert.match(byName('not-msi.msi'), /not a Windows Installer package/);
  assert.match(byName('directory-loop.msi'), /loops/);
  assert.match(byName('mini-stream-loop.msi'), /loops|damaged/);
  assert.match(byName('huge-mini-stream.msi'), /damaged/);
  for (const line of lines.filter((l) => /cut-\d+\.msi/.test(l)))
    assert.match(line, /empty|incomplete|damaged|not a Windows/);
  const zh = cli(['inspect', '--lang', 'zh-CN', paths.find((p) => p.endsWith('update.msp'))!]);
  assert.match(zh.stderr, /这是补丁（\.msp）/);
});

/** A ByteSource that counts what the reader asks for. */
function counting(bytes: Uint8Array): ByteSource & { calls: number; bytes: number } {
  const inner = bytesSource(bytes);
  const c = {
    size: inner.size,
    calls: 0,
    bytes: 0,
    read: async (offset: number, length: number) => {
      c.calls++;
      c.bytes += length;
      return inner.read(offset, length);
    },
  };
  return c;
}

test(
  'bounded reads: never the cabinet, and hostile declarations cost a bounded number of reads',
  { skip: SKIP },
  async () => {
    // 'signed' carries a 300 KB cabinet of incompressible bytes: the reader must not touch it.
    const real = readFileSync(built.get('signed')!);
    assert.ok(real.length > 300_000);
    const source = counting(new Uint8Array(real));
    await readMsiPackage(source, 'signed.msi');
    assert.ok(source.bytes < real.length - 280_000, `read ${source.bytes} of ${real.length} bytes`);
    // 'long-strings' has 1.8 MB of tables: each needed sector is read about once, never a multiple of the file.
    const long = readFileSync(built.get('long-strings')!);
    const longSource = counting(new Uint8Array(long));
    await readMsiPackage(longSource, 'long-strings.msi');
    assert.ok(longSource.bytes <= long.length, `read ${longSource.bytes} of ${long.length} bytes`);
    for (const [name, bytes] of hostileFiles()) {
      const s = counting(bytes);
      await assert.rejects(readMsiPackage(s, name), MsiReadError, name);
      assert.ok(s.bytes <= Math.max(4096, bytes.length * 2), `${name}: read ${s.bytes} bytes of ${bytes.length}`);
      assert.ok(s.calls <= 2000, `${name}: ${s.calls} reads`);
    }
  },
);
