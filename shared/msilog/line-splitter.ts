// Splits decoded text into lines on CRLF, LF or a stray CR, including separators split across chunks.

export interface LineSplitter {
  push(text: string): void;
  end(): void;
}

/** Longest line kept; the rest of a longer line is dropped (line numbers stay right, memory stays bounded). */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * onLine receives the decoded chunk and the line's offsets in it: the analyzer slices only the lines it keeps,
 * which spares a string allocation for most lines of a multi-GB log.
 */
export function createLineSplitter(onLine: (text: string, start: number, end: number) => void): LineSplitter {
  let carry = '';
  let skipLeadingLf = false; // the previous chunk ended with CR: a LF at the start of this one belongs to it

  function emit(text: string, start: number, end: number): void {
    if (carry) {
      const line =
        carry.length < MAX_LINE_CHARS ? carry + text.slice(start, Math.min(end, start + MAX_LINE_CHARS)) : carry;
      carry = '';
      const cut = line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line;
      onLine(cut, 0, cut.length);
    } else onLine(text, start, end - start > MAX_LINE_CHARS ? start + MAX_LINE_CHARS : end);
  }

  function push(text: string): void {
    const n = text.length;
    if (n === 0) return;
    let pos = 0;
    if (skipLeadingLf) {
      skipLeadingLf = false;
      if (text.charCodeAt(0) === 10) pos = 1;
    }
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
      emit(text, pos, end);
      pos = next;
    }
    if (pos < n && carry.length < MAX_LINE_CHARS) carry += text.slice(pos, pos + MAX_LINE_CHARS);
  }

  return {
    push,
    end() {
      if (carry) emit('', 0, 0);
      carry = '';
    },
  };
}
