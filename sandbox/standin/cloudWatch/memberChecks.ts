import { validationError } from './errors';

/** Checks of request members, failing with CloudWatch's ValidationError wording. */
export function invalidMember(member: string, detail: string): never {
  throw validationError(`1 validation error detected: Value at '${member}' failed to satisfy constraint: ${detail}`);
}

export function lengthBetween(value: string | undefined, member: string, min: number, max: number): string {
  if (value === undefined) invalidMember(member, 'Member must not be null');
  if (value.length < min || value.length > max) invalidMember(member, `Member must have length between ${min} and ${max}`);
  return value;
}

export function integerBetween(value: number | undefined, member: string, min: number, max: number): number {
  if (value === undefined) invalidMember(member, 'Member must not be null');
  if (!Number.isInteger(value) || value < min || value > max) invalidMember(member, `Member must have value between ${min} and ${max}`);
  return value;
}
