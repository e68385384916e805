// Redacts a value along its zod schema: free text (string fields) is redacted, the schema's own words (enum and literal
// values: probe, cause and repair ids, statuses) and field names are kept, so a redacted report is still a valid one.
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
}

/** How one string is redacted, given the object key it sits under (a value is read as what its key says it is). */
export type RedactText = (text: string, key: string | null) => string;
/** How a value the schema does not describe (z.unknown(), a journal line) is redacted: keys and all. */
export type RedactUntyped = (value: unknown, key: string | null) => unknown;

/**
 * A learned identity that equals one of the app's words ("Domain", read from "CONTOSO\Domain Users") must not turn the
 * pending-reboot indicator 'domain-join' into '<user-2>-join' or the elevation field `domain` into `<user-2>`: only
 * what the schema says is text is redacted. A user named "admin" is still redacted in a text field (userName).
 */
export function redactTyped(
  schema: z.ZodType,
  value: unknown,
  text: RedactText,
  untyped: RedactUntyped,
  key: string | null = null,
): unknown {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'enum':
    case 'literal':
      return value;
    case 'string':
      return typeof value === 'string' ? text(value, key) : untyped(value, key);
    case 'nullable':
    case 'optional':
    case 'default':
      return value === null || value === undefined ? value : redactTyped(def.innerType!, value, text, untyped, key);
    case 'pipe':
      return redactTyped(def.in!, value, text, untyped, key);
    case 'array':
      return Array.isArray(value) ? value.map((item) => redactTyped(def.element!, item, text, untyped, key)) : value;
    case 'object':
    case 'record': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return untyped(value, key);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(value)) {
        // Field names are the code's; a record's keys are parameter names the code chose (params.path).
        const field = def.type === 'object' ? def.shape![k] : def.valueType;
        out[k] = field ? redactTyped(field, item, text, untyped, k) : untyped(item, k);
      }
      return out;
    }
    case 'union': {
      // The option the value is (a discriminated union's member, null or the object...): redacted along it.
      const option = def.options!.find((o) => o.safeParse(value).success);
      return option ? redactTyped(option, value, text, untyped, key) : untyped(value, key);
    }
    default:
      return untyped(value, key);
  }
}
