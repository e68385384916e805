// en + zh-CN texts that tell a session (shared/session/session-story.ts): what the user chose, what was found, what
// was done, whether it worked, and what is still worth knowing. The wizard, the report, the history and the CLI use them.
import type { TextTable } from '../local-text.ts';

export const SESSION_TEXTS = {
  // ------------------------------------------------------------ what the user chose (step 1's cards)
  'symptom.card.code-2503.title': { en: 'Error 2503 or 2502', 'zh-CN': '错误 2503 或 2502' },
  'symptom.card.code-2503.desc': {
    en: '“The installer has encountered an unexpected error installing this package.”',
    'zh-CN': '“安装程序在安装此程序包时遇到意外错误。”',
  },
  'symptom.card.code-1618.title': { en: 'Error 1618', 'zh-CN': '错误 1618' },
  'symptom.card.code-1618.desc': {
    en: '“Another installation is already in progress.”',
    'zh-CN': '“另一个程序正在安装。”',
  },
  'symptom.card.code-1603.title': { en: 'Error 1603', 'zh-CN': '错误 1603' },
  'symptom.card.code-1603.desc': {
    en: '“A fatal error occurred during installation.”',
    'zh-CN': '“安装时发生严重错误。”',
  },
  'symptom.card.other-code.title': { en: 'Another error code', 'zh-CN': '其他错误代码' },
  'symptom.card.other-code.desc': {
    en: 'Type the code or paste the message (or the log lines) you saw.',
    'zh-CN': '输入您看到的代码，或粘贴提示内容（或日志内容）。',
  },
  'symptom.card.company-deploy.title': {
    en: 'My company installs this for me (Configuration Manager, Intune)',
    'zh-CN': '公司替我安装这个软件（Configuration Manager、Intune）',
  },
  'symptom.card.company-deploy.desc': {
    en: 'Software Center or Company Portal says it failed. Type the code it shows, if any.',
    'zh-CN': '软件中心或公司门户显示安装失败。如有错误代码，请输入。',
  },
  'symptom.card.log.title': { en: 'I have a log file', 'zh-CN': '我有日志文件' },
  'symptom.card.log.desc': {
    en: 'Open or drop one or more installer logs.',
    'zh-CN': '打开或拖入一个或多个安装日志。',
  },
  'symptom.card.unsure.title': { en: 'Not sure', 'zh-CN': '不确定' },
  'symptom.card.unsure.desc': { en: 'Check my computer for the usual causes.', 'zh-CN': '帮我检查电脑上的常见原因。' },
  'session.chose': { en: 'You chose: {choice}', 'zh-CN': '您选择了：{choice}' },
  'session.typed': { en: 'You entered: “{text}”', 'zh-CN': '您输入了：“{text}”' },
  'session.gave-logs': { en: 'Logs you gave: {files}', 'zh-CN': '您提供的日志：{files}' },

  // ------------------------------------------------------------ found -> did -> verified
  'session.found': { en: 'Found: {cause}', 'zh-CN': '发现：{cause}' },
  'session.found.none': {
    en: 'Found: nothing on this computer that explains the failure',
    'zh-CN': '发现：这台电脑上没有能解释这次失败的问题',
  },
  'session.did': { en: 'Did: {repairs}', 'zh-CN': '已执行：{repairs}' },
  'session.did.none': { en: 'Did: nothing yet', 'zh-CN': '已执行：尚未执行任何修复' },
  'session.did.item': { en: '{repair} ({result})', 'zh-CN': '{repair}（{result}）' },
  'session.worth-knowing': { en: 'Still worth knowing', 'zh-CN': '仍值得了解' },
  'session.worth-knowing.none': { en: 'Nothing else was found.', 'zh-CN': '没有发现其他问题。' },

  // The result of one repair, in a list ("Restore the permissions (verified: the cause is gone)").
  'session.result.running': { en: 'running', 'zh-CN': '正在运行' },
  'session.result.awaiting-restart': { en: 'waiting for the restart', 'zh-CN': '等待重启' },
  'session.result.fixed': { en: 'verified: the cause is gone', 'zh-CN': '已验证：原因已消除' },
  'session.result.unverified': {
    en: 'done; it cannot be checked automatically',
    'zh-CN': '已完成；无法自动检查',
  },
  'session.result.still-there': { en: 'done, but the cause is still there', 'zh-CN': '已完成，但原因仍然存在' },
  'session.result.fix-failed': { en: 'did not complete', 'zh-CN': '未能完成' },
  'session.result.interrupted': { en: 'stopped before it finished', 'zh-CN': '在完成前中断' },
  'session.result.undone': { en: 'undone', 'zh-CN': '已撤销' },
  'session.result.install-passed': { en: 'the install succeeded', 'zh-CN': '安装成功' },
  'session.result.install-failed': { en: 'the install failed again', 'zh-CN': '安装再次失败' },
  'session.result.diagnosed': { en: 'not run', 'zh-CN': '未执行' },
  'session.result.no-problem': { en: 'not run', 'zh-CN': '未执行' },

  // The one banner of the session's state (also the "Verified:" line of summaries and reports).
  'session.state.diagnosed': {
    en: 'Not fixed yet: choose a fix below.',
    'zh-CN': '尚未修复：请在下方选择一个修复方法。',
  },
  'session.state.no-problem': {
    en: 'Nothing to fix was found on this computer.',
    'zh-CN': '在这台电脑上没有发现需要修复的问题。',
  },
  'session.state.running': { en: 'A fix is running: {repair}.', 'zh-CN': '正在执行修复：{repair}。' },
  'session.state.awaiting-restart': {
    en: 'Windows restarts at {time}. When it is back, MSI Doctor opens again and checks that the restart did its job.',
    'zh-CN': 'Windows 将在 {time} 重启。重启完成后，MSI Doctor 会再次打开，并检查重启是否解决了问题。',
  },
  'session.state.fixed': { en: 'Verified: the cause is gone.', 'zh-CN': '已验证：原因已消除。' },
  'session.state.unverified': {
    en: 'Done. MSI Doctor cannot check this automatically: run your installer again to see.',
    'zh-CN': '已完成。MSI Doctor 无法自动检查这一项：请再次运行您的安装程序看看。',
  },
  'session.state.still-there': {
    en: 'Checked: the cause is still there. Try the next fix.',
    'zh-CN': '已检查：原因仍然存在。请尝试下一个修复方法。',
  },
  'session.state.fix-failed': {
    en: 'Not fixed: the fix did not complete. Try the next fix.',
    'zh-CN': '未修复：修复没有完成。请尝试下一个修复方法。',
  },
  'session.state.interrupted': {
    en: 'Interrupted: MSI Doctor stopped while the fix was running.',
    'zh-CN': '已中断：修复运行时 MSI Doctor 停止了。',
  },
  'session.state.undone': {
    en: 'Undone: everything is back as it was, so the cause is back too.',
    'zh-CN': '已撤销：一切都已恢复原样，所以原因也回来了。',
  },
  'session.state.install-passed': {
    en: 'Verified: your installer ran and succeeded.',
    'zh-CN': '已验证：您的安装程序已运行并成功完成。',
  },
  'session.state.install-failed': {
    en: 'Checked: your installer failed again. Here is what its new log shows.',
    'zh-CN': '已检查：您的安装程序再次失败。以下是新日志显示的内容。',
  },
} satisfies TextTable;
