// The words of the `msi-doctor` command's own lines (scan header, repair outcome, journals, report summary, progress),
// en + zh-CN: every line it prints for a person goes through these or the other knowledge tables.
import type { TextTable } from '../local-text.ts';

export const CLI_TEXTS = {
  // the command itself (main.ts)
  'cli.usage': { en: 'Usage: msi-doctor <command> [options]', 'zh-CN': '用法：msi-doctor <命令> [选项]' },
  'cli.usage.commands': { en: 'Commands:', 'zh-CN': '命令：' },
  'cli.usage.more': {
    en: 'Run `msi-doctor <command> --help` for the options of a command.',
    'zh-CN': '运行 `msi-doctor <命令> --help` 查看某个命令的选项。',
  },
  'cli.unknown-command': { en: 'msi-doctor: unknown command "{name}".', 'zh-CN': 'msi-doctor：未知命令 “{name}”。' },
  'cli.internal-error': {
    en: 'msi-doctor {name}: internal error: {message}',
    'zh-CN': 'msi-doctor {name}：内部错误：{message}',
  },
  'cli.command.scan': {
    en: 'check this Windows machine (or a simulated one) for what breaks MSI installs',
    'zh-CN': '检查这台 Windows 电脑（或一台模拟电脑）上导致 MSI 安装失败的原因',
  },
  'cli.command.analyze': {
    en: 'explain an MSI or Burn log: outcome, failing action, cause, next steps',
    'zh-CN': '解读 MSI 或 Burn 日志：结果、失败的操作、原因和下一步',
  },
  'cli.command.inspect': {
    en: 'read an .msi without installing it: facts, custom actions, findings before they bite',
    'zh-CN': '不安装就读取 .msi：基本信息、自定义操作，以及会出问题的地方',
  },
  'cli.command.report': {
    en: 'scan, diagnose and write a redacted report to share (ZIP, HTML or JSON)',
    'zh-CN': '检查、诊断并写出一份已脱敏、可分享的报告（ZIP、HTML 或 JSON）',
  },
  'cli.command.fix': {
    en: 'preview, confirm and run one safe repair (or the recommended one); verifies and keeps a journal',
    'zh-CN': '预览、确认并执行一个安全的修复（或推荐的修复）；执行后验证并保留记录',
  },
  'cli.command.undo': {
    en: 'undo a repair from its journal and backups (also after a crash or restart)',
    'zh-CN': '根据记录和备份撤销一个修复（崩溃或重启之后也可以）',
  },
  'cli.command.verify': {
    en: 'after an install: does each product work in a new terminal (go version...), and if not, why',
    'zh-CN': '安装之后：每个产品在新终端中能否运行（go version 等），如果不能，原因是什么',
  },
  'cli.command.fleet': {
    en: "summarize many machines' scan results (causes, products, machines to act on first; HTML + CSV)",
    'zh-CN': '汇总多台电脑的检查结果（原因、产品、需要优先处理的电脑；HTML + CSV）',
  },
  // scan
  'cli.scan.heading.simulated': {
    en: 'MSI Doctor scan of the simulated machine "{scenario}"',
    'zh-CN': 'MSI Doctor 对模拟电脑 “{scenario}” 的检查',
  },
  'cli.scan.heading.real': { en: 'MSI Doctor scan of this computer', 'zh-CN': 'MSI Doctor 对这台电脑的检查' },
  'cli.scan.who': { en: '{heading} ({who})', 'zh-CN': '{heading}（{who}）' },
  'cli.scan.symptom': { en: 'Symptom: {codes}', 'zh-CN': '症状：{codes}' },
  'cli.scan.symptom.none': { en: 'Symptom: none given', 'zh-CN': '症状：未提供' },
  'cli.scan.elevation.not-needed': {
    en: 'Administrator checks: not needed',
    'zh-CN': '需要管理员权限的检查：不需要',
  },
  'cli.scan.elevation.granted': {
    en: 'Administrator checks: granted (one administrator prompt)',
    'zh-CN': '需要管理员权限的检查：已允许（一次管理员提示）',
  },
  'cli.scan.elevation.declined': {
    en: 'Administrator checks: declined: the checks that need it were skipped',
    'zh-CN': '需要管理员权限的检查：已拒绝，需要管理员权限的检查项已跳过',
  },
  'cli.scan.elevation.skipped': {
    en: 'Administrator checks: skipped (--no-elevate): the checks that need it were not run',
    'zh-CN': '需要管理员权限的检查：已跳过（--no-elevate），需要管理员权限的检查项没有运行',
  },
  'cli.scan.elevation.failed': {
    en: 'Administrator checks: failed: the checks that need it could not run',
    'zh-CN': '需要管理员权限的检查：失败，需要管理员权限的检查项无法运行',
  },
  'cli.scan.probe-line': { en: '{name}: {status} ({ms} ms{admin})', 'zh-CN': '{name}：{status}（{ms} 毫秒{admin}）' },
  'cli.scan.admin': { en: ', as administrator', 'zh-CN': '，以管理员身份' },
  'cli.scan.probe-error': { en: 'The check failed: {error}', 'zh-CN': '检查失败：{error}' },
  'cli.scan.log': { en: 'Log {file}: {outcome}', 'zh-CN': '日志 {file}：{outcome}' },
  'cli.scan.log.exit': { en: 'exit code {code}', 'zh-CN': '退出代码 {code}' },
  'cli.scan.log.error': { en: 'error {code}', 'zh-CN': '错误 {code}' },
  'cli.scan.log.failed-action': { en: 'failed action {action}', 'zh-CN': '失败的操作 {action}' },
  'cli.scan.log.not-analyzed': { en: 'Log {file}: not analyzed: {problem}', 'zh-CN': '日志 {file}：未分析：{problem}' },
  'cli.scan.took': { en: 'Scan {scanId} took {ms} ms.', 'zh-CN': '检查 {scanId} 用时 {ms} 毫秒。' },
  'cli.scan.saved-machine': {
    en: 'msi-doctor scan: using the simulated machine as changed by earlier repairs ({dir})',
    'zh-CN': 'msi-doctor scan：使用经过之前修复改动的模拟电脑（{dir}）',
  },
  'cli.scan.result-written': {
    en: 'msi-doctor scan: result written to {file}',
    'zh-CN': 'msi-doctor scan：结果已写入 {file}',
  },
  'cli.scan.cancelled': { en: 'msi-doctor scan: cancelled', 'zh-CN': 'msi-doctor scan：已取消' },
  'cli.scan.scenario-invalid': { en: '(invalid scenario file)', 'zh-CN': '（场景文件无效）' },
  'cli.progress.started': { en: '… {name}', 'zh-CN': '… {name}' },
  'cli.progress.started-admin': { en: '… {name} (as administrator)', 'zh-CN': '… {name}（以管理员身份）' },
  'cli.progress.finished': { en: '{name}: {status} ({ms} ms)', 'zh-CN': '{name}：{status}（{ms} 毫秒）' },
  'cli.progress.countdown': { en: '{step}: {seconds} s left', 'zh-CN': '{step}：还剩 {seconds} 秒' },
  // fix / undo
  'cli.fix.recommended': {
    en: 'Recommended: {repair} (for "{cause}")',
    'zh-CN': '推荐：{repair}（针对“{cause}”）',
  },
  'cli.fix.nothing': {
    en: 'msi-doctor fix: nothing to repair automatically (top finding: {finding}).',
    'zh-CN': 'msi-doctor fix：没有可以自动修复的问题（最可能的结果：{finding}）。',
  },
  'cli.fix.refuse-unconfirmed': {
    en: 'refusing to change this computer without confirmation: run it in a terminal, or pass --yes after reading the plan (--dry-run shows it)',
    'zh-CN': '未经确认不会更改这台电脑：请在终端中运行，或者在阅读修复计划后加上 --yes（--dry-run 会显示计划）',
  },
  'cli.fix.run-now': { en: 'Run this repair now?', 'zh-CN': '现在执行这个修复吗？' },
  'cli.fix.not-confirmed': {
    en: 'Not run: not confirmed. Nothing was changed.',
    'zh-CN': '未执行：您没有确认。电脑没有被更改。',
  },
  'cli.fix.nothing.none': { en: 'none', 'zh-CN': '无' },
  'cli.ask.yes-no': { en: '{question} [y/N] ', 'zh-CN': '{question} [y/N]（输入 y 表示是）' },
  'cli.undo.anyway': { en: 'Undo anyway?', 'zh-CN': '仍然撤销吗？' },
  'cli.undo.which': {
    en: 'name the journal to undo (msi-doctor undo --list shows them)',
    'zh-CN': '请指定要撤销的记录（msi-doctor undo --list 会列出它们）',
  },
  'cli.outcome.succeeded': { en: 'Result: succeeded', 'zh-CN': '结果：成功' },
  'cli.outcome.failed': { en: 'Result: failed', 'zh-CN': '结果：失败' },
  'cli.outcome.cancelled': { en: 'Result: cancelled', 'zh-CN': '结果：已取消' },
  'cli.outcome.elevation-declined': {
    en: 'Result: not run (administrator rights were declined)',
    'zh-CN': '结果：未运行（未获得管理员权限）',
  },
  'cli.outcome.step': { en: '{status}: {step}', 'zh-CN': '{status}：{step}' },
  'cli.outcome.step-exit': {
    en: '{status}: {step} (exit code {code})',
    'zh-CN': '{status}：{step}（退出代码 {code}）',
  },
  'cli.outcome.analysis': { en: 'Log analysis: {outcome}', 'zh-CN': '日志分析：{outcome}' },
  'cli.outcome.verified': { en: 'Verified: {answer}', 'zh-CN': '已验证：{answer}' },
  'cli.outcome.verified.yes': { en: 'yes', 'zh-CN': '是' },
  'cli.outcome.verified.no': { en: 'no', 'zh-CN': '否' },
  'cli.outcome.verified.unknown': { en: 'could not be checked', 'zh-CN': '无法检查' },
  'cli.outcome.reboot': { en: 'A restart is needed to finish.', 'zh-CN': '需要重启电脑才能完成。' },
  'cli.outcome.log': { en: 'New log: {path}', 'zh-CN': '新日志：{path}' },
  'cli.outcome.journal': { en: 'Journal: {journalId}', 'zh-CN': '记录：{journalId}' },
  'cli.outcome.undo': { en: 'Undo with: {command}', 'zh-CN': '撤销命令：{command}' },
  // A plan before it runs (msi-doctor fix): each label carries its own language's colon.
  'cli.plan.risk': { en: 'Risk: {risk}; {undo}', 'zh-CN': '风险：{risk}；{undo}' },
  'cli.plan.steps': { en: 'Steps:', 'zh-CN': '步骤：' },
  'cli.plan.step': { en: '{n}. {step} ({who})', 'zh-CN': '{n}. {step}（{who}）' },
  'cli.plan.step.elevated': { en: 'administrator', 'zh-CN': '管理员' },
  'cli.plan.step.plain': { en: 'as you', 'zh-CN': '当前用户' },
  'cli.plan.backups': { en: 'Backups:', 'zh-CN': '备份：' },
  'cli.plan.warnings': { en: 'Warnings:', 'zh-CN': '注意：' },
  'cli.plan.confirm': { en: 'You will be asked to confirm:', 'zh-CN': '需要您确认：' },
  'cli.journals.none': { en: 'No repair journals.', 'zh-CN': '没有修复记录。' },
  'cli.journals.undo-available': { en: '(undo available)', 'zh-CN': '（可以撤销）' },
  'cli.journals.not-used': { en: 'not used: {problem}', 'zh-CN': '未使用：{problem}' },
  'cli.journals.state.finished': { en: 'finished', 'zh-CN': '已完成' },
  'cli.journals.state.unfinished': { en: 'unfinished', 'zh-CN': '未完成' },
  'cli.journals.state.undone': { en: 'undone', 'zh-CN': '已撤销' },
  'cli.journals.state.cleared': { en: 'nothing changed', 'zh-CN': '没有改动' },
  'cli.journals.state.damaged': { en: 'damaged', 'zh-CN': '已损坏' },
  // report
  'cli.report.written': {
    en: 'Report written: {file} ({format}, {size}, {redaction}, {lang})',
    'zh-CN': '报告已写入：{file}（{format}，{size}，{redaction}，{lang}）',
  },
  'cli.report.no-redact': {
    en: 'WARNING: --no-redact: this report contains user names, the computer name, the domain, SIDs, addresses and possibly passwords. Share it only with people you trust.',
    'zh-CN': '警告：--no-redact：这份报告包含用户名、计算机名、域、SID、地址，可能还有密码。请只分享给您信任的人。',
  },
  'cli.saved-machine-unreadable': {
    en: 'msi-doctor {command}: the saved simulated machine is unreadable; using the scenario as built',
    'zh-CN': 'msi-doctor {command}：保存的模拟电脑无法读取，改用场景的初始状态',
  },
  'cli.report.redacted': { en: 'redacted', 'zh-CN': '已脱敏' },
  'cli.report.not-redacted': { en: 'NOT redacted', 'zh-CN': '未脱敏' },
  'cli.report.size': { en: '{bytes} bytes', 'zh-CN': '{bytes} 字节' },
  'cli.report.simulated': { en: 'Simulated machine: {scenario}.', 'zh-CN': '模拟电脑：{scenario}。' },
  'cli.report.summary_one': {
    en: '{count} check, logs: {logs}, top finding: {finding}',
    'zh-CN': '{count} 项检查，日志：{logs}，最可能的结果：{finding}',
  },
  'cli.report.summary_other': {
    en: '{count} checks, logs: {logs}, top finding: {finding}',
    'zh-CN': '{count} 项检查，日志：{logs}，最可能的结果：{finding}',
  },
  'cli.report.finding': { en: '{title} ({confidence}%)', 'zh-CN': '{title}（{confidence}%）' },
} satisfies TextTable;
