/** One line per AWS call. Never credentials, tokens or request bodies. */
export interface CallRecord {
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly durationMs: number;
  readonly errorCode?: string;
}

export type CallListener = (record: CallRecord) => void;

export function formatCallRecord(r: CallRecord): string {
  const service = r.service.replace(/Client$/, '');
  const outcome = r.errorCode ? `failed ${r.errorCode}` : 'ok';
  return `${service}.${r.operation} ${r.region} ${Math.round(r.durationMs)} ms ${outcome}`;
}
