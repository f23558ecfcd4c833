import { ACCOUNT_ID, PRIMARY_REGION } from './constants';

/**
 * An optional workflow beside the default scenario (off unless asked for): a Parallel state, a child
 * execution started by a `states:startExecution.sync:2` task, and a distributed Map whose one broken
 * image fails its Map run and so the execution.
 */
export const THUMBNAIL_ANNOUNCE_MACHINE = 'ThumbnailAnnounceStateMachine';
export const THUMBNAIL_BATCH_MACHINE = 'ThumbnailBatchStateMachine';
export const THUMBNAIL_BATCH_EXECUTION = 'thumbnails-b-42';
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
          CheckImage: { Type: 'Choice', Choices: [{ Variable: '$.corrupt', BooleanEquals: true, Next: 'RejectImage' }], Default: 'Resize' },
          Resize: { Type: 'Pass', Parameters: { 'key.$': '$.key', resized: true }, End: true },
          RejectImage: { Type: 'Fail', Error: 'Thumbnail.CorruptImage', Cause: '{"errorMessage":"cannot decode PNG: bad IHDR chunk"}' },
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
