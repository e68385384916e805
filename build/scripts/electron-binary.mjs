// Finds the Electron binary installed by the `electron` package (node_modules/electron/path.txt + dist/), if any.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable path, or null when the binary was never downloaded (e.g. install scripts disabled, no network). */
export function electronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const name =
      process.platform === 'win32'
        ? 'electron.exe'
        : process.platform === 'darwin'
          ? 'Electron.app/Contents/MacOS/Electron'
          : 'electron';
    const override = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name);
    return existsSync(override) ? override : null;
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
