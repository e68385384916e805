// Schema msi-doctor/scenario@1: a scenario file = what differs from the healthy base machine + what it was built to show.
import type { LocalText } from '../../../shared/knowledge/local-text.ts';
import { z } from 'zod';
import { CAUSE_IDS, PROBE_IDS, REPAIR_IDS } from '../../../shared/contract/ids.ts';
import { evidenceStatusSchema } from '../../../shared/contract/evidence.ts';

export const SCENARIO_SCHEMA = 'msi-doctor/scenario@1';

const regValueSchema = z.object({
  type: z.enum(['REG_SZ', 'REG_EXPAND_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_MULTI_SZ', 'REG_BINARY']),
  data: z.union([z.string(), z.number(), z.array(z.string())]),
});

/** How installing a package fails on this machine: a deferred custom action fails inside InstallFinalize and rolls back. */
const installFailureSchema = z
  .object({
    exitCode: z.number().int().positive().default(1603),
    customAction: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'an MSI action name'),
    /** 1722 (a program did not finish), 1721 (could not be run), 1723 (a DLL could not be run), 1720 (a script). */
    message: z.number().int().default(1722),
    /** DLL entry point or command of the custom action; default: its name. */
    entryPoint: z.string().optional(),
    /** What the custom action itself writes to the log before failing (one string per line). */
    detail: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict()
  .transform((f) => ({
    exitCode: f.exitCode,
    customAction: f.customAction,
    message: f.message,
    entryPoint: f.entryPoint ?? f.customAction,
    detail: f.detail === undefined ? [] : typeof f.detail === 'string' ? f.detail.split(/\r?\n/) : f.detail,
  }));

const fileSchema = z.object({
  kind: z.enum(['file', 'dir']).default('file'),
  sddl: z.string().nullable().default(null),
  /** Minutes before the scenario's `now` (default 0). */
  modifiedMinutesAgo: z.number().default(0),
  /** Inline text content, or a file next to the scenario (relative path), written to disk in `encoding`. */
  text: z.string().optional(),
  contentFile: z.string().optional(),
  /** How the content is stored on the simulated disk: MSI verbose logs are UTF-16LE with a BOM. */
  encoding: z.enum(['utf8', 'utf8-bom', 'utf16le', 'cp936']).default('utf8'),
  /** A program's answers: arguments joined by one space ('version', '--version') -> what it prints. */
  runs: z
    .record(
      z.string(),
      z.object({ stdout: z.string(), stderr: z.string().optional(), exitCode: z.number().int().optional() }).strict(),
    )
    .optional(),
  msi: z
    .object({
      productCode: z.string(),
      upgradeCode: z.string(),
      productVersion: z.string(),
      productName: z.string(),
      manufacturer: z.string(),
      allUsers: z.string().default('1'),
      /**
       * A real package behind these facts: the name of a test package (electron/system/msi-packages), built with
       * wixl when it is installed (the .msi reader then reads the real file); without wixl the facts above are used.
       */
      package: z.string().optional(),
      /** Installing it fails this way on this machine (msiexec /i writes the verbose log and returns exitCode). */
      failure: installFailureSchema.optional(),
    })
    .optional(),
});

const processSchema = z.object({
  pid: z.number().int(),
  parentPid: z.number().int().default(740),
  name: z.string(),
  commandLine: z.string(),
  startedMinutesAgo: z.number().default(1),
  sessionId: z.number().int().default(1),
  /** Owner SID; default: the scenario's user. */
  userSid: z.string().optional(),
});

const serviceSchema = z.object({
  displayName: z.string().optional(),
  state: z.enum(['stopped', 'start-pending', 'stop-pending', 'running', 'paused']).optional(),
  pid: z.number().int().nullable().optional(),
  acceptsShutdown: z.boolean().optional(),
  acceptsStop: z.boolean().optional(),
  win32ExitCode: z.number().int().optional(),
  type: z.number().int().optional(),
});

const eventSchema = z.object({
  provider: z.string().default('MsiInstaller'),
  id: z.number().int(),
  minutesAgo: z.number(),
  data: z.array(z.string()),
  binaryHex: z.string().optional(),
  userSid: z.string().optional(),
  recordId: z.number().int().optional(),
});

const productSchema = z.object({
  productCode: z.string(),
  upgradeCode: z.string(),
  name: z.string(),
  version: z.string(),
  manufacturer: z.string().default(''),
  scope: z.enum(['machine', 'user']),
  userSid: z.string().nullable().default(null),
  /** The installed package's code (ProductInfo PackageCode), when it matters (same ProductCode, other build: 1638). */
  packageCode: z.string().optional(),
  /** The Add/Remove Programs entry's InstallLocation. */
  installLocation: z.string().optional(),
  msiState: z.number().int().optional(),
});

export const machineOverridesSchema = z
  .object({
    now: z.string().optional(),
    bootMinutesAgo: z.number().optional(),
    windowsVersion: z.string().optional(),
    identity: z
      .object({
        computerName: z.string(),
        domain: z.string(),
        userName: z.string(),
        displayName: z.string(),
        userSid: z.string(),
        profile: z.string(),
        isAdmin: z.boolean(),
        builtinAdministrator: z.boolean(),
      })
      .partial()
      .optional(),
    locale: z.object({ name: z.string(), oemCodePage: z.number().int() }).partial().optional(),
    elevation: z
      .object({ processElevated: z.boolean(), approve: z.boolean(), adminSid: z.string().regex(/^S-1-[0-9-]+$/) })
      .partial()
      .optional(),
    /** name -> fields to change (null removes the service). */
    services: z.record(z.string(), serviceSchema.nullable()).optional(),
    /** Processes to add (msiexec clients, TiWorker...). */
    processes: z.array(processSchema).optional(),
    /** key -> { value name -> value | null to delete }, or null to delete the key with its subkeys. */
    registry: z.record(z.string(), z.record(z.string(), regValueSchema.nullable()).nullable()).optional(),
    /** path -> entry, or null to delete it. */
    files: z.record(z.string(), fileSchema.nullable()).optional(),
    env: z.record(z.string(), z.string().nullable()).optional(),
    /** Explorer's PATH when a change was written without being broadcast (absent: in step with the registry). */
    explorerPath: z.string().optional(),
    events: z.array(eventSchema).optional(),
    products: z.array(productSchema).optional(),
    msiExecuteMutex: z.enum(['free', 'idle', 'held']).optional(),
    drives: z.array(z.object({ drive: z.string(), freeBytes: z.number(), totalBytes: z.number() })).optional(),
    applocker: z
      .object({ msiRules: z.number().int(), enforcement: z.enum(['not-configured', 'enabled', 'audit-only']) })
      .optional(),
    configMgr: z.object({ rebootPending: z.boolean() }).nullable().optional(),
  })
  .strict();
export type MachineOverrides = z.infer<typeof machineOverridesSchema>;

/** What the scenario was built to show; other helpers' tests are table-driven from it. */
export const scenarioExpectSchema = z.object({
  /** The symptom text to scan with (e.g. '2503', '1618', '' for "not sure"). */
  symptom: z.string(),
  evidence: z.array(
    z.object({
      probe: z.enum(PROBE_IDS),
      status: evidenceStatusSchema,
      /** Dotted paths into the evidence data with the expected value, e.g. {"windowsTemp.usersCanCreate": false}. */
      facts: z.record(z.string(), z.unknown()).optional(),
      /** This probe's evidence needs the elevated batch (status is 'not-checked' when declined). */
      elevated: z.boolean().optional(),
    }),
  ),
  topCause: z.enum(CAUSE_IDS),
  recommendedRepair: z.enum(REPAIR_IDS).nullable(),
});
export type ScenarioExpect = z.infer<typeof scenarioExpectSchema>;

/** A scenario's words in both languages (the built-in catalog has both; a plain string is English only). */
const scenarioText = z.union([
  z.string().transform((en): LocalText => ({ en, 'zh-CN': '' })),
  z.object({ en: z.string().min(1), 'zh-CN': z.string() }).strict(),
]);

export const scenarioSchema = z
  .object({
    schema: z.literal(SCENARIO_SCHEMA),
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'letters, digits and dashes'),
    /** In both languages ({ en, zh-CN }); a user's own scenario file may give one English string. */
    title: scenarioText,
    description: scenarioText,
    /** The .msi the user tried (installed-products reads it), or null. */
    msiPath: z.string().nullable().default(null),
    /** Log files the user gives (paths on the simulated disk). */
    logPaths: z.array(z.string()).default([]),
    machine: machineOverridesSchema.default({}),
    expect: scenarioExpectSchema,
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;
