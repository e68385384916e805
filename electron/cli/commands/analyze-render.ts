// Renders one LogAnalysis as a single screen for a person: outcome, product, failing action, cause, evidence, next steps.
import type { LogAnalysis } from '../../../shared/contract/log-analysis.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { meaningOf } from '../../../shared/knowledge/error-codes.ts';
import { causeInfo } from '../../../shared/knowledge/causes.ts';
import { pick, interpolate, type LocalText } from '../../../shared/knowledge/local-text.ts';
import { labelledText, labelText } from '../cli-text.ts';

export interface RenderOptions {
  lang: Lang;
  color: boolean;
  /** Characters per evidence line before it is cut (keeps the output to one screen). */
  width: number;
}

const L = {
  reason: { en: 'Why', 'zh-CN': '原因' },
  result: { en: 'Result', 'zh-CN': '结果' },
  product: { en: 'Product', 'zh-CN': '产品' },
  operation: { en: 'Operation', 'zh-CN': '操作' },
  failedAt: { en: 'Failed at', 'zh-CN': '失败位置' },
  error: { en: 'Error', 'zh-CN': '错误' },
  cause: { en: 'Likely cause', 'zh-CN': '可能原因' },
  evidence: { en: 'Lines to read', 'zh-CN': '需要查看的日志行' },
  next: { en: 'What to do next', 'zh-CN': '下一步怎么做' },
  log: { en: 'Log', 'zh-CN': '日志' },
  exitCode: { en: 'exit code {code}', 'zh-CN': '退出代码 {code}' },
  exitCodeMeaning: { en: 'exit code {code}: {meaning}', 'zh-CN': '退出代码 {code}：{meaning}' },
  lineNote: { en: '(line {line})', 'zh-CN': '（第 {line} 行）' },
  atLine: { en: '{where}, line {line}', 'zh-CN': '{where}，第 {line} 行' },
  customAction: { en: 'custom action {name}', 'zh-CN': '自定义操作 {name}' },
  action: { en: 'action {name}', 'zh-CN': '操作 {name}' },
  inside: { en: '{where} (inside {seq})', 'zh-CN': '{where}（在 {seq} 中运行）' },
  confidence: { en: '(confidence {pct}%)', 'zh-CN': '（可信度 {pct}%）' },
  unknownProduct: { en: '(not named in this log)', 'zh-CN': '（日志中没有写明）' },
  sessions: {
    en: '{n} sessions in this file; this is the last one',
    'zh-CN': '此文件包含 {n} 次安装记录，这里显示最后一次',
  },
  package: { en: 'Failed package', 'zh-CN': '失败的包' },
  retried: { en: 'retried {n} times before failing', 'zh-CN': '失败前重试了 {n} 次' },
  wrapper: { en: 'Run by', 'zh-CN': '运行工具' },
  wrapperCodes: {
    en: '{tool}: its own exit code {own}; the installer returned {installer}',
    'zh-CN': '{tool}：其自身的退出代码为 {own}；安装程序返回 {installer}',
  },
  oldProduct: { en: 'Old version', 'zh-CN': '旧版本' },
  oldProductText: {
    en: '{name} could not be removed by this upgrade (its cached installer is missing)',
    'zh-CN': '此次升级无法卸载 {name}（它缓存的安装包不见了）',
  },
  unknownCode: { en: 'not given', 'zh-CN': '未给出' },
  burnNext: {
    en: 'The bundle only relays the package\'s result. Analyze the package\'s own log: msi-doctor analyze "{log}"',
    'zh-CN': '安装程序包只是转述了该安装包的结果。请分析这个安装包自己的日志：msi-doctor analyze "{log}"',
  },
  burnPackage: {
    en: '{id} (result {hr}); its own MSI log: {log}',
    'zh-CN': '{id}（结果 {hr}）；它自己的 MSI 日志：{log}',
  },
  lines: { en: '{n} lines', 'zh-CN': '{n} 行' },
  noLogPath: { en: '(not named)', 'zh-CN': '（未写明）' },
  noEvidence: { en: '(no lines stand out)', 'zh-CN': '（没有特别需要注意的行）' },
  incompleteHint: {
    en: 'The log ends before the installation finished (an excerpt, or the install is still running).',
    'zh-CN': '日志在安装结束之前就中断了（可能只是片段，或者安装仍在进行）。',
  },
} satisfies Record<string, LocalText>;

const OUTCOME: Record<LogAnalysis['outcome'], LocalText> = {
  success: { en: 'Succeeded', 'zh-CN': '成功' },
  failure: { en: 'FAILED', 'zh-CN': '失败' },
  cancelled: { en: 'Cancelled', 'zh-CN': '已取消' },
  'reboot-required': { en: 'Succeeded, restart required', 'zh-CN': '成功，需要重启' },
  incomplete: { en: 'Unknown (log incomplete)', 'zh-CN': '未知（日志不完整）' },
};

const OPERATION: Record<LogAnalysis['operation'], LocalText> = {
  install: { en: 'install', 'zh-CN': '安装' },
  uninstall: { en: 'uninstall', 'zh-CN': '卸载' },
  repair: { en: 'repair', 'zh-CN': '修复' },
  modify: { en: 'modify', 'zh-CN': '更改' },
  patch: { en: 'patch / update', 'zh-CN': '补丁 / 更新' },
  admin: { en: 'administrative install', 'zh-CN': '管理安装' },
  advertise: { en: 'advertise', 'zh-CN': '公布' },
  unknown: { en: 'unknown', 'zh-CN': '未知' },
};

const ANSI = {
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  reset: '\x1b[0m',
};

export function renderAnalysis(a: LogAnalysis, opts: RenderOptions): string {
  const t = (text: LocalText, params?: Record<string, string | number>) => interpolate(pick(text, opts.lang), params);
  const paint = (code: string, s: string) => (opts.color ? `${code}${s}${ANSI.reset}` : s);
  const label = (text: LocalText) => paint(ANSI.bold, padToWidth(labelText(t(text), opts.lang), 15));
  const out: string[] = [];

  out.push(
    paint(ANSI.bold, labelledText(t(L.log), a.file, opts.lang)) +
      paint(ANSI.dim, `  [${a.format}, ${a.encoding}, ${t(L.lines, { n: a.lineCount })}]`),
  );

  // The one line that explains the failure, in the culprit's own words: first.
  const reason = a.outcome === 'success' ? null : (a.causes[0]?.reason ?? null);
  if (reason) {
    const room = Math.max(20, opts.width - 15);
    const lines = wrap(`${reason.text}  ${t(L.lineNote, { line: reason.line })}`, room);
    out.push(`${label(L.reason)}${paint(ANSI.bold, lines[0] ?? '')}`, ...lines.slice(1).map((l) => ' '.repeat(15) + l));
  }

  const outcomeColor = a.outcome === 'success' ? ANSI.green : a.outcome === 'failure' ? ANSI.red : ANSI.yellow;
  let result = paint(outcomeColor + ANSI.bold, t(OUTCOME[a.outcome]));
  if (a.exitCode !== null) {
    const meaning = meaningOf(a.exitCode, 'exit-code');
    result += ` — ${meaning ? t(L.exitCodeMeaning, { code: a.exitCode, meaning: t(meaning.title) }) : t(L.exitCode, { code: a.exitCode })}`;
  }
  out.push(`${label(L.result)}${result}`);
  if (a.outcome === 'incomplete') out.push(`${' '.repeat(15)}${paint(ANSI.dim, t(L.incompleteHint))}`);

  const product =
    [a.product.name, a.product.version, a.product.productCode].filter(Boolean).join(' ') || t(L.unknownProduct);
  out.push(`${label(L.product)}${product}`);
  out.push(
    `${label(L.operation)}${t(OPERATION[a.operation])}` +
      (a.sessions > 1 ? paint(ANSI.dim, `  (${t(L.sessions, { n: a.sessions })})`) : ''),
  );

  if (a.wrapper) {
    const w = a.wrapper;
    const own = w.exitCode !== null ? formatOwnCode(w.exitCode) : (w.exitCodeText ?? t(L.unknownCode));
    const installer = w.installerExitCode !== null ? String(w.installerExitCode) : t(L.unknownCode);
    out.push(`${label(L.wrapper)}${t(L.wrapperCodes, { tool: w.tool, own, installer })}`);
  }
  if (a.oldProduct) {
    const name = [a.oldProduct.name, a.oldProduct.productCode].filter(Boolean).join(' ') || t(L.unknownProduct);
    out.push(`${label(L.oldProduct)}${t(L.oldProductText, { name })}`);
  }
  if (a.failedAction) {
    const f = a.failedAction;
    let where = t(f.customAction ? L.customAction : L.action, { name: f.name });
    if (f.sequenceAction !== f.name) where = t(L.inside, { where, seq: f.sequenceAction });
    out.push(`${label(L.failedAt)}${t(L.atLine, { where: paint(ANSI.bold, where), line: f.line })}`);
  }
  if (a.burn?.failingPackage) {
    const p = a.burn.packages.find((x) => x.id === a.burn!.failingPackage);
    out.push(
      `${label(L.package)}${t(L.burnPackage, { id: a.burn.failingPackage, hr: p?.hresult ?? '?', log: p?.logPath ?? t(L.noLogPath) })}` +
        (p?.retries ? `, ${t(L.retried, { n: p.retries })}` : ''),
    );
    if (p?.logPath)
      out.push(...wrap(t(L.burnNext, { log: p.logPath }), opts.width - 15).map((l) => ' '.repeat(15) + l));
  }
  if (a.primaryError !== null) {
    const meaning = meaningOf(a.primaryError, 'message');
    out.push(`${label(L.error)}${a.primaryError}` + (meaning ? ` — ${t(meaning.title)}` : ''));
  }

  const top = a.causes[0];
  const info = top ? causeInfo(top.id) : undefined;
  if (top) {
    const title = info ? t(info.title) : top.id;
    out.push(
      `${label(L.cause)}${paint(ANSI.bold, title)}  ${paint(ANSI.dim, t(L.confidence, { pct: Math.round(top.confidence * 100) }))}`,
    );
    if (info && a.outcome !== 'success')
      out.push(...wrap(t(info.explanation), opts.width - 15).map((l) => ' '.repeat(15) + l));
  }

  out.push('', paint(ANSI.bold, labelText(t(L.evidence), opts.lang)));
  if (a.evidence.length === 0) out.push(`  ${t(L.noEvidence)}`);
  const numWidth = String(a.evidence.at(-1)?.line ?? 0).length;
  for (const e of a.evidence) {
    const text = e.text.length > opts.width - numWidth - 4 ? e.text.slice(0, opts.width - numWidth - 5) + '…' : e.text;
    out.push(`${paint(ANSI.dim, String(e.line).padStart(numWidth + 2) + ' |')} ${text}`);
  }

  if (info && a.outcome !== 'success') {
    out.push('', paint(ANSI.bold, labelText(t(L.next), opts.lang)));
    info.nextSteps.slice(0, 3).forEach((step, i) => {
      const lines = wrap(t(step), opts.width - 5);
      out.push(`  ${i + 1}. ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `     ${l}`));
    });
  }
  return out.join('\n') + '\n';
}

/** A tool's own code, with its hex form when it is an HRESULT (winget's -1978335226 = 0x8A150006). */
function formatOwnCode(code: number): string {
  const hex = `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
  if (code < 0) return `${code} (${hex})`;
  return code > 0xffff ? hex : String(code);
}

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(1, width - displayWidth(text)));
}

/** Word wrap by display width; Chinese has no spaces, so long runs are cut by characters. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(20, width);
  const lines: string[] = [];
  let current = '';
  const flushLong = () => {
    while (displayWidth(current) > w) {
      let cut = '';
      for (const ch of current) {
        if (displayWidth(cut + ch) > w) break;
        cut += ch;
      }
      lines.push(cut);
      current = current.slice(cut.length);
    }
  };
  for (const word of text.split(/(\s+)/)) {
    if (displayWidth(current + word) > w && current.trim()) {
      lines.push(current.trimEnd());
      current = word.trimStart();
    } else current += word;
    flushLong();
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}
