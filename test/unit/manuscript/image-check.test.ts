import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rasterProblem } from '../../../src/manuscript/image-check.js';

const PNG = new Uint8Array(readFileSync(new URL('../../fixtures/every-construct/images/figure.png', import.meta.url)));
const JPEG = new Uint8Array(readFileSync('/usr/share/doc/texlive-doc/pdftex/samplepdftex/pic.jpg'));

/** A PNG made of the given chunks, each with its CRC computed. */
function png(chunks: [string, Buffer][]): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const [type, data] of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    parts.push(head, data, crc);
  }
  return new Uint8Array(Buffer.concat(parts));
}
/** IHDR of a 4×2 8-bit greyscale image: each row is 1 filter byte + 4 pixels. */
const ihdr = Buffer.from([0, 0, 0, 4, 0, 0, 0, 2, 8, 0, 0, 0, 0]);

describe('rasterProblem', () => {
  it('passes sound images: a fixture PNG, a TeX Live sample JPEG, and a PNG built here', () => {
    expect(rasterProblem(PNG, 'image/png')).toBeUndefined();
    expect(rasterProblem(JPEG, 'image/jpeg')).toBeUndefined();
    expect(rasterProblem(png([['IHDR', ihdr], ['IDAT', deflateSync(Buffer.alloc(10))], ['IEND', Buffer.alloc(0)]]), 'image/png')).toBeUndefined();
  });

  it('names what is wrong with a damaged PNG', () => {
    expect(rasterProblem(PNG.subarray(0, PNG.length >> 1), 'image/png')).toMatch(/cut off/);
    const flipped = PNG.slice();
    flipped[60] = flipped[60]! ^ 0xff;
    expect(rasterProblem(flipped, 'image/png')).toMatch(/damaged \(CRC mismatch\)/);
    const garbage = png([['IHDR', ihdr], ['IDAT', Buffer.from('not zlib at all')], ['IEND', Buffer.alloc(0)]]);
    expect(rasterProblem(garbage, 'image/png')).toMatch(/does not decompress/);
    const short = png([['IHDR', ihdr], ['IDAT', deflateSync(Buffer.alloc(5))], ['IEND', Buffer.alloc(0)]]);
    expect(rasterProblem(short, 'image/png')).toBe('its pixel data is short: 5 of 10 bytes');
    expect(rasterProblem(png([['IHDR', ihdr], ['IEND', Buffer.alloc(0)]]), 'image/png')).toMatch(/no IDAT/);
    expect(rasterProblem(png([['IDAT', deflateSync(Buffer.alloc(10))]]), 'image/png')).toMatch(/does not begin with an IHDR/);
  });

  it('names what is wrong with a damaged JPEG or GIF', () => {
    expect(rasterProblem(JPEG.subarray(0, 100), 'image/jpeg')).toMatch(/cut off/);
    expect(rasterProblem(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'image/jpeg')).toMatch(/scan comes before any frame/);
    expect(rasterProblem(new Uint8Array([0xff, 0xd8, 0x12, 0x34, 0, 0]), 'image/jpeg')).toMatch(/starts no JPEG marker/);
    const gif = new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'));
    expect(rasterProblem(gif, 'image/gif')).toMatch(/cut off \(no trailer\)/);
  });
});
