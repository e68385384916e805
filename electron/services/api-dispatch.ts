// One API call through any transport: validate the payload with the contract's zod schema, call the service,
// and return the Result envelope. Shared by the Electron IPC router and the browser preview server.
import { apiRequestSchemas, type ApiFunctionName, type ApiResponses } from '../../shared/contract/api.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import type { AppServices } from './app-services-types.ts';
import { ServiceError } from './service-error.ts';

/** Zod issues as one readable line: "startScan: logPaths.0: expected string". */
function describeIssues(name: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const parts = issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  return `Invalid request for ${name}: ${parts.join('; ')}`;
}

export interface DispatchOptions {
  /** Where unexpected errors go (with their stack) — never to the caller. */
  logError?: (name: string, error: unknown) => void;
}

export async function dispatchApi<N extends ApiFunctionName>(
  services: AppServices,
  name: N,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Result<ApiResponses[N]>> {
  const schema = apiRequestSchemas[name];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) return fail('invalid-input', describeIssues(name, parsed.error.issues));
  try {
    const call = services[name] as (request: unknown) => Promise<ApiResponses[N]>;
    return ok(await call(parsed.data));
  } catch (error) {
    if (error instanceof ServiceError) {
      const failed = fail<ApiResponses[N]>(error.code, error.message);
      if (!failed.ok && error.text) failed.error.text = error.text;
      return failed;
    }
    options.logError?.(name, error);
    // Unexpected: a generic message only; the stack stays in the app log.
    return fail('internal', `MSI Doctor hit an unexpected problem while running ${name}. Details are in the app log.`);
  }
}
