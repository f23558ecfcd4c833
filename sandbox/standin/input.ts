import { AwsError } from './protocol';

/** Readers for members of a JSON request body, raising AWS-style validation errors. */
export type Input = Record<string, unknown>;

export function asInput(value: unknown): Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Input) : {};
}

function validation(member: string, detail: string): AwsError {
  return new AwsError('ValidationException', `1 validation error detected: Value at '${member}' ${detail}`);
}

export function requiredString(input: Input, member: string, error = validation): string {
  const value = input[member];
  if (typeof value !== 'string' || value === '') throw error(member, 'failed to satisfy constraint: Member must not be null');
  return value;
}

export function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  return typeof value === 'string' ? value : undefined;
}

export function optionalNumber(input: Input, member: string): number | undefined {
  const value = input[member];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function optionalBoolean(input: Input, member: string): boolean | undefined {
  const value = input[member];
  return typeof value === 'boolean' ? value : undefined;
}

export function stringList(input: Input, member: string): string[] {
  const value = input[member];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function objectList(input: Input, member: string): Input[] {
  const value = input[member];
  return Array.isArray(value) ? value.map(asInput) : [];
}

/** A timestamp member as epoch milliseconds: JSON protocols send epoch seconds (possibly fractional) or ISO text. */
export function optionalTimeMs(input: Input, member: string): number | undefined {
  const value = input[member];
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
    if (Number.isFinite(Number(value))) return Number(value) * 1000;
  }
  return undefined;
}

/** Epoch seconds as the JSON protocols write timestamps. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
