// Known reasons a package's own step (custom action) fails, recognized by numbers first: what each means and what to do.
import type { RepairId } from '../contract/ids.ts';
import type { LocalText, TextTable } from './local-text.ts';
import { localText } from './local-text.ts';

export const FAILURE_PATTERN_IDS = [
  'service-exists',
  'service-marked-for-deletion',
  'access-denied',
  'file-in-use',
  'prerequisite-missing',
] as const;
export type FailurePatternId = (typeof FAILURE_PATTERN_IDS)[number];

export interface FailurePattern {
  id: FailurePatternId;
  /** Win32 error numbers (also read out of HRESULTs 0x8007xxxx): locale-independent, checked first. */
  win32: number[];
  /** Whole HRESULTs that are not Win32 codes (0x80131700: no .NET runtime). */
  hresults: number[];
  /** Windows Installer message numbers of the log's error lines ("Error 1306"). */
  msiErrors: number[];
  /**
   * Last resort, only when no number matched: the system's own message as Windows prints it in a language we know
   * (the log's own text, English or Chinese), lower-cased. Never our words: a German log simply goes unmatched.
   */
  systemPhrases: string[];
  /** One sentence naming the custom action ({action}) and saying in plain words what went wrong. */
  headline: LocalText;
  /** The next step that matches (a manual step; the repairs below are offered as buttons). */
  step: LocalText;
  /** Repairs that match this pattern, safest effective first; the elevated retry is "install again" after the step. */
  repairs: RepairId[];
  /** The step is the fix and comes first (by hand); the repairs only follow it. False: the first repair is the fix. */
  stepFirst: boolean;
}

const RETRY: RepairId = 'retry-install-elevated-logged';

export const FAILURE_PATTERNS: readonly FailurePattern[] = [
  {
    id: 'service-exists',
    win32: [1073, 1078],
    hresults: [],
    msiErrors: [],
    systemPhrases: [
      'the specified service already exists',
      '指定的服务已存在',
      'name is already in use as either a service',
    ],
    headline: localText(
      'The package step {action} could not create its Windows service: a service with the same name already exists on this computer, left over from an earlier install.',
      '安装包步骤 {action} 无法创建它的 Windows 服务：这台电脑上已经有一个同名服务，是以前的安装遗留下来的。',
    ),
    step: localText(
      'Remove what the earlier install left behind: uninstall the earlier or partly installed version in Settings > Apps > Installed apps, restart the computer, then install again. If no earlier version is listed, send the vendor the report: they can tell you how to remove their leftover service safely.',
      '先清除以前的安装留下的内容：在“设置”>“应用”>“已安装的应用”中卸载以前的版本或只安装了一部分的版本，重启电脑，然后再安装。如果列表中没有以前的版本，请把报告发给软件厂商：他们可以告诉您如何安全地删除遗留的服务。',
    ),
    repairs: [RETRY],
    stepFirst: true,
  },
  {
    id: 'service-marked-for-deletion',
    win32: [1072],
    hresults: [],
    msiErrors: [],
    systemPhrases: ['the specified service has been marked for deletion', '指定的服务已标记为删除'],
    headline: localText(
      'The package step {action} could not create its Windows service: a service of that name is still being removed, and Windows finishes removing it only at the next restart.',
      '安装包步骤 {action} 无法创建它的 Windows 服务：同名服务正在被删除，Windows 要到下次重启时才会删完。',
    ),
    step: localText(
      'Close the Services window if it is open, restart the computer, then install again.',
      '如果“服务”窗口已打开，请先关闭它，然后重启电脑，再重新安装。',
    ),
    repairs: ['restart-computer', RETRY],
    stepFirst: false,
  },
  {
    id: 'access-denied',
    win32: [5, 1314],
    hresults: [],
    msiErrors: [1303, 1310, 1406, 1409, 1925],
    systemPhrases: ['access is denied', '拒绝访问'],
    headline: localText(
      'The package step {action} was refused access (Windows error "access denied"): it did not have the rights it needed, or security software blocked it.',
      '安装包步骤 {action} 被拒绝访问（Windows 错误“拒绝访问”）：它没有所需的权限，或者被安全软件阻止了。',
    ),
    step: localText(
      'Install again as administrator. If it was already elevated, the quoted line names what it could not open: check whether security software blocked it (its quarantine or history list) and allow the installer, then install again.',
      '以管理员身份重新安装。如果已经是以管理员身份运行的，引用的那一行写明了它无法打开的对象：检查安全软件是否阻止了它（查看其隔离区或历史记录），允许该安装程序后再重新安装。',
    ),
    repairs: [RETRY],
    stepFirst: false,
  },
  {
    id: 'file-in-use',
    win32: [32, 33, 1224],
    hresults: [],
    msiErrors: [1306],
    systemPhrases: ['being used by another process', '另一个程序正在使用此文件', '另一个程序已锁定文件的一部分'],
    headline: localText(
      'The package step {action} could not change a file because a running program has it open.',
      '安装包步骤 {action} 无法修改某个文件，因为有正在运行的程序打开了它。',
    ),
    step: localText(
      'Close the program the quoted line names (or the product you are installing, if it is running), or restart the computer to free the file, then install again.',
      '关闭引用的那一行中提到的程序（如果正在安装的产品本身正在运行，也请关闭它），或重启电脑以释放该文件，然后再重新安装。',
    ),
    repairs: ['restart-computer', RETRY],
    stepFirst: false,
  },
  {
    id: 'prerequisite-missing',
    win32: [126, 1157, 14001],
    hresults: [0x80131700],
    msiErrors: [1935],
    systemPhrases: ['could not load file or assembly', 'the specified module could not be found', '找不到指定的模块'],
    headline: localText(
      'The package step {action} could not run because a component it needs is missing (a runtime such as .NET or Visual C++, or another prerequisite of the product).',
      '安装包步骤 {action} 无法运行，因为缺少它需要的组件（例如 .NET 或 Visual C++ 运行库，或该产品的其他先决组件）。',
    ),
    step: localText(
      "Install the prerequisites the vendor's system requirements list (often a .NET or Visual C++ runtime; the quoted line may name the file it could not load), then install again.",
      '安装软件厂商在系统要求中列出的先决组件（通常是 .NET 或 Visual C++ 运行库；引用的那一行可能写明了它无法加载的文件），然后再重新安装。',
    ),
    repairs: [RETRY],
    stepFirst: true,
  },
];

/** A custom action failed and no known pattern explains it: still name it. */
export const CUSTOM_ACTION_HEADLINE = localText(
  'The package step {action} (a custom action of the package itself) reported an error, and Windows Installer undid the installation. Its own last words are quoted below.',
  '安装包步骤 {action}（安装包自身的自定义操作）报告了错误，于是 Windows Installer 撤销了这次安装。下面引用了它自己输出的最后一句话。',
);

export const failurePatternKeys = {
  headline: (id: FailurePatternId) => `failure.${id}.headline`,
  step: (id: FailurePatternId) => `failure.${id}.step`,
  customAction: 'failure.custom-action.headline',
};

export const FAILURE_PATTERN_TEXTS: TextTable = Object.fromEntries([
  [failurePatternKeys.customAction, CUSTOM_ACTION_HEADLINE],
  ...FAILURE_PATTERNS.flatMap((p) => [
    [failurePatternKeys.headline(p.id), p.headline],
    [failurePatternKeys.step(p.id), p.step],
  ]),
]);
