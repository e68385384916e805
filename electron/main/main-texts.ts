// The main process's own user-facing texts (menu, dialogs), in English and Simplified Chinese.
import type { Lang } from '../../shared/contract/ids.ts';
import { interpolate, pick, type LocalText } from '../../shared/knowledge/local-text.ts';

export const MAIN_TEXTS = {
  'menu.file': { en: '&File', 'zh-CN': '文件(&F)' },
  'menu.file.open-log': { en: 'Open Log File…', 'zh-CN': '打开日志文件…' },
  'menu.file.open-msi': { en: 'Choose Installer Package (.msi)…', 'zh-CN': '选择安装包（.msi）…' },
  'menu.file.export-report': { en: 'Export Report…', 'zh-CN': '导出诊断报告…' },
  'menu.file.start-over': { en: 'Start Over', 'zh-CN': '重新开始' },
  'menu.file.quit': { en: 'Exit', 'zh-CN': '退出' },
  'menu.edit': { en: '&Edit', 'zh-CN': '编辑(&E)' },
  'menu.view': { en: '&View', 'zh-CN': '视图(&V)' },
  'menu.help': { en: '&Help', 'zh-CN': '帮助(&H)' },
  'menu.help.documentation': {
    en: 'Windows Installer Error Codes (Microsoft Learn)',
    'zh-CN': 'Windows Installer 错误代码（Microsoft Learn）',
  },
  'menu.help.about': { en: 'About MSI Doctor', 'zh-CN': '关于 MSI Doctor' },
  'about.detail': {
    en: 'Version {version}\nDiagnoses and safely fixes failed Windows Installer (.msi) installations.\nRunning on: {machine}',
    'zh-CN': '版本 {version}\n诊断并安全修复失败的 Windows Installer（.msi）安装。\n运行环境：{machine}',
  },
  'about.machine.real': { en: 'this computer', 'zh-CN': '本机' },
  'about.machine.simulated': { en: 'Simulated machine', 'zh-CN': '模拟计算机' },
  'dialog.filter.logs': { en: 'Installer logs', 'zh-CN': '安装日志' },
  'dialog.filter.msi': { en: 'Windows Installer packages', 'zh-CN': 'Windows Installer 安装包' },
  'dialog.filter.all': { en: 'All files', 'zh-CN': '所有文件' },
} satisfies Record<string, LocalText>;

export type MainTextKey = keyof typeof MAIN_TEXTS;

export function mainText(key: MainTextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return interpolate(pick(MAIN_TEXTS[key], lang), params);
}

/** 'zh-CN' for any Chinese system language, English otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
