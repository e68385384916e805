// Splits decoded text arriving in chunks into whole lines, so a pattern never straddles two chunks (the carry-over window).

/** A line longer than this (no newline in sight) is cut at a space instead, so memory stays bounded. */
const MAX_CARRY = 1 << 20;

export class LineChunker {
  private carry = '';

  /** Adds decoded text; returns the complete lines so far (ending with a newline), keeping the unfinished line back. */
  push(text: string): string {
    const buffer = this.carry + text;
    let cut = buffer.lastIndexOf('\n') + 1;
    if (cut === 0 && buffer.length > MAX_CARRY) {
      // Pathological input without newlines: cut at the last space of the first half so a match is rarely split.
      const space = buffer.lastIndexOf(' ', buffer.length - 4096);
      cut = space > buffer.length / 2 ? space + 1 : buffer.length - 4096;
    }
    this.carry = buffer.slice(cut);
    return buffer.slice(0, cut);
  }

  /** The remaining text at the end of the stream. */
  flush(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }
}
