// `msi-doctor verify`: after an install, does each known product work in a NEW terminal? Runs the path-environment
// probe (and, with one administrator prompt, other-user-path), prints each version command's output or why there is
// none, what is wrong with PATH and the open-a-new-terminal advice (or JSON).
import { helpText, langOf } from '../cli-text.ts';
import type { CliCommand } from '../cli-types.ts';
import { usageError } from '../cli-types.ts';
import type { Lang } from '../../../shared/contract/ids.ts';
import { findEvidence } from '../../../shared/contract/evidence.ts';
import { isKnownProductId, KNOWN_PRODUCT_IDS } from '../../../shared/knowledge/known-products.ts';
import { needsNewTerminal, productCheckView } from '../../../shared/knowledge/after-install.ts';
import { probeName, statusWord } from '../../../shared/knowledge/words.ts';
import { translate } from '../../../shared/knowledge/texts.ts';
import { runScan } from '../../services/scan-service.ts';
import { defaultDataDir } from '../../services/data-dir.ts';
import { otherUserPathProbe, pathEnvironmentProbe } from '../../system/probes/index.ts';
import { ASKED_ARGUMENTS, askedProgram, pathEnvironmentProbeAsking } from '../../system/probes/path-environment.ts';
import {
  MACHINE_OPTIONS,
  givenMachineOptions,
  machineScanOptions,
  openSystem,
  parseCommandArgs,
  parseLang,
  rejectTwoMachines,
  restoreSavedMachineOrWarn,
} from '../machine-options.ts';
import { summaryText } from './scan-render.ts';
import { formatFindings } from '../../../shared/diagnosis/format-findings.ts';

export const VERIFY_HELP = helpText('verify', 'en', { products: KNOWN_PRODUCT_IDS.join(', ') });

/** The causes the after-install check can find (the path rule's). */
const AFTER_INSTALL_CAUSES = new Set<string>([
  'program-not-on-path',
  'older-program-on-path',
  'store-alias-on-path',
  'path-change-not-broadcast',
]);

export const verifyCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs('verify', {
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...MACHINE_OPTIONS,
      product: { type: 'string' },
      'no-elevate': { type: 'boolean' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      'run-key-file': { type: 'string' },
      'run-arg': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    const helpLang = langOf(argv);
    io.stdout.write(
      helpText('verify', helpLang, { products: KNOWN_PRODUCT_IDS.join(helpLang === 'zh-CN' ? '、' : ', ') }),
    );
    return 0;
  }
  rejectTwoMachines(values);
  const lang: Lang = parseLang(values.lang, 'en');
  if (values.product !== undefined && !isKnownProductId(values.product))
    throw usageError('verify.unknown-product', { product: values.product, products: KNOWN_PRODUCT_IDS.join(', ') });
  const keyFile = values['run-key-file'] === undefined ? null : askedProgram(values['run-key-file']);
  if (values['run-key-file'] !== undefined && keyFile === null)
    throw usageError('verify.run-key-file', { value: values['run-key-file'] });
  const runArg = values['run-arg'] ?? 'version';
  if (runArg !== 'version' && runArg !== 'help') throw usageError('verify.run-arg', { value: runArg });
  if (values['run-arg'] !== undefined && keyFile === null) throw usageError('verify.run-arg-alone');
  const pathProbe = keyFile ? pathEnvironmentProbeAsking(keyFile, runArg) : pathEnvironmentProbe;
  const system = openSystem(givenMachineOptions(values));
  restoreSavedMachineOrWarn(system, defaultDataDir(), io, { command: 'verify', lang });
  const request = { symptom: '', logPaths: [], msiPath: null, allowElevation: !values['no-elevate'] };
  const options = await machineScanOptions(system, request);
  const result = await runScan(request, { ...options, probes: [pathProbe, otherUserPathProbe] });
  const evidence = findEvidence(result.evidence, 'path-environment');
  const data = evidence?.data ?? null;
  const products = (data?.products ?? []).filter((p) => values.product === undefined || p.id === values.product);
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ schema: 'msi-doctor/verify@1', evidence: result.evidence, findings: result.findings, notChecked: result.notChecked }, null, 2)}\n`,
    );
    return 0;
  }
  const t = (key: string, params: Record<string, string | number> = {}) => translate({ key, params }, lang);
  const lines: string[] = [t('after-install.heading'), ''];
  if (!evidence || !data)
    lines.push(
      evidence
        ? summaryText(evidence.summary, lang)
        : `${translate(probeName('path-environment'), lang)}: ${translate(statusWord('not-checked'), lang)}`,
    );
  else if (products.length === 0) lines.push(t('after-install.none'));
  for (const p of products) {
    const view = productCheckView(p);
    lines.push(`${translate(view.name, lang)} ${translate(view.state, lang)}`);
    if (view.command) lines.push(`  > ${view.command}`);
    if (view.output) for (const line of view.output.split('\n')) lines.push(`    ${line}`);
    else if (view.why) lines.push(`    ${translate(view.why, lang)}`);
  }
  if (data?.asked) {
    const a = data.asked;
    lines.push('', `> ${a.program} ${ASKED_ARGUMENTS[runArg].join(' ')}`);
    const output = `${a.stdout}${a.stderr}`.trim();
    if (a.ran && output) for (const line of output.split(/\r?\n/)) lines.push(`    ${line}`);
    else if (a.ran) lines.push(`    ${t('after-install.no-output', { code: a.exitCode ?? '-' })}`);
    if (a.notRun)
      lines.push(`    ${t(a.exists ? `after-install.not-run.${a.notRun}` : 'after-install.asked.missing')}`);
  }
  if (data && needsNewTerminal(data)) lines.push('', t('after-install.new-terminal'), t('after-install.sign-out'));
  const other = result.evidence.find((e) => e.probe === 'other-user-path');
  if (other && other.status !== 'ok') lines.push('', summaryText(other.summary, lang));
  const findings = result.findings.filter((f) => AFTER_INSTALL_CAUSES.has(f.cause));
  if (findings.length > 0) lines.push('', ...formatFindings(findings, lang));
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
};
