// Schema msi-doctor/log-analysis@1: what the log analyzer says about one MSI / Burn log (validated with zod).
import { z } from 'zod';
import { CAUSE_IDS } from './ids.ts';
import { deploymentSchema } from './deployment.ts';
import { LOG_ANALYSIS_SCHEMA } from './log-analysis-id.ts';

export { LOG_ANALYSIS_SCHEMA };

/** Exit codes, HRESULTs and message numbers as logs write them: a signed or unsigned 32-bit value. */
export const code32Schema = z.number().int().min(-2147483648).max(4294967295);

/** configmgr / intune / psadt: a deployment tool's log (shared/deploylog), with `deployments`. */
export const logFormatSchema = z.enum(['msi-verbose', 'msi-basic', 'burn', 'configmgr', 'intune', 'psadt', 'unknown']);
export const operationSchema = z.enum([
  'install',
  'uninstall',
  'repair',
  'modify',
  'patch',
  'admin',
  'advertise',
  'unknown',
]);
export const outcomeSchema = z.enum(['success', 'failure', 'cancelled', 'reboot-required', 'incomplete']);

export const failedActionSchema = z.object({
  /** The culprit: the custom action that failed inside a deferred script, or the failing action itself. */
  name: z.string(),
  /** The sequence action that returned 3 (InstallExecute, InstallFinalize...), or the same as name. */
  sequenceAction: z.string(),
  /** 1-based line of the "Action ended ... Return value 3" line. */
  line: z.number().int(),
  customAction: z.boolean(),
});

export const logErrorSchema = z.object({
  /** Windows Installer message number (Error 1722), not an exit code. */
  code: code32Schema,
  line: z.number().int(),
  text: z.string(),
});

/** The one line that explains the failure in the culprit's own words (redacted), and where it is (1-based). */
export const logReasonSchema = z.object({ text: z.string(), line: z.number().int() });

export const logCauseSchema = z.object({
  id: z.enum(CAUSE_IDS),
  confidence: z.number().min(0).max(1),
  lines: z.array(z.number().int()),
  /** Shown first: a custom action's output before it returned, the process holding files, the service that failed... */
  reason: logReasonSchema.nullable().optional(),
});

export const evidenceLineSchema = z.object({ line: z.number().int(), text: z.string() });

export const burnPackageSchema = z.object({
  id: z.string(),
  exitCode: code32Schema.nullable(),
  hresult: z.string().nullable(),
  logPath: z.string().nullable(),
  /** Times the bootstrapper retried the package before its last result. */
  retries: z.number().int().min(0).optional(),
});

/** A tool that ran msiexec and printed its own result around the log (winget, Chocolatey, PSADT, Ansible). */
export const logWrapperSchema = z.object({
  tool: z.enum(['winget', 'chocolatey', 'psadt', 'ansible']),
  /** The tool's own result (winget's 0x8A150006 as -1978335226), when the text gives it. */
  exitCode: code32Schema.nullable(),
  exitCodeText: z.string().nullable(),
  /** The installer's exit code the tool reports ("ShellExecute installer failed: 1603"). */
  installerExitCode: code32Schema.nullable(),
  line: z.number().int(),
});

export const logAnalysisSchema = z.object({
  schema: z.literal(LOG_ANALYSIS_SCHEMA),
  file: z.string(),
  format: logFormatSchema,
  encoding: z.string(),
  operation: operationSchema,
  product: z.object({
    name: z.string().nullable(),
    version: z.string().nullable(),
    productCode: z.string().nullable(),
  }),
  outcome: outcomeSchema,
  exitCode: code32Schema.nullable(),
  /** The exit code as the log wrote it when it is not a 32-bit number (exitCode is then null). */
  exitCodeText: z.string().nullable().optional(),
  failedAction: failedActionSchema.nullable(),
  errors: z.array(logErrorSchema),
  primaryError: code32Schema.nullable(),
  causes: z.array(logCauseSchema),
  evidence: z.array(evidenceLineSchema),
  // Everything below is extra detail for humans and the UI.
  installerVersion: z.string().nullable(),
  processes: z.array(z.object({ role: z.enum(['client', 'server', 'custom-action']), pid: code32Schema })),
  sessions: z.number().int(),
  lineCount: z.number().int(),
  byteCount: z.number().int(),
  burn: z
    .object({
      failingPackage: z.string().nullable(),
      packages: z.array(burnPackageSchema),
      hresult: z.string().nullable(),
    })
    .nullable(),
  /** Text printed by the tool that ran msiexec, when the log was pasted with it. */
  wrapper: logWrapperSchema.nullable().optional(),
  /** An upgrade whose removal of the old version failed (RemoveExistingProducts, 1714): that old product. */
  oldProduct: z.object({ name: z.string().nullable(), productCode: z.string().nullable() }).nullable().optional(),
  /** Deployment-tool logs only: each install attempt found, in file order. */
  deployments: z.array(deploymentSchema).optional(),
  /** Deployment-tool logs only: index in `deployments` of the attempt the top-level fields describe. */
  primaryDeployment: z.number().int().nullable().optional(),
});

export type LogAnalysis = z.infer<typeof logAnalysisSchema>;
export type LogFormat = z.infer<typeof logFormatSchema>;
export type Operation = z.infer<typeof operationSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type FailedAction = z.infer<typeof failedActionSchema>;
