// Opens a URL in the user's default browser with the platform's own opener (xdg-open, open, start); says whether it could.
import { spawn } from 'node:child_process';

/**
 * The opener of a platform, as a program and its arguments. Windows' `start` is a cmd.exe built-in: the empty
 * first argument is the window title, so a URL is never taken for one. Absolute paths where the system has them.
 */
export function openerCommand(platform, url, env = process.env) {
  if (platform === 'win32') {
    const root = env.SystemRoot || 'C:\\Windows';
    return { file: `${root}\\System32\\cmd.exe`, args: ['/d', '/c', 'start', '""', url] };
  }
  if (platform === 'darwin') return { file: '/usr/bin/open', args: [url] };
  return { file: 'xdg-open', args: [url] };
}

/**
 * Starts the opener and resolves true when it exited 0 (the browser was asked to open the page), false when it is
 * missing, fails or does not answer within `timeoutMs` (a headless machine without a desktop).
 */
export function openInBrowser(url, { platform = process.platform, env = process.env, timeoutMs = 10_000 } = {}) {
  const { file, args } = openerCommand(platform, url, env);
  return new Promise((done) => {
    let settled = false;
    const finish = (ok) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(ok);
    };
    let child;
    try {
      child = spawn(file, args, { stdio: 'ignore', env, windowsVerbatimArguments: platform === 'win32' });
    } catch {
      finish(false);
      return;
    }
    const timer = setTimeout(() => {
      child.kill();
      finish(false);
    }, timeoutMs);
    child.on('error', () => finish(false));
    child.on('exit', (code) => finish(code === 0));
  });
}

/** The address the preview server prints when it is ready ("MSI Doctor preview (simulated machine): http://..."). */
export function previewUrlIn(line) {
  const match = /(http:\/\/127\.0\.0\.1:\d{1,5}\/)/.exec(line);
  return match ? match[1] : null;
}
