// ServiceError: an expected failure of an app service, carrying the Result error code the transports return.
import type { ErrorCode } from '../../shared/contract/result.ts';

/** Thrown by services for failures the user can act on; its message is shown as-is, so it must be plain words. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}
