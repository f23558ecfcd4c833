import { EventStreamCodec } from '@smithy/core/event-streams';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const fromUtf8 = (text: string): Uint8Array => encoder.encode(text);
const toUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/**
 * Frames of the `application/vnd.amazon.eventstream` wire format (prelude, headers, payload, CRCs), encoded by
 * the same codec the SDK decodes them with (the SDK's event-stream codec, part of @smithy/core).
 */
const codec = new EventStreamCodec(toUtf8, fromUtf8);

const text = (value: string) => ({ type: 'string' as const, value });

/** An event of the stream, e.g. `sessionStart` or `sessionUpdate`, with a JSON payload. */
export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: { ':message-type': text('event'), ':event-type': text(eventType), ':content-type': text('application/json') },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** A modelled exception of the stream (`SessionTimeoutException`, `SessionStreamingException`). */
export function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: { ':message-type': text('exception'), ':exception-type': text(exceptionType), ':content-type': text('application/json') },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/** An error the stream ends with that the model does not name (the service's internal failures). */
export function errorFrame(code: string, message: string): Uint8Array {
  return codec.encode({ headers: { ':message-type': text('error'), ':error-code': text(code), ':error-message': text(message) }, body: new Uint8Array() });
}
