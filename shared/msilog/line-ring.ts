// A fixed-size ring of the most recent lines (number + text) with no allocation per line.
import type { LineRef } from './session-state.ts';

export class LineRing {
  private readonly lines: number[];
  private readonly texts: string[];
  private readonly starts: number[];
  private readonly ends: number[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.lines = new Array<number>(capacity).fill(0);
    this.texts = new Array<string>(capacity).fill('');
    this.starts = new Array<number>(capacity).fill(0);
    this.ends = new Array<number>(capacity).fill(0);
  }

  /** Keeps a reference to the decoded chunk and the line's offsets: no slice until the line is wanted. */
  push(line: number, text: string, start = 0, end = text.length): void {
    this.lines[this.next] = line;
    this.texts[this.next] = text;
    this.starts[this.next] = start;
    this.ends[this.next] = end;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** The last n lines, oldest first (allocates; called only when something is worth pinning). */
  last(n: number): LineRef[] {
    const count = Math.min(n, this.size);
    const out: LineRef[] = [];
    for (let i = count; i > 0; i--) {
      const at = (this.next - i + this.capacity) % this.capacity;
      const start = this.starts[at]!;
      const end = Math.min(this.ends[at]!, start + 500);
      out.push({ line: this.lines[at]!, text: this.texts[at]!.slice(start, end) });
    }
    return out;
  }
}
