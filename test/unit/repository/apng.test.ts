import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import { animatedPng, chunk, readChunks } from '../../support/apng';

/** A PNG of `width`×`height` RGBA pixels all of one colour, made as the PNG specification describes. */
function solidPng(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const row = Buffer.concat([Buffer.from([0]), Buffer.concat(Array.from({ length: width }, () => Buffer.from(rgba)))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe('README animation (animated PNG from screenshots)', () => {
  const red = solidPng(3, 2, [255, 0, 0, 255]);
  const blue = solidPng(3, 2, [0, 0, 255, 255]);

  it('holds every frame, in order, with its delay, and loops', () => {
    const out = readChunks(animatedPng([{ png: red, delayMs: 2500 }, { png: blue, delayMs: 800 }, { png: red, delayMs: 1000 }]));
    assert.deepEqual(out.map((c) => c.type), ['IHDR', 'acTL', 'fcTL', 'IDAT', 'fcTL', 'fdAT', 'fcTL', 'fdAT', 'IEND']);
    const control = out.find((c) => c.type === 'acTL')!.data;
    assert.equal(control.readUInt32BE(0), 3, 'three frames');
    assert.equal(control.readUInt32BE(4), 0, 'loops forever');
    const frames = out.filter((c) => c.type === 'fcTL').map((c) => ({ width: c.data.readUInt32BE(4), height: c.data.readUInt32BE(8), delay: c.data.readUInt16BE(20) / c.data.readUInt16BE(22) }));
    assert.deepEqual(frames, [{ width: 3, height: 2, delay: 2.5 }, { width: 3, height: 2, delay: 0.8 }, { width: 3, height: 2, delay: 1 }]);
  });

  it('numbers its frame chunks in one sequence and keeps each frame\'s pixels as they were', () => {
    const out = readChunks(animatedPng([{ png: red, delayMs: 1000 }, { png: blue, delayMs: 1000 }]));
    const sequence = out.filter((c) => c.type === 'fcTL' || c.type === 'fdAT').map((c) => c.data.readUInt32BE(0));
    assert.deepEqual(sequence, [0, 1, 2]);
    const second = out.find((c) => c.type === 'fdAT')!.data.subarray(4);
    assert.ok(second.equals(readChunks(blue).find((c) => c.type === 'IDAT')!.data));
    // A viewer without animation shows the first frame: the IDAT is the first frame's.
    assert.ok(out.find((c) => c.type === 'IDAT')!.data.equals(readChunks(red).find((c) => c.type === 'IDAT')!.data));
  });

  it('refuses frames of different sizes, and files that are not PNGs or are damaged', () => {
    assert.throws(() => animatedPng([{ png: red, delayMs: 1 }, { png: solidPng(4, 2, [0, 0, 0, 255]), delayMs: 1 }]), /frame 2 differs/);
    assert.throws(() => animatedPng([]), /no frames/);
    assert.throws(() => readChunks(Buffer.from('GIF89a')), /not a PNG/);
    const damaged = Buffer.from(red);
    damaged[damaged.length - 20] ^= 0xff;
    assert.throws(() => readChunks(damaged), /bad CRC|truncated/);
  });
});
