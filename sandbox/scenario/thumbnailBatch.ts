import { ACCOUNT_ID, PRIMARY_REGION } from './constants';

/**
 * A workflow beside the image pipeline: a Parallel state, a child execution started by a
 * `states:startExecution.sync:2` task, and a distributed Map whose items each invoke a Lambda function;
 * the function throws on the one broken image, which fails the Map run and so the execution.
 */
export const THUMBNAIL_ANNOUNCE_MACHINE = 'ThumbnailAnnounceStateMachine';
export const THUMBNAIL_BATCH_MACHINE = 'ThumbnailBatchStateMachine';
export const THUMBNAIL_BATCH_EXECUTION = 'thumbnails-b-42';
/** The Lambda function each Map item invokes (sandbox/workspace/src/handlers/resize.ts); it logs to `/aws/lambda/<name>`. */
export const THUMBNAIL_RESIZE_FUNCTION = 'thumbnails-ResizeFunction';
const ANNOUNCE_ARN = `arn:aws:states:${PRIMARY_REGION}:${ACCOUNT_ID}:stateMachine:${THUMBNAIL_ANNOUNCE_MACHINE}`;

export const THUMBNAIL_ANNOUNCE_DEFINITION = {
  Comment: 'Tells the gallery a batch of thumbnails is on its way',
  StartAt: 'Announce',
  States: { Announce: { Type: 'Pass', Parameters: { 'announced.$': '$.batch_id' }, End: true } },
};

export const THUMBNAIL_BATCH_DEFINITION = {
  Comment: 'Resize the images of a batch into thumbnails',
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'ReserveStorage', States: { ReserveStorage: { Type: 'Pass', Result: { bucket: 'dev-ai-video-storage' }, End: true } } },
        { StartAt: 'LoadPresets', States: { LoadPresets: { Type: 'Pass', Result: { sizes: [128, 512] }, End: true } } },
      ],
      ResultPath: '$.prepared',
      Next: 'AnnounceBatch',
    },
    AnnounceBatch: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: { StateMachineArn: ANNOUNCE_ARN, Input: { 'batch_id.$': '$.batch_id', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' } },
      ResultPath: '$.announcement',
      Next: 'ResizeImages',
    },
    ResizeImages: {
      Type: 'Map',
      Label: 'ResizeImages',
      ItemsPath: '$.images',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'CheckImage',
        States: {
          CheckImage: { Type: 'Choice', Choices: [{ Variable: '$.skip', BooleanEquals: true, Next: 'SkipImage' }], Default: 'Resize' },
          SkipImage: { Type: 'Pass', Parameters: { 'key.$': '$.key', resized: false }, End: true },
          Resize: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: THUMBNAIL_RESIZE_FUNCTION, 'Payload.$': '$' },
            OutputPath: '$.Payload',
            End: true,
          },
        },
      },
      ResultPath: '$.thumbnails',
      Next: 'Publish',
    },
    Publish: { Type: 'Succeed' },
  },
};

export const THUMBNAIL_BATCH_INPUT = {
  batch_id: 'b-42',
  images: [{ key: 'b-42/0001.png' }, { key: 'b-42/0002.png' }, { key: 'b-42/0003.png', corrupt: true }, { key: 'b-42/0004.png' }],
};
