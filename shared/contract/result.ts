// The Result envelope every renderer<->main call returns, and the error codes it may carry.

export type ErrorCode =
  'invalid-input' | 'not-found' | 'forbidden' | 'cancelled' | 'timeout' | 'unavailable' | 'internal';

export interface ResultError {
  code: ErrorCode;
  message: string;
  /** The message in both languages, when the service has it (e.g. why a file is not a log). */
  text?: { en: string; 'zh-CN': string };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ResultError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
