import { PRIMARY_REGION } from './constants';

/**
 * A second account beside the seeded one: "staging", with its own alarms, state machine and logs.
 * moto keeps accounts apart by access key id — a key id of twelve digits is that account's id.
 */
export const STAGING_ACCOUNT_ID = '210987654321';
export const STAGING_PROFILE = 'staging';
/** The seeded account's profile in the sandbox workspace's AWS config (the `testing` keys). */
export const SANDBOX_PROFILE = 'sandbox';
export const STAGING_CREDENTIALS = { accessKeyId: STAGING_ACCOUNT_ID, secretAccessKey: 'testing' } as const;
export const STAGING_REGION = PRIMARY_REGION;

export const STAGING_ALARMS: readonly { name: string; state: 'OK' | 'ALARM'; metric: string; namespace: string }[] = [
  { name: 'staging-api-5xx-rate', state: 'ALARM', metric: '5XXError', namespace: 'AWS/ApiGateway' },
  { name: 'staging-orders-queue-depth', state: 'OK', metric: 'ApproximateNumberOfMessagesVisible', namespace: 'AWS/SQS' },
  { name: 'staging-db-cpu-high', state: 'OK', metric: 'CPUUtilization', namespace: 'AWS/RDS' },
];

export const STAGING_STATE_MACHINE = 'OrderFulfilmentStaging';
export const STAGING_ROLE_ARN = `arn:aws:iam::${STAGING_ACCOUNT_ID}:role/StepFunctionsRole`;
export const STAGING_LOG_GROUP = '/aws/lambda/orders-staging-api';
