// MSI stream names: Windows Installer packs two name characters into one UTF-16 code unit (0x3800-0x47FF), one into
// 0x4800-0x483F, and marks table streams with a leading 0x4840. This decodes a directory name into its real name.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz._';
const TABLE_MARK = 0x4840;

export interface MsiStreamName {
  name: string;
  /** A table's data stream (as opposed to a Binary/Icon/cabinet stream or \u0005SummaryInformation). */
  table: boolean;
}

export function decodeStreamName(raw: string): MsiStreamName {
  let name = '';
  let table = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (i === 0 && c === TABLE_MARK) table = true;
    else if (c >= 0x3800 && c < 0x4800) {
      const v = c - 0x3800;
      name += ALPHABET[v & 0x3f]! + ALPHABET[(v >> 6) & 0x3f]!;
    } else if (c >= 0x4800 && c < TABLE_MARK) name += ALPHABET[c - 0x4800]!;
    else name += raw[i]!;
  }
  return { name, table };
}

/** The directory name Windows Installer gives a stream (inverse of decodeStreamName; used by test builders). */
export function encodeStreamName(name: string, table: boolean): string {
  let out = table ? String.fromCharCode(TABLE_MARK) : '';
  const index = (ch: string | undefined) => (ch === undefined ? -1 : ALPHABET.indexOf(ch));
  for (let i = 0; i < name.length; i++) {
    const a = index(name[i]);
    if (a < 0) {
      out += name[i];
      continue;
    }
    const b = index(name[i + 1]);
    if (b >= 0) {
      out += String.fromCharCode(0x3800 + a + (b << 6));
      i++;
    } else out += String.fromCharCode(0x4800 + a);
  }
  return out;
}
