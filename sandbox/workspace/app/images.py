"""Image processing for a batch: thumbnails and Rekognition labels."""
import io
import logging
from dataclasses import dataclass, field

from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

THUMBNAIL_SIZE = (512, 512)
SUPPORTED_FORMATS = {"PNG", "JPEG", "WEBP"}


@dataclass
class BatchResult:
    processed: int = 0
    failed: int = 0
    labels: dict[str, list[str]] = field(default_factory=dict)


def make_thumbnail(s3, bucket: str, key: str) -> str:
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    image = Image.open(io.BytesIO(body))
    if image.format not in SUPPORTED_FORMATS:
        raise UnidentifiedImageError(f"unsupported format {image.format} for {key}")
    image.thumbnail(THUMBNAIL_SIZE)
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=85)
    thumb_key = key.replace("batches/", "thumbnails/", 1).rsplit(".", 1)[0] + ".webp"
    s3.put_object(Bucket=bucket, Key=thumb_key, Body=out.getvalue(), ContentType="image/webp")
    return thumb_key


def detect_labels(rekognition, bucket: str, key: str) -> list[str]:
    response = rekognition.detect_labels(
        Image={"S3Object": {"Bucket": bucket, "Name": key}}, MaxLabels=10, MinConfidence=80
    )
    return [label["Name"] for label in response["Labels"]]


def process_batch(s3, rekognition, bucket: str, batch_id: str, keys: list[str]) -> BatchResult:
    result = BatchResult()
    for key in keys:
        try:
            make_thumbnail(s3, bucket, key)
        except UnidentifiedImageError:
            logger.exception("Skipping %s in batch %s: not an image", key, batch_id)
            result.failed += 1
            continue
        result.labels[key] = detect_labels(rekognition, bucket, key)
        result.processed += 1
    return result
