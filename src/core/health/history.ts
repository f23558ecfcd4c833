/** A fixed-size ring: keeps the last `capacity` items, newest first when read. */
export class HistoryRing<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Newest first. */
  newestFirst(): T[] {
    const out: T[] = [];
    for (let i = 1; i <= this.items.length; i++) out.push(this.items[(this.next - i + this.capacity) % this.capacity]);
    return out;
  }

  get latest(): T | undefined {
    return this.items.length ? this.items[(this.next - 1 + this.capacity) % this.capacity] : undefined;
  }
}

export const HISTORY_SIZE = 20;
