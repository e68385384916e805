// Pieces of a file scanned out of order, used in order: each piece is sent to a scan thread when one is free, else
// left to this thread. While the piece due next is still on a thread, this thread scans a later piece left to it
// instead of waiting, so neither side idles while the other has work (and a thread that is slow to get a core, as on a
// busy machine, costs little: its pieces' successors are done here meanwhile).
import { setImmediate as nextTurn } from 'node:timers/promises';

interface Slot<T, R> {
  item: T;
  /** The scan on a thread (resolves to null when the thread failed); null when the piece is left to this thread. */
  remote: Promise<R | null> | null;
  done: boolean;
  result: R | null;
}

export class InOrder<T, R> {
  private readonly slots: Slot<T, R>[] = [];

  /**
   * @param local scans a piece on this thread (a pure function of the text and of what is already known)
   * @param remote sends a piece to a free thread, or returns null when none is free
   */
  constructor(
    private readonly local: (item: T) => R,
    private readonly remote: ((item: T) => Promise<R | null> | null) | null,
  ) {}

  get size(): number {
    return this.slots.length;
  }

  push(item: T): void {
    const slot: Slot<T, R> = { item, remote: this.remote?.(item) ?? null, done: false, result: null };
    slot.remote?.then((result) => {
      slot.result = result;
      slot.done = true;
    });
    this.slots.push(slot);
  }

  /** The next piece in order with its scan; the caller uses them before taking another. */
  async take(): Promise<{ item: T; result: R }> {
    const head = this.slots[0];
    if (!head) throw new Error('InOrder.take: no piece');
    while (!head.done) {
      if (!head.remote) this.scanHere(head);
      else {
        const spare = this.slots.find((s) => !s.remote && !s.done);
        if (spare) {
          this.scanHere(spare);
          await nextTurn(); // let a thread's answer in
        } else await head.remote;
      }
    }
    this.slots.shift();
    // A thread that failed answered null: the piece is scanned here.
    return { item: head.item, result: head.result ?? this.local(head.item) };
  }

  /** Forgets every piece still held (none is scanned here), once the threads answered those sent to them. */
  async drop(): Promise<void> {
    const remote = this.slots.map((slot) => slot.remote);
    this.slots.length = 0;
    await Promise.all(remote);
  }

  private scanHere(slot: Slot<T, R>): void {
    slot.result = this.local(slot.item);
    slot.done = true;
  }
}
