export { compileFilterPattern, MAX_FILTER_PATTERN_LENGTH } from './filterPattern';
export type { CompiledFilterPattern, FilterPatternKind } from './filterPattern';
