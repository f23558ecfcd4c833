export { compileFilterPattern, MAX_FILTER_PATTERN_LENGTH } from './filterPattern';
export type { CompiledFilterPattern, FilterPatternKind } from './filterPattern';
export { formatTailEvent, levelOf } from './tailLine';
export type { Level, TailEvent } from './tailLine';
export { DEFAULT_TAIL_BUFFER_EVENTS, TailBuffer } from './tailBuffer';
export { liveTailCost, LIVE_TAIL_PRICE_PER_MINUTE_USD } from './cost';
