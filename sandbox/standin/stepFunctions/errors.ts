import { AwsError } from '../protocol';

export function executionNotRedrivable(message: string): AwsError {
  return new AwsError('ExecutionNotRedrivable', message);
}

export function invalidToken(): AwsError {
  return new AwsError('InvalidToken', 'Invalid Token');
}

export function validationException(message: string): AwsError {
  return new AwsError('ValidationException', message);
}

export function resourceNotFound(message: string): AwsError {
  return new AwsError('ResourceNotFound', message);
}

export function executionAlreadyExists(message: string): AwsError {
  return new AwsError('ExecutionAlreadyExists', message);
}

export function missingMember(member: string): AwsError {
  return validationException(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
}
