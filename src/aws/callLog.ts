/** One line per AWS call. Never credentials, tokens or request bodies. */
export interface CallRecord {
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly durationMs: number;
  readonly errorCode?: string;
  /** What the service or the SDK said, on one line and capped: what a person reading the log needs. */
  readonly errorMessage?: string;
}

const MAX_MESSAGE = 300;

export type CallListener = (record: CallRecord) => void;

export function formatCallRecord(r: CallRecord): string {
  const service = r.service.replace(/Client$/, '');
  const said = r.errorMessage ? `: ${r.errorMessage.replace(/\s+/g, ' ').trim().slice(0, MAX_MESSAGE)}` : '';
  const outcome = r.errorCode ? `failed ${r.errorCode}${said}` : 'ok';
  return `${service}.${r.operation} ${r.region} ${Math.round(r.durationMs)} ms ${outcome}`;
}
