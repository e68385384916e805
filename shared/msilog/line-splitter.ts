// Splits decoded text into lines on CRLF, LF or a stray CR, including separators split across chunks.

export interface LineSplitter {
  push(text: string): void;
  end(): void;
}

/** Longest partial line kept; a "line" longer than this is cut so memory stays bounded on garbage input. */
export const MAX_LINE_CHARS = 64 * 1024;

export function createLineSplitter(onLine: (line: string) => void): LineSplitter {
  let carry = '';
  let skipLeadingLf = false; // the previous chunk ended with CR: a LF at the start of this one belongs to it

  function push(text: string): void {
    let start = 0;
    const n = text.length;
    if (skipLeadingLf) {
      skipLeadingLf = false;
      if (n > 0 && text.charCodeAt(0) === 10) start = 1;
    }
    let pos = start;
    // Cached next separator positions: re-searching for a CR absent from an LF-only file would be quadratic.
    let lf = -2;
    let cr = -2;
    while (pos < n) {
      if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      let end: number;
      let next: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        end = cr;
        if (cr + 1 < n) next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        else {
          next = n;
          skipLeadingLf = true;
        }
      } else if (lf !== -1) {
        end = lf;
        next = lf + 1;
      } else break;
      const piece = text.slice(pos, end);
      if (carry) {
        onLine(carry + piece);
        carry = '';
      } else onLine(piece);
      pos = next;
    }
    if (pos < n) {
      carry += text.slice(pos);
      if (carry.length > MAX_LINE_CHARS) {
        onLine(carry.slice(0, MAX_LINE_CHARS));
        carry = '';
      }
    }
  }

  return {
    push,
    end() {
      if (carry) onLine(carry);
      carry = '';
    },
  };
}
