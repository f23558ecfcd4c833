import { LOG_GROUPS, MINUTE_MS } from '../constants';
import { between, seededRandom } from '../random';
import { invocation, lambdaStreamName } from './lambda';
import { sortedStreams, type LogEventSpec, type LogGroupSpec } from './types';

// Frames point at sandbox/workspace/app (mapped from /var/task/ by opsLens.sourceMappings).
const THROTTLED_TRACEBACK = [
  '[ERROR] ProvisionedThroughputExceededException: An error occurred (ProvisionedThroughputExceededException) when calling the DetectLabels operation: Provisioned rate exceeded',
  'Traceback (most recent call last):',
  '  File "/var/task/app/handler.py", line 57, in handler',
  '    result = process_batch(s3, rekognition, BUCKET, batch_id, keys)',
  '  File "/var/task/app/images.py", line 50, in process_batch',
  '    result.labels[key] = detect_labels(rekognition, bucket, key)',
  '  File "/var/task/app/images.py", line 35, in detect_labels',
  '    response = rekognition.detect_labels(',
  '  File "/var/lang/lib/python3.12/site-packages/botocore/client.py", line 569, in _api_call',
  '    return self._make_api_call(operation_name, kwargs)',
  '  File "/var/lang/lib/python3.12/site-packages/botocore/client.py", line 1023, in _make_api_call',
  '    raise error_class(parsed_response, operation_name)',
].join('\n');

function skippedTraceback(key: string): string {
  return [
    'Traceback (most recent call last):',
    '  File "/var/task/app/images.py", line 45, in process_batch',
    '    make_thumbnail(s3, bucket, key)',
    '  File "/var/task/app/images.py", line 25, in make_thumbnail',
    '    raise UnidentifiedImageError(f"unsupported format {image.format} for {key}")',
    `PIL.UnidentifiedImageError: unsupported format GIF for ${key}`,
  ].join('\n');
}

/** json.dumps with Python's default separators. */
function pyJson(value: Record<string, unknown>): string {
  return JSON.stringify(value).replace(/","/g, '", "').replace(/":/g, '": ').replace(/,"/g, ', "');
}

type Outcome = 'ok' | 'throttled' | 'skipped' | 'hostile';

export function processImagesFunctionLogs(now: number): LogGroupSpec {
  const random = seededRandom('databanana-process-images');
  const envB = now - 88 * MINUTE_MS;
  const streamA = { name: lambdaStreamName(now - 176 * MINUTE_MS, random), events: [] as LogEventSpec[] };
  const streamB = { name: lambdaStreamName(envB, random), events: [] as LogEventSpec[] };
  let cold = { a: true, b: true };

  const run = (start: number, batchId: string, images: number, outcome: Outcome) => {
    const stream = start < envB ? streamA : streamB;
    const isCold = start < envB ? cold.a : cold.b;
    cold = start < envB ? { ...cold, a: false } : { ...cold, b: false };
    const perImage = between(random, 2600, 4200);
    const duration = outcome === 'throttled' ? perImage * 3.4 : perImage * images;
    const used = Math.round(between(random, 540, 780));
    stream.events.push(
      ...invocation(random, start, duration, { size: 1024, used, initMs: isCold ? between(random, 900, 1400) : undefined }, (inv) => {
        inv.python(3, 'INFO', `Processing batch ${batchId} with ${images} images`);
        if (outcome === 'throttled') {
          inv.add(duration - 5, THROTTLED_TRACEBACK);
          return;
        }
        let failed = 0;
        if (outcome === 'skipped' || outcome === 'hostile') {
          failed = 1;
          const key = outcome === 'hostile' ? `batches/${batchId}/<img src=x onerror=alert(1)>.png` : `batches/${batchId}/img_004.png`;
          inv.python(perImage * 4, 'ERROR', `Skipping ${key} in batch ${batchId}: not an image\n${skippedTraceback(key)}`);
        }
        const processed = images - failed;
        inv.python(duration - 60, 'INFO', pyJson({ message: 'Batch processed', batch_id: batchId, processed, failed, duration: Math.round(duration - 60) }));
        inv.python(duration - 12, 'INFO', `Recorded cost ${(processed * 0.0211).toFixed(4)} USD for batch ${batchId}`);
      }),
    );
  };

  // Re-processing of earlier batches (thumbnail backfill), every ~12 minutes.
  const plan: Record<number, Outcome> = { 3: 'throttled', 6: 'hostile', 9: 'skipped', 12: 'throttled' };
  for (let i = 0; i < 14; i++) {
    const start = now - (170 - i * 12) * MINUTE_MS + Math.round(random() * 90_000);
    run(start, `b-${i + 1}`, 10 + Math.floor(random() * 3) * 5, plan[i] ?? 'ok');
  }
  return { name: LOG_GROUPS.processImages, retentionInDays: 30, streams: sortedStreams([streamA, streamB]) };
}
