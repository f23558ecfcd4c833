export interface Subscription {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Subscription;

let liveListeners = 0;

/** Listeners subscribed to any emitter and not disposed yet (how the bench's soak finds leaked subscriptions). */
export function liveListenerCount(): number {
  return liveListeners;
}

/** A small event emitter with the same shape as VS Code's, for code that must not import `vscode`. */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    if (!this.listeners.has(listener)) liveListeners++;
    this.listeners.add(listener);
    return { dispose: () => void (this.listeners.delete(listener) && liveListeners--) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    liveListeners -= this.listeners.size;
    this.listeners.clear();
  }
}
