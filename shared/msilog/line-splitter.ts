// Splits decoded text into lines on CRLF, LF or a stray CR, including separators split across chunks.

export interface LineSplitter {
  push(text: string): void;
  end(): void;
}

/** Longest line passed on at once; the rest of a longer line is dropped or comes in pieces (memory stays bounded). */
export const MAX_LINE_CHARS = 64 * 1024;

/**
 * onLine receives the decoded chunk and the line's offsets in it: the analyzer slices only the lines it keeps,
 * which spares a string allocation for most lines of a multi-GB log. With `pieces`, a line longer than MAX_LINE_CHARS
 * (a whole log flattened onto one line) comes in pieces of at most that size, the later ones with continued = true;
 * without, only its start is kept.
 */
export function createLineSplitter(
  onLine: (text: string, start: number, end: number, continued: boolean) => void,
  options: { pieces?: boolean } = {},
): LineSplitter {
  let carry = '';
  let skipLeadingLf = false; // the previous chunk ended with CR: a LF at the start of this one belongs to it
  let piecesSent = 0; // pieces of the current line already passed on
  const pieces = options.pieces === true;

  /** The line's text so far went beyond the limit: pass on full pieces, keep the rest. */
  function flushPieces(): void {
    while (carry.length >= MAX_LINE_CHARS) {
      onLine(carry, 0, MAX_LINE_CHARS, piecesSent > 0);
      piecesSent++;
      carry = carry.slice(MAX_LINE_CHARS);
    }
  }

  function emit(text: string, start: number, end: number): void {
    if (pieces) {
      if (carry || piecesSent > 0 || end - start > MAX_LINE_CHARS) {
        carry += text.slice(start, end);
        flushPieces();
        if (carry || piecesSent === 0) onLine(carry, 0, carry.length, piecesSent > 0);
        carry = '';
      } else onLine(text, start, end, false);
      piecesSent = 0;
      return;
    }
    if (carry) {
      const line =
        carry.length < MAX_LINE_CHARS ? carry + text.slice(start, Math.min(end, start + MAX_LINE_CHARS)) : carry;
      carry = '';
      const cut = line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line;
      onLine(cut, 0, cut.length, false);
    } else onLine(text, start, end - start > MAX_LINE_CHARS ? start + MAX_LINE_CHARS : end, false);
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
    if (pos < n && pieces) {
      carry += text.slice(pos);
      flushPieces();
    } else if (pos < n && carry.length < MAX_LINE_CHARS) carry += text.slice(pos, pos + MAX_LINE_CHARS);
  }

  return {
    push,
    end() {
      if (carry || piecesSent > 0) emit('', 0, 0);
      carry = '';
    },
  };
}
