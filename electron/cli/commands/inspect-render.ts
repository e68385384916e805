// Renders msi-doctor/package@1 for a person: identity, who it installs for, conditions, upgrades, custom actions in
// plain words with where they are sequenced, and the findings with their WiX fixes (en + zh-CN).
import type { Lang } from '../../../shared/contract/ids.ts';
import type { MsiPackage } from '../../../shared/contract/msi-package.ts';
import { interpolate, pick, type LocalText } from '../../../shared/knowledge/local-text.ts';
import { describeCustomAction, describeFinding } from '../../../shared/msi-package/describe.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { padToWidth, wrap } from './analyze-render.ts';
import { labelledText, labelText } from '../cli-text.ts';

export interface InspectRenderOptions {
  lang: Lang;
  color: boolean;
  width: number;
}

const L = {
  file: { en: 'File', 'zh-CN': '文件' },
  product: { en: 'Product', 'zh-CN': '产品' },
  version: { en: 'Version', 'zh-CN': '版本' },
  manufacturer: { en: 'Manufacturer', 'zh-CN': '制造商' },
  productCode: { en: 'Product code', 'zh-CN': '产品代码' },
  upgradeCode: { en: 'Upgrade code', 'zh-CN': '升级代码' },
  packageCode: { en: 'Package code', 'zh-CN': '包代码' },
  language: { en: 'Language', 'zh-CN': '语言' },
  installsFor: { en: 'Installs for', 'zh-CN': '安装范围' },
  platform: { en: 'Platform', 'zh-CN': '平台' },
  signed: { en: 'Signature', 'zh-CN': '数字签名' },
  needs: { en: 'Needs', 'zh-CN': '要求' },
  launchConditions: { en: 'Launch conditions', 'zh-CN': '启动条件' },
  upgrades: { en: 'Upgrades', 'zh-CN': '升级' },
  customActions: { en: 'Custom actions', 'zh-CN': '自定义操作' },
  findings: { en: 'Findings', 'zh-CN': '发现的问题' },
  none: { en: '(none)', 'zh-CN': '（无）' },
  fix: { en: 'Fix', 'zh-CN': '修复方法' },
  heuristic: { en: 'heuristic', 'zh-CN': '推测' },
  notSequenced: { en: 'not in any sequence', 'zh-CN': '不在任何序列中' },
  ifCondition: { en: 'if {condition}', 'zh-CN': '条件：{condition}' },
  always: { en: 'always', 'zh-CN': '总是运行' },
  button: { en: 'from a dialog button', 'zh-CN': '由对话框按钮触发' },
  perMachine: {
    en: 'all users (per machine): needs administrator rights',
    'zh-CN': '所有用户（每台计算机）：需要管理员权限',
  },
  perUser: { en: 'the current user only (per user)', 'zh-CN': '仅当前用户（每用户）' },
  dual: {
    en: 'either (dual purpose): per machine for an administrator, per user otherwise',
    'zh-CN': '两者皆可（双用途）：管理员按每台计算机安装，否则按每用户安装',
  },
  yes: { en: 'signed (signature stream present; not verified here)', 'zh-CN': '已签名（存在签名数据流；此处未验证）' },
  no: { en: 'not signed', 'zh-CN': '未签名' },
  installer: { en: 'Windows Installer {v} or later', 'zh-CN': 'Windows Installer {v} 或更高版本' },
  compressed: { en: 'files compressed in the package', 'zh-CN': '文件压缩在安装包内' },
  uncompressed: { en: 'files beside the package', 'zh-CN': '文件位于安装包旁边' },
  adminImage: { en: 'administrative image', 'zh-CN': '管理安装映像' },
  upgradeRow: {
    en: 'versions {min} to {max} of {code} → {property}{detect}',
    'zh-CN': '{code} 的 {min} 到 {max} 版本 → {property}{detect}',
  },
  onlyDetect: { en: ' (detect only)', 'zh-CN': '（仅检测）' },
  any: { en: 'any', 'zh-CN': '任意' },
} satisfies Record<string, LocalText>;

const PLATFORM: Record<MsiPackage['platform'], string> = {
  x86: 'x86 (32-bit)',
  x64: 'x64 (64-bit)',
  arm64: 'Arm64',
  arm: 'Arm',
  ia64: 'Itanium',
  unknown: '?',
};

const SEVERITY_MARK = { problem: '✗', warning: '!', info: 'i' } as const;
const ANSI = { red: '\x1b[31m', yellow: '\x1b[33m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

export function renderPackage(pkg: MsiPackage, opts: InspectRenderOptions): string {
  const t = (text: LocalText, params?: Record<string, string | number>) => interpolate(pick(text, opts.lang), params);
  const paint = (code: string, s: string) => (opts.color ? `${code}${s}${ANSI.reset}` : s);
  const label = (text: LocalText) => paint(ANSI.bold, padToWidth(labelText(t(text), opts.lang), 15));
  const indent = (text: string, by: number) => wrap(text, opts.width - by).map((l) => ' '.repeat(by) + l);
  const out: string[] = [];
  out.push(`${label(L.file)}${pkg.file}`);
  out.push(`${label(L.product)}${paint(ANSI.bold, pkg.productName ?? '?')}`);
  out.push(`${label(L.version)}${pkg.productVersion ?? '?'}`);
  out.push(`${label(L.manufacturer)}${pkg.manufacturer ?? '?'}`);
  out.push(`${label(L.productCode)}${pkg.productCode ?? '?'}`);
  out.push(`${label(L.upgradeCode)}${pkg.upgradeCode ?? '?'}`);
  out.push(`${label(L.packageCode)}${pkg.packageCode ?? '?'}`);
  if (pkg.language !== null) out.push(`${label(L.language)}${pkg.language}`);
  const scope = pkg.scope === 'per-machine' ? L.perMachine : pkg.scope === 'per-user' ? L.perUser : L.dual;
  out.push(`${label(L.installsFor)}${t(scope)}`);
  out.push(`${label(L.platform)}${PLATFORM[pkg.platform]}`);
  out.push(`${label(L.signed)}${t(pkg.signed ? L.yes : L.no)}`);
  const schema = pkg.summary.schema;
  const needs = [
    schema ? t(L.installer, { v: `${Math.floor(schema / 100)}.${schema % 100}` }) : null,
    t(pkg.summary.compressed ? L.compressed : L.uncompressed),
    pkg.summary.administrativeImage ? t(L.adminImage) : null,
  ].filter(Boolean);
  out.push(`${label(L.needs)}${needs.join(opts.lang === 'zh-CN' ? '；' : '; ')}`);

  const heading = (text: LocalText, count: number) => paint(ANSI.bold, labelText(`${t(text)} (${count})`, opts.lang));
  out.push('', heading(L.launchConditions, pkg.launchConditions.length));
  if (pkg.launchConditions.length === 0) out.push(`  ${t(L.none)}`);
  for (const c of pkg.launchConditions) out.push(`  ${c.condition}${c.message ? `  — "${c.message}"` : ''}`);

  out.push('', heading(L.upgrades, pkg.upgrades.length));
  if (pkg.upgrades.length === 0) out.push(`  ${t(L.none)}`);
  for (const u of pkg.upgrades)
    out.push(
      `  ${t(L.upgradeRow, {
        min: u.versionMin ?? t(L.any),
        max: u.versionMax ?? t(L.any),
        code: u.upgradeCode,
        property: u.actionProperty,
        detect: u.attributes & 2 ? t(L.onlyDetect) : '',
      })}`,
    );

  out.push('', heading(L.customActions, pkg.customActions.length));
  if (pkg.customActions.length === 0) out.push(`  ${t(L.none)}`);
  for (const ca of pkg.customActions) {
    out.push(`  ${paint(ANSI.bold, ca.name)}  ${paint(ANSI.dim, `[${ca.type}]`)}`);
    out.push(
      ...indent(
        describeCustomAction(ca, pkg, (ref) => translate(ref, opts.lang)),
        6,
      ),
    );
    if (ca.sequences.length === 0) out.push(`      ${paint(ANSI.dim, t(L.notSequenced))}`);
    for (const s of ca.sequences) {
      const when = s.condition ? t(L.ifCondition, { condition: s.condition }) : t(L.always);
      const where = s.table === 'ControlEvent' ? t(L.button) : `${s.table} ${s.sequence ?? ''}`.trim();
      out.push(`      ${paint(ANSI.dim, `${where}: ${when}`)}`);
    }
  }

  out.push('', heading(L.findings, pkg.findings.length));
  if (pkg.findings.length === 0) out.push(`  ${t(L.none)}`);
  for (const f of pkg.findings) {
    const words = describeFinding(f, opts.lang, (ref) => translate(ref, opts.lang));
    const color = f.severity === 'problem' ? ANSI.red : f.severity === 'warning' ? ANSI.yellow : ANSI.dim;
    const tag = f.heuristic ? paint(ANSI.dim, ` (${t(L.heuristic)})`) : '';
    out.push(`  ${paint(color, SEVERITY_MARK[f.severity])} ${paint(ANSI.bold, words.title)}${tag}`);
    out.push(...indent(words.explanation, 4));
    out.push(...indent(labelledText(t(L.fix), words.fix, opts.lang), 4));
    out.push(`    ${paint(ANSI.dim, f.rows.map((r) => `${r.table}/${r.key}`).join(', '))}`);
  }
  return out.join('\n') + '\n';
}
