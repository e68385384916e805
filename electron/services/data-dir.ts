// The app's data folder for the CLI (journals, backups, install logs, simulated machine state): OS default, env override.
import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

/** MSI_DOCTOR_DATA_DIR wins (tests); else %LOCALAPPDATA%\MSI Doctor, ~/Library/Application Support/MSI Doctor, $XDG_DATA_HOME/msi-doctor. */
export function defaultDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.MSI_DOCTOR_DATA_DIR?.trim();
  if (override) return override;
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(env.USERPROFILE ?? homedir(), 'AppData', 'Local'), 'MSI Doctor');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'MSI Doctor');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'msi-doctor');
}
