// What the user tells us: the error they saw (codes or pasted text), log files, the .msi that failed.
import { z } from 'zod';

export const symptomInputSchema = z.object({
  /** Raw text as entered: "2503", "0x80070643", "错误 2503", a pasted dialog, or empty for "not sure". */
  text: z.string().max(20_000).default(''),
});
export type SymptomInput = z.infer<typeof symptomInputSchema>;

/** The symptom normalized: Win32 exit codes and Windows Installer message numbers. */
export const parsedSymptomSchema = z.object({
  input: z.string(),
  /** Win32 / MSI exit codes (1603, 1618...), HRESULT 0x8007xxxx already unwrapped. */
  exitCodes: z.array(z.number().int()),
  /** Windows Installer message numbers seen in dialogs (2503, 1722...). */
  messageNumbers: z.array(z.number().int()),
  /** Where the code came from when not plain MSI: 'hresult', 'burn', 'winget', 'chocolatey', 'intune'. */
  sources: z.array(z.string()),
  /** True when nothing recognisable was found (the UI then offers "check my system"). */
  unknown: z.boolean(),
  /** Human-readable notes ("0x80070643 is 1603 wrapped in an HRESULT"), translatable. */
  notes: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
  /**
   * The text is log lines (pasted from an MSI, Burn, ConfigMgr, Intune or PSADT log), not a message: the wizard
   * analyzes it as a log instead of reading its "Info 1603" lines as error codes.
   */
  looksLikeLog: z.boolean().optional(),
});
export type ParsedSymptom = z.infer<typeof parsedSymptomSchema>;
