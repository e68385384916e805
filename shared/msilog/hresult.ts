// HRESULT / exit-code helpers: 0x80070643 -> 1603, "0x643" -> 1603.
export { parseCode } from './numbers.ts';

/** The Win32 code wrapped in a FACILITY_WIN32 HRESULT (0x8007xxxx), the code itself when it is small, else null. */
export function hresultToWin32(value: number): number | null {
  const u = value >>> 0;
  if (u < 0x10000) return u;
  if ((u & 0xffff0000) >>> 0 === 0x80070000) return u & 0xffff;
  return null;
}

export function formatHresult(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}
