// Finding: one ranked cause the diagnosis proposes, with its confidence, its reasons and its repairs.
import { z } from 'zod';
import { CAUSE_IDS, REPAIR_IDS } from './ids.ts';
import { evidenceRefSchema, textRefSchema } from './evidence.ts';
import { repairParamsSchema } from './repair.ts';

export const findingSchema = z.object({
  cause: z.enum(CAUSE_IDS),
  /** 0..1, calibrated: several agreeing signals beat one. */
  confidence: z.number().min(0).max(1),
  /**
   * 'security' findings are reported whatever the symptom; 'info' is no cause (the all-clear "no problem found", plain
   * information): views read this, never the cause id.
   */
  kind: z.enum(['cause', 'security', 'info']),
  title: textRefSchema,
  explanation: textRefSchema,
  /**
   * One sentence naming this cause on this machine specifically (the custom action and what went wrong, the process,
   * the folder), when the evidence names it; shown first, before the general explanation.
   */
  headline: textRefSchema.optional(),
  /**
   * What the user does first, by hand, when the fix is theirs to make (remove a leftover service, install a
   * prerequisite): shown with the answer; the repairs then read as what follows it ("install again").
   */
  nextStep: textRefSchema.optional(),
  /** Plain-word reasons ("C:\Windows\Temp denies Users create"), each a translatable sentence. */
  reasons: z.array(textRefSchema),
  supporting: z.array(evidenceRefSchema),
  contradicting: z.array(evidenceRefSchema),
  /** Safest effective first. */
  repairs: z.array(z.enum(REPAIR_IDS)),
  /** Manual steps (knowledge keys) when no automated repair applies. */
  manualSteps: z.array(textRefSchema),
  /** Ids of myths (dangerous advice) to warn about on this path. */
  myths: z.array(z.string()),
  /**
   * What each repair acts on in this situation, as the diagnosis found it (the stuck client's PID, the installed
   * product's code): the main process plans from these, so the renderer never derives Windows facts itself.
   */
  repairParams: z.partialRecord(z.enum(REPAIR_IDS), repairParamsSchema).optional(),
});
export type Finding = z.infer<typeof findingSchema>;
