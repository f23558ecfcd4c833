import type { ServerResponse } from 'node:http';
import type { MotoCaller, MotoResponse } from './forward';
import type { Input } from './input';

export interface HandlerContext {
  readonly region: string;
  readonly operation: string;
  readonly input: Input;
  /** The request body exactly as the client sent it. */
  readonly rawBody: Buffer;
  /** moto, in the same service's protocol, signed as the client. */
  readonly moto: MotoCaller;
  readonly requestId: string;
}

/** A handler's answer: a JSON payload, {@link Relay} to hand moto's response back unchanged, or {@link Streamed}. */
export type Handler = (ctx: HandlerContext) => Promise<unknown>;

export class Relay {
  constructor(readonly response: MotoResponse) {}
}

/** A handler's answer that streams: it writes the whole HTTP response itself (event streams). */
export class Streamed {
  constructor(readonly start: (res: ServerResponse) => void) {}
}

/** Operation name → handler, for one service. */
export type HandlerTable = Readonly<Record<string, Handler>>;

/** Something holding per-region state that a moto reset should clear. */
export interface Resettable {
  reset(): void;
}
