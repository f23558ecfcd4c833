// An animated PNG from PNG frames of one size and pixel format (screenshots of one region of the
// workbench), without decoding them: each frame's compressed image data is moved into the animation as
// it is. The format is the APNG specification's: https://wiki.mozilla.org/APNG_Specification
import * as zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  readonly type: string;
  readonly data: Buffer;
}

/** The chunks of a PNG file, each checked against its CRC. */
export function readChunks(png: Buffer): PngChunk[] {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a PNG file');
  const chunks: PngChunk[] = [];
  let at = SIGNATURE.length;
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error(`truncated chunk at byte ${at}`);
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) throw new Error(`truncated chunk at byte ${at}`);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (zlib.crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in chunk ${type}`);
    chunks.push({ type, data });
    at = end;
    if (type === 'IEND') break;
  }
  return chunks;
}

export function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function u32(...values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => out.writeUInt32BE(v, i * 4));
  return out;
}

/** A frame control chunk's data: the whole canvas, shown for `delayMs`, replacing the frame before it. */
function frameControl(sequence: number, width: number, height: number, delayMs: number): Buffer {
  const timing = Buffer.alloc(6);
  timing.writeUInt16BE(Math.min(65535, Math.round(delayMs)), 0);
  timing.writeUInt16BE(1000, 2);
  // dispose_op 0 (none), blend_op 0 (source): each frame is whole.
  return Buffer.concat([u32(sequence, width, height, 0, 0), timing]);
}

/** An animated PNG that shows each frame for its delay and loops forever. */
export function animatedPng(frames: readonly { png: Buffer; delayMs: number }[]): Buffer {
  if (frames.length === 0) throw new Error('no frames');
  const parsed = frames.map((f) => readChunks(f.png));
  const header = parsed[0].find((c) => c.type === 'IHDR');
  if (!header) throw new Error('frame 1 has no IHDR');
  parsed.forEach((chunks, i) => {
    const own = chunks.find((c) => c.type === 'IHDR');
    if (!own?.data.equals(header.data)) throw new Error(`frame ${i + 1} differs from frame 1 in size or pixel format`);
    if (!chunks.some((c) => c.type === 'IDAT')) throw new Error(`frame ${i + 1} has no image data`);
  });
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const out: Buffer[] = [SIGNATURE, chunk('IHDR', header.data), chunk('acTL', u32(frames.length, 0))];
  // What the first frame says about its colours (gamma, sRGB, …) holds for all of them.
  const firstData = parsed[0].findIndex((c) => c.type === 'IDAT');
  for (const c of parsed[0].slice(0, firstData)) if (c.type !== 'IHDR') out.push(chunk(c.type, c.data));
  let sequence = 0;
  parsed.forEach((chunks, i) => {
    out.push(chunk('fcTL', frameControl(sequence++, width, height, frames[i].delayMs)));
    for (const c of chunks.filter((x) => x.type === 'IDAT')) {
      out.push(i === 0 ? chunk('IDAT', c.data) : chunk('fdAT', Buffer.concat([u32(sequence++), c.data])));
    }
  });
  out.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(out);
}
