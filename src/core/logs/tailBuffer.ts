import { formatTailEvent, type TailEvent } from './tailLine';

export const DEFAULT_TAIL_BUFFER_EVENTS = 10_000;

/**
 * The last `capacity` events of a tail, each formatted once when it arrives (again only when the format
 * changes), in a ring: memory stays flat however long the tail runs.
 */
export class TailBuffer {
  private readonly events: (TailEvent | undefined)[];
  private readonly lines: (string | undefined)[];
  private next = 0;
  private count = 0;
  private total = 0;
  private options = { prettyJson: false, showGroup: false };

  constructor(readonly capacity = DEFAULT_TAIL_BUFFER_EVENTS) {
    this.events = new Array<TailEvent | undefined>(capacity);
    this.lines = new Array<string | undefined>(capacity);
  }

  add(events: readonly TailEvent[]): void {
    for (const event of events) {
      this.events[this.next] = event;
      this.lines[this.next] = formatTailEvent(event, this.options);
      this.next = (this.next + 1) % this.capacity;
      this.count = Math.min(this.count + 1, this.capacity);
      this.total++;
    }
  }

  /** Events received since the tail started, including those the buffer no longer holds. */
  get received(): number {
    return this.total;
  }

  get size(): number {
    return this.count;
  }

  get dropped(): number {
    return this.total - this.count;
  }

  setFormat(options: { prettyJson: boolean; showGroup: boolean }): void {
    this.options = { ...options };
    for (let i = 0; i < this.capacity; i++) {
      const event = this.events[i];
      if (event) this.lines[i] = formatTailEvent(event, this.options);
    }
  }

  get format(): { prettyJson: boolean; showGroup: boolean } {
    return { ...this.options };
  }

  clear(): void {
    this.events.fill(undefined);
    this.lines.fill(undefined);
    this.next = 0;
    this.count = 0;
  }

  /** The held events' lines, oldest first, joined. */
  text(): string {
    const start = (this.next - this.count + this.capacity) % this.capacity;
    const parts: string[] = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) parts[i] = this.lines[(start + i) % this.capacity] ?? '';
    return parts.join('\n');
  }
}
