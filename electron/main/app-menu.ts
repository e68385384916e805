// The application menu (File: open log, open MSI, export report, start over; Help: documentation, about) as a
// template built from injected actions, so it is tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { ApiEvents } from '../../shared/contract/api.ts';
import type { Lang } from '../../shared/contract/ids.ts';
import { mainText } from './main-texts.ts';

export function documentationUrl(lang: Lang): string {
  return `https://learn.microsoft.com/${lang === 'zh-CN' ? 'zh-cn' : 'en-us'}/windows/win32/msi/error-codes`;
}

export interface MenuActions {
  /** Menu commands the wizard handles (it asks for the file through pickFile, or exports). */
  command(command: ApiEvents['menuCommand']['command']): void;
  openDocumentation(url: string): void;
  about(): void;
  quit(): void;
}

export function buildMenuTemplate(
  lang: Lang,
  actions: MenuActions,
  options: { devTools: boolean },
): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof mainText>[0]) => mainText(key, lang);
  return [
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.file.open-log'), accelerator: 'CmdOrCtrl+O', click: () => actions.command('open-log') },
        { label: t('menu.file.open-msi'), accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.command('open-msi') },
        {
          label: t('menu.file.export-report'),
          accelerator: 'CmdOrCtrl+E',
          click: () => actions.command('export-report'),
        },
        { type: 'separator' },
        { label: t('menu.file.start-over'), accelerator: 'CmdOrCtrl+N', click: () => actions.command('start-over') },
        { type: 'separator' },
        { label: t('menu.file.quit'), accelerator: 'Alt+F4', click: () => actions.quit() },
      ],
    },
    { label: t('menu.edit'), role: 'editMenu' },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        { label: t('menu.help.documentation'), click: () => actions.openDocumentation(documentationUrl(lang)) },
        { type: 'separator' },
        { label: t('menu.help.about'), click: () => actions.about() },
      ],
    },
  ];
}
