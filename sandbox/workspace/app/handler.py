"""ProcessImagesFunction: resize generated images, upload thumbnails and label them.

Invoked by ImageGenerationStateMachine with {"batch_id": "b-42", "keys": ["batches/b-42/img_000.png", ...]}.
Memory 1024MB, timeout 15 minutes (image processing is the slow part of a batch).
"""
import json
import logging
import os
import time

import boto3

from app.images import BatchResult, process_batch

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

BUCKET = os.environ.get("IMAGES_BUCKET", "databanana-images")
TABLE = os.environ.get("BATCHES_TABLE", "databanana-batches")
COST_PER_IMAGE_USD = 0.0211

s3 = boto3.client("s3")
rekognition = boto3.client("rekognition")
dynamodb = boto3.resource("dynamodb")


def _record_cost(batch_id: str, result: BatchResult) -> None:
    """Store the batch cost in batches.cost (Gemini and Rekognition costs are estimated)."""
    cost = round(result.processed * COST_PER_IMAGE_USD, 4)
    dynamodb.Table(TABLE).update_item(
        Key={"batch_id": batch_id},
        UpdateExpression="SET cost = :cost, processed = :processed, failed = :failed",
        ExpressionAttributeValues={":cost": str(cost), ":processed": result.processed, ":failed": result.failed},
    )
    logger.info("Recorded cost %.4f USD for batch %s", cost, batch_id)


def _validate(event: dict) -> tuple[str, list[str]]:
    batch_id = event.get("batch_id")
    keys = event.get("keys") or []
    if not batch_id:
        raise ValueError("batch_id is required")
    if not 1 <= len(keys) <= 100:
        raise ValueError(f"batch {batch_id} has {len(keys)} images; expected 1-100")
    return batch_id, keys


def handler(event, context):
    batch_id, keys = _validate(event)
    logger.info("Processing batch %s with %d images", batch_id, len(keys))
    started = time.monotonic()
    remaining_ms = context.get_remaining_time_in_millis() if context else None
    if remaining_ms is not None and remaining_ms < 60_000:
        logger.warning(
            "Only %d ms left before timeout, batch %s may not finish", remaining_ms, batch_id
        )
    result = process_batch(s3, rekognition, BUCKET, batch_id, keys)

    elapsed = time.monotonic() - started
    logger.info(
        json.dumps(
            {
                "message": "Batch processed",
                "batch_id": batch_id,
                "processed": result.processed,
                "failed": result.failed,
                "duration": round(elapsed * 1000, 1),
            }
        )
    )
    _record_cost(batch_id, result)
    return {"batch_id": batch_id, "processed": result.processed, "failed": result.failed, "labels": result.labels}
