import { ACCOUNT_ID, LOG_GROUPS, PRIMARY_REGION, STATE_MACHINE_NAME, STEP_FUNCTIONS_ROLE_ARN } from './constants';

/** seed 000: the batch pipeline (Claude prompts → Gemini images → processing → Rekognition labels → cost record). */
export const QUOTA_FAILURE_CAUSE = { errorMessage: 'Gemini API quota exceeded', errorType: 'QuotaExceeded', batch_id: 'b-42' };

export const IMAGE_GENERATION_DEFINITION = {
  Comment: 'databanana image generation: 10-100 images per batch, 2-15 minutes per execution',
  StartAt: 'ValidateBatch',
  States: {
    ValidateBatch: {
      Type: 'Pass',
      Comment: 'Normalise the request sent to POST /generate',
      Parameters: { 'batch_id.$': '$.batch_id', 'context.$': '$.context', 'image_count.$': '$.image_count', 'user_id.$': '$.user_id' },
      ResultPath: '$.request',
      Next: 'RouteBatch',
    },
    RouteBatch: {
      Type: 'Choice',
      Choices: [
        {
          Or: [
            { Variable: '$.image_count', NumericLessThan: 10 },
            { Variable: '$.image_count', NumericGreaterThan: 100 },
          ],
          Next: 'RejectBatch',
        },
        { Variable: '$.quota_remaining', NumericLessThanPath: '$.image_count', Next: 'QuotaExceeded' },
        { Variable: '$.requires_review', BooleanEquals: true, Next: 'AwaitModeration' },
      ],
      Default: 'GeneratePrompts',
    },
    RejectBatch: {
      Type: 'Fail',
      Error: 'BatchValidationError',
      Cause: 'image_count must be between 10 and 100',
    },
    QuotaExceeded: {
      Type: 'Fail',
      Error: 'ImageGenerationFailed',
      Cause: JSON.stringify(QUOTA_FAILURE_CAUSE),
    },
    AwaitModeration: {
      Type: 'Wait',
      Comment: 'Context flagged for review; a moderator has an hour to approve it',
      Seconds: 3600,
      Next: 'GeneratePrompts',
    },
    GeneratePrompts: {
      Type: 'Pass',
      Comment: 'Claude prompts ($0.05 per 100 images)',
      Result: { model: 'claude', prompts_per_image: 1 },
      ResultPath: '$.prompts',
      Next: 'GenerateImages',
    },
    GenerateImages: {
      Type: 'Pass',
      Comment: 'Gemini image generation',
      Result: { provider: 'gemini', status: 'generated' },
      ResultPath: '$.generation',
      Next: 'ProcessImages',
    },
    ProcessImages: {
      Type: 'Pass',
      Comment: 'ProcessImagesFunction: resize, upload to S3 (1024MB, 15 min timeout)',
      Result: { bucket: 'databanana-images', thumbnails: true },
      ResultPath: '$.processing',
      Next: 'LabelImages',
    },
    LabelImages: {
      Type: 'Pass',
      Comment: 'Rekognition labels',
      Result: { labels: ['cat', 'window', 'indoor'] },
      ResultPath: '$.labels',
      Next: 'RecordBatchCost',
    },
    RecordBatchCost: {
      Type: 'Pass',
      Comment: 'batches.cost ($2.11 per 100 images)',
      Result: { cost_per_100_images: 2.11, currency: 'USD' },
      ResultPath: '$.cost',
      Next: 'BatchComplete',
    },
    BatchComplete: { Type: 'Succeed' },
  },
};

export const STATE_MACHINE_LOGGING = {
  level: 'ALL' as const,
  includeExecutionData: true,
  destinations: [
    { cloudWatchLogsLogGroup: { logGroupArn: `arn:aws:logs:${PRIMARY_REGION}:${ACCOUNT_ID}:log-group:${LOG_GROUPS.stateMachine}:*` } },
  ],
};

export const STATE_MACHINE = {
  name: STATE_MACHINE_NAME,
  roleArn: STEP_FUNCTIONS_ROLE_ARN,
  definition: IMAGE_GENERATION_DEFINITION,
  logging: STATE_MACHINE_LOGGING,
  tags: { project: 'databanana', environment: 'prod' },
};

export type ExecutionOutcome = 'SUCCEEDED' | 'FAILED' | 'RUNNING' | 'ABORTED';

export interface ExecutionSpec {
  name: string;
  input: Record<string, unknown>;
  expect: ExecutionOutcome;
  /** Stop the execution once it is running (it waits for moderation until then). */
  stop?: { error: string; cause: string };
}

const base = { quota_remaining: 400, requires_review: false };

export const EXECUTIONS: readonly ExecutionSpec[] = [
  { name: 'batch-b-40', expect: 'SUCCEEDED', input: { ...base, batch_id: 'b-40', user_id: 'usr_8f2a61', context: 'cat on windowsill', image_count: 10 } },
  { name: 'batch-b-41', expect: 'SUCCEEDED', input: { ...base, batch_id: 'b-41', user_id: 'usr_3c77d0', context: 'mountain cabin at dusk, film grain', image_count: 25 } },
  { name: 'batch-b-42', expect: 'FAILED', input: { ...base, quota_remaining: 0, batch_id: 'b-42', user_id: 'usr_8f2a61', context: 'product shots of ceramic mugs', image_count: 50 } },
  { name: 'batch-b-43', expect: 'FAILED', input: { ...base, batch_id: 'b-43', user_id: 'usr_19be42', context: 'city skyline timelapse frames', image_count: 250 } },
  { name: 'batch-b-44', expect: 'RUNNING', input: { ...base, requires_review: true, batch_id: 'b-44', user_id: 'usr_5a0e9c', context: 'portrait of a firefighter', image_count: 20 } },
  {
    name: 'batch-b-45',
    expect: 'ABORTED',
    input: { ...base, requires_review: true, batch_id: 'b-45', user_id: 'usr_19be42', context: 'duplicate of b-44', image_count: 20 },
    stop: { error: 'Operator.Cancelled', cause: 'Duplicate of batch b-44, cancelled by on-call' },
  },
];

/** An express workflow beside it: Step Functions keeps no execution list for these. */
export const EXPRESS_STATE_MACHINE = {
  name: 'ThumbnailResizeExpress',
  roleArn: STEP_FUNCTIONS_ROLE_ARN,
  definition: { Comment: 'Resizes one uploaded image', StartAt: 'Resize', States: { Resize: { Type: 'Pass', Result: { resized: true }, End: true } } },
};
