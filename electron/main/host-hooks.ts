// What only Electron can do for the facade: native open/save dialogs and opening allowlisted documentation links.
import { dialog, shell, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import type { Lang } from '../../shared/contract/ids.ts';
import type { HostHooks } from '../services/app-services-types.ts';
import { isAllowedExternalUrl } from '../services/external-links.ts';
import { mainText } from './main-texts.ts';

export function createHostHooks(options: {
  window: () => BrowserWindow | null;
  lang: Lang;
  documentsDir: string;
}): HostHooks {
  const t = (key: Parameters<typeof mainText>[0]) => mainText(key, options.lang);
  return {
    async pickFile(kind) {
      const filters =
        kind === 'msi'
          ? [{ name: t('dialog.filter.msi'), extensions: ['msi', 'msp'] }]
          : [
              { name: t('dialog.filter.logs'), extensions: ['log', 'txt'] },
              { name: t('dialog.filter.all'), extensions: ['*'] },
            ];
      const win = options.window();
      const dialogOptions = { properties: ['openFile' as const], filters };
      const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      const path = result.canceled ? undefined : result.filePaths[0];
      return path ? { path, name: basename(path) } : null;
    },
    async chooseReportPath(suggestedName) {
      const win = options.window();
      const dialogOptions = { defaultPath: join(options.documentsDir, suggestedName) };
      const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openExternal(url) {
      // Checked again here: this hook is the only caller of shell.openExternal for renderer-originated URLs.
      if (isAllowedExternalUrl(url)) await shell.openExternal(url);
    },
  };
}
