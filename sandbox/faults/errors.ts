import { AwsError, CLOUDWATCH, LOGS, type ServiceProtocol } from '../standin/protocol';

/** The AWS answers the proxy can put in place of the real one. */
export type ErrorFault = 'throttle' | 'internal' | 'unavailable' | 'expiredToken' | 'accessDenied';

/**
 * The error each service returns for a fault, as documented in its API reference ("Common Errors" and
 * each operation's Errors): CloudWatch, a query-protocol service moved to JSON 1.0, also sends the
 * query code in `x-amzn-query-error` (`Throttling`, `ExpiredToken`, `AccessDenied`), which the SDK
 * reports as the error's name; CloudWatch Logs and Step Functions name the JSON shape only.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/CommonErrors.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/CommonErrors.html
 * (The namespace in `__type` is an approximation; the SDK reads only the part after `#`.)
 */
export function faultError(fault: ErrorFault, protocol: ServiceProtocol, operation: string, region: string): AwsError {
  const queryCompatible = protocol === CLOUDWATCH;
  switch (fault) {
    case 'throttle':
      return new AwsError('ThrottlingException', 'Rate exceeded', 400, {}, queryCompatible ? 'Throttling' : 'ThrottlingException');
    case 'internal':
      return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
    case 'unavailable':
      return new AwsError(protocol === LOGS ? 'ServiceUnavailableException' : 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', 503, {}, 'ServiceUnavailable');
    case 'expiredToken':
      return new AwsError('ExpiredTokenException', 'The security token included in the request is expired', 403, {}, queryCompatible ? 'ExpiredToken' : 'ExpiredTokenException');
    case 'accessDenied':
      return new AwsError(
        'AccessDeniedException',
        `User: arn:aws:sts::123456789012:assumed-role/ReadOnly/session is not authorized to perform: ${protocol.service}:${operation} on resource: arn:aws:${protocol.service}:${region}:123456789012:* because no identity-based policy allows the ${protocol.service}:${operation} action`,
        400,
        {},
        queryCompatible ? 'AccessDenied' : 'AccessDeniedException',
      );
  }
}
