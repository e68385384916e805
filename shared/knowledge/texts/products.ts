// en + zh-CN texts of "after the install": the known products (product.<id>.name) and the new-terminal advice.
import type { TextTable } from '../local-text.ts';

export const PRODUCT_TEXTS = {
  // ------------------------------------------------------------ names (shared/knowledge/known-products.ts)
  'product.go.name': { en: 'Go', 'zh-CN': 'Go 语言' },
  'product.nodejs.name': { en: 'Node.js', 'zh-CN': 'Node.js' },
  'product.python.name': { en: 'Python', 'zh-CN': 'Python' },
  'product.git.name': { en: 'Git for Windows', 'zh-CN': 'Git for Windows' },
  'product.powershell.name': { en: 'PowerShell 7', 'zh-CN': 'PowerShell 7' },
  'product.dotnet-sdk.name': { en: '.NET SDK', 'zh-CN': '.NET SDK' },
  'product.java.name': {
    en: 'Java (Temurin / Microsoft Build of OpenJDK)',
    'zh-CN': 'Java（Temurin / Microsoft OpenJDK）',
  },
  'product.7zip.name': { en: '7-Zip', 'zh-CN': '7-Zip' },
} satisfies TextTable;
