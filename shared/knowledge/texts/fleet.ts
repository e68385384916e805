// en + zh-CN texts of `msi-doctor fleet summarize` (terminal, HTML and CSV) and of the per-file refusals.
import type { TextTable } from '../local-text.ts';

export const FLEET_TEXTS = {
  'fleet.title': { en: 'MSI Doctor — fleet summary', 'zh-CN': 'MSI Doctor —— 设备群汇总' },
  'fleet.totals': {
    en: '{files} result files read ({refused} refused), {machines} machines, {issues} with an issue.',
    'zh-CN': '已读取 {files} 个结果文件（拒绝 {refused} 个），共 {machines} 台电脑，其中 {issues} 台有问题。',
  },
  'fleet.generated': { en: 'Generated {time} from {dir}', 'zh-CN': '生成于 {time}，来源：{dir}' },
  'fleet.latest-only': {
    en: 'Each machine counts once, with its latest result.',
    'zh-CN': '每台电脑只计一次，以其最新结果为准。',
  },
  'fleet.section.act-first': { en: 'Machines to act on first', 'zh-CN': '优先处理的电脑' },
  'fleet.section.causes': { en: 'Causes by number of machines', 'zh-CN': '按电脑数量统计的原因' },
  'fleet.section.products': { en: 'Failed installs by product', 'zh-CN': '按产品统计的安装失败' },
  'fleet.section.machines': { en: 'Machines with an issue', 'zh-CN': '有问题的电脑' },
  'fleet.section.refused': { en: 'Files not summarized', 'zh-CN': '未汇总的文件' },
  'fleet.none': { en: '(none)', 'zh-CN': '（无）' },
  'fleet.more': { en: '+{n} more', 'zh-CN': '另有 {n} 项' },
  'fleet.more-rows': {
    en: '{n} more in {file}',
    'zh-CN': '另有 {n} 行，见 {file}',
  },
  'fleet.kind.security': { en: 'security', 'zh-CN': '安全' },
  'fleet.kind.cause': { en: 'cause', 'zh-CN': '原因' },
  'fleet.simulated': { en: 'simulated', 'zh-CN': '模拟' },
  'fleet.written': { en: 'Written: {files}', 'zh-CN': '已写入：{files}' },
  'fleet.col.machine': { en: 'Machine', 'zh-CN': '电脑' },
  'fleet.col.scanned': { en: 'Scanned at', 'zh-CN': '扫描时间' },
  'fleet.col.priority': { en: 'Priority', 'zh-CN': '优先级' },
  'fleet.col.top': { en: 'Top issue', 'zh-CN': '首要问题' },
  'fleet.col.confidence': { en: 'Confidence', 'zh-CN': '可信度' },
  'fleet.col.issues': { en: 'Issues', 'zh-CN': '问题' },
  'fleet.col.products': { en: 'Failed products', 'zh-CN': '安装失败的产品' },
  'fleet.col.results': { en: 'Result files', 'zh-CN': '结果文件数' },
  'fleet.col.file': { en: 'Latest file', 'zh-CN': '最新文件' },
  'fleet.col.cause': { en: 'Cause', 'zh-CN': '原因' },
  'fleet.col.kind': { en: 'Kind', 'zh-CN': '类型' },
  'fleet.col.machines': { en: 'Machines', 'zh-CN': '电脑数' },
  'fleet.col.as-top': { en: 'As top issue', 'zh-CN': '作为首要问题' },
  'fleet.col.share': { en: 'Share of machines', 'zh-CN': '占电脑比例' },
  'fleet.col.product': { en: 'Product', 'zh-CN': '产品' },
  'fleet.col.top-causes': { en: 'Top causes', 'zh-CN': '主要原因' },
  'fleet.col.reason': { en: 'Why', 'zh-CN': '原因' },
  // ------------------------------------------------------------ scan --brief (one line for a console column)
  'fleet.brief.none': {
    en: 'MSI Doctor: no issue found on {machine}.',
    'zh-CN': 'MSI Doctor：在 {machine} 上没有发现问题。',
  },
  'fleet.brief.issues_one': {
    en: 'MSI Doctor: {count} issue on {machine}. First: {title} ({confidence}%).',
    'zh-CN': 'MSI Doctor：在 {machine} 上发现 {count} 个问题。首要问题：{title}（{confidence}%）。',
  },
  'fleet.brief.issues_other': {
    en: 'MSI Doctor: {count} issues on {machine}. First: {title} ({confidence}%).',
    'zh-CN': 'MSI Doctor：在 {machine} 上发现 {count} 个问题。首要问题：{title}（{confidence}%）。',
  },
  // ------------------------------------------------------------ refused files
  'fleet.refused.empty': { en: 'the file is empty', 'zh-CN': '文件是空的' },
  'fleet.refused.not-json': { en: 'not JSON ({detail})', 'zh-CN': '不是 JSON（{detail}）' },
  'fleet.refused.no-schema': {
    en: 'not an MSI Doctor scan or report (no "schema" field)',
    'zh-CN': '不是 MSI Doctor 的扫描结果或报告（没有 “schema” 字段）',
  },
  'fleet.refused.other-schema': {
    en: 'not an MSI Doctor scan or report (schema "{schema}")',
    'zh-CN': '不是 MSI Doctor 的扫描结果或报告（schema 为 “{schema}”）',
  },
  'fleet.refused.invalid': {
    en: 'an MSI Doctor {kind} file, but {where} is wrong: {detail}',
    'zh-CN': '是 MSI Doctor 的 {kind} 文件，但 {where} 不正确：{detail}',
  },
  'fleet.refused.too-large': {
    en: 'larger than {mb} MB: not a result file',
    'zh-CN': '超过 {mb} MB：不是结果文件',
  },
  'fleet.refused.unreadable': { en: 'cannot be read ({detail})', 'zh-CN': '无法读取（{detail}）' },
} satisfies TextTable;
