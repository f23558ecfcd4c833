import { formatTailEvent, type TailEvent, type TailFormat } from './tailLine';

export const DEFAULT_TAIL_BUFFER_EVENTS = 10_000;

/**
 * The last `capacity` events of a tail, in a ring: memory stays flat however long the tail runs. Each event is
 * formatted when the document first needs it and kept; a format change only forgets the kept lines, so
 * toggling JSON costs nothing until the next redraw, which formats no more than the document shows.
 */
export class TailBuffer {
  private readonly events: (TailEvent | undefined)[];
  private readonly lines: (string | undefined)[];
  private next = 0;
  private count = 0;
  private total = 0;
  private options: TailFormat = { prettyJson: false, showGroup: false };

  constructor(readonly capacity = DEFAULT_TAIL_BUFFER_EVENTS) {
    this.events = new Array<TailEvent | undefined>(capacity);
    this.lines = new Array<string | undefined>(capacity);
  }

  add(events: readonly TailEvent[]): void {
    for (const event of events) {
      this.events[this.next] = event;
      this.lines[this.next] = undefined;
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

  setFormat(options: TailFormat): void {
    this.options = { ...options };
    this.lines.fill(undefined);
  }

  get format(): TailFormat {
    return { ...this.options };
  }

  clear(): void {
    this.events.fill(undefined);
    this.lines.fill(undefined);
    this.next = 0;
    this.count = 0;
  }

  /**
   * The held events' lines, oldest first, joined; once the text passes `maxChars` the later events are
   * left out unformatted (the document is cut there anyway).
   */
  text(maxChars = Infinity): string {
    const start = (this.next - this.count + this.capacity) % this.capacity;
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; i < this.count && length <= maxChars; i++) {
      const slot = (start + i) % this.capacity;
      let line = this.lines[slot];
      if (line === undefined) {
        const event = this.events[slot];
        line = event ? formatTailEvent(event, this.options) : '';
        this.lines[slot] = line;
      }
      parts.push(line);
      length += line.length + 1;
    }
    return parts.join('\n');
  }
}
