// One install attempt read from a deployment tool's log (ConfigMgr, Intune, PSAppDeployToolkit): part of log-analysis@1.
import { z } from 'zod';

export const DEPLOY_TOOLS = ['configmgr', 'intune', 'psadt'] as const;
export type DeployTool = (typeof DEPLOY_TOOLS)[number];

/**
 * What the tool made of the attempt. A restart code (3010/1641) is a success with `restart` set (the installed
 * product is there; the tool restarts or asks to); 'retry' = the tool runs it again by itself (fast-retry code,
 * download timeout, user deferral); 'not-detected' = the installer reported success but the detection rule then
 * found nothing; 'unknown' = the log ends before the attempt's result.
 */
export const deployOutcomeSchema = z.enum(['success', 'failure', 'retry', 'not-detected', 'unknown']);
export type DeployOutcome = z.infer<typeof deployOutcomeSchema>;

/** Where a failed (or retried / undetected) attempt stopped. download + content-hash are the "content" stage. */
export const deployStageSchema = z.enum([
  'download',
  'content-hash',
  'requirements',
  'dependency',
  'install',
  'detection',
]);
export type DeployStage = z.infer<typeof deployStageSchema>;

/** The tool's reading of an exit code (its return-code table, or its documented default). */
export const exitMeaningSchema = z.enum(['success', 'soft-reboot', 'hard-reboot', 'retry', 'failure', 'deferred']);
export type ExitMeaning = z.infer<typeof exitMeaningSchema>;

/** Closed list of things the log showed about an attempt; diagnosis and renderers explain each one. */
export const DEPLOY_FACTS = [
  /** ConfigMgr: the code matched a FastRetry entry; Intune: "defined as Retry". */
  'retry-code',
  /** ConfigMgr: "Unmatched exit code (N) is considered an execution failure". */
  'unmatched-exit-code',
  /** Intune: "Admin did NOT set mapping for lpExitCode". */
  'no-return-code-mapping',
  /** Intune: every retry returned a retry code, then the app was reported as failed. */
  'retries-exhausted',
  /** The installer ran past the tool's time limit and was stopped. */
  'installer-timeout',
  /** Detection found the app before anything ran: nothing to install. */
  'already-installed',
  /** The installer reported success, then the detection rule found nothing. */
  'not-detected-after-install',
  /** Intune: a requirement rule was not met, but the app is detected, so it counts as installed. */
  'requirement-not-met-but-detected',
  /** A requirement rule excluded this device. */
  'requirement-not-met',
  /** Content: no distribution point / source offered the content. */
  'content-no-location',
  /** Content: the downloaded file's hash did not match. */
  'content-hash-mismatch',
  /** Content: the download did not finish within the tool's time limit. */
  'download-timeout',
  /** Intune: a Delivery Optimization job failed (IME falls back to the CDN: not the outcome by itself). */
  'delivery-optimization-error',
  /** Intune: the failure is kept for about 24 hours before the next attempt (global re-evaluation schedule). */
  'retry-after-grs',
  /** PSADT: waited for the Windows Installer mutex (_MSIExecute). */
  'mutex-wait',
  /** PSADT: the mutex stayed busy for the whole wait: another installation was running. */
  'mutex-timeout',
  /** PSADT: the user deferred the installation. */
  'user-deferred',
  /** PSADT: an installer failed but the toolkit's final exit code says success. */
  'installer-failure-masked',
  /** PSADT: the script itself stopped on an error (error record). */
  'script-error',
  /** Another app this one depends on failed first. */
  'dependency-failed',
] as const;
export type DeployFact = (typeof DEPLOY_FACTS)[number];

export const deploymentSchema = z.object({
  tool: z.enum(DEPLOY_TOOLS),
  /** The log part it came from: AppEnforce, execmgr, content (CAS/CTM), AppIntentEval, AppWorkload, PSADT... */
  source: z.string(),
  /** The name the log gives it: ConfigMgr deployment type or program, Intune app name, PSADT installName. */
  application: z.string().nullable(),
  /** The tool's id of it: ConfigMgr ScopeId_/DeploymentType_ or content id, Intune app (policy) id. */
  appId: z.string().nullable(),
  deploymentType: z.enum(['install', 'uninstall', 'repair']).nullable(),
  context: z.enum(['system', 'user']).nullable(),
  /** The command exactly as the log prints it. */
  commandLine: z.string().nullable(),
  /** Where the command ran (ccmcache, IMECache, PSADT's Files folder): relative paths on the command line start here. */
  workingDirectory: z.string().nullable(),
  /** The attempt's exit code (for PSADT the toolkit's final code; unsigned 32-bit for Intune). */
  exitCode: z.number().int().nullable(),
  /** The installer's own exit code when the log shows it separately (PSADT runs msiexec inside the session). */
  installerExitCode: z.number().int().nullable(),
  exitMeaning: exitMeaningSchema.nullable(),
  /** 'matched' = the tool's return-code table lists it; 'unmatched' = it does not (a failure); 'default' = no mapping line, the tool's default table applied. */
  mapping: z.enum(['matched', 'unmatched', 'default']).nullable(),
  /** The code the admin console shows, as hex (0x80070643, 0x87D1041C, 0x87D00215). */
  reportedCode: z.string().nullable(),
  outcome: deployOutcomeSchema,
  restart: z.enum(['soft', 'hard']).nullable(),
  /** Set when the attempt did not end in success. */
  stage: deployStageSchema.nullable(),
  /** Local time as ISO-8601, with the offset when the log gives one reliably. */
  started: z.string().nullable(),
  ended: z.string().nullable(),
  /** The path after /l*v (/L*V, /log...) on the command line, without quotes, as printed. */
  msiLogPath: z.string().nullable(),
  /** PSADT: the command line of the installation that held the Windows Installer mutex. */
  blockedBy: z.string().nullable(),
  /** Intune: the dependency (app id or name) whose failure stopped this app. */
  dependsOn: z.string().nullable(),
  /** The detection rule's product code when the log names one (ConfigMgr / Intune MSI detection). */
  detectionProductCode: z.string().nullable(),
  facts: z.array(z.enum(DEPLOY_FACTS)),
  /** 1-based line numbers (first line of each record) that show this attempt. */
  evidence: z.array(z.number().int()),
});
export type Deployment = z.infer<typeof deploymentSchema>;
