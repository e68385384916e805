// ServiceError: an expected failure of an app service, carrying the Result error code the transports return.
import type { ErrorCode } from '../../shared/contract/result.ts';
import type { LocalText } from '../../shared/knowledge/local-text.ts';

/** Thrown by services for failures the user can act on; its message is shown as-is, so it must be plain words. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  /** The message in both languages, when known (the renderer shows the user's language). */
  readonly text: LocalText | undefined;
  constructor(code: ErrorCode, message: string, text?: LocalText) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.text = text;
  }
}
