import { describe, expect, it } from 'vitest';
import { rasterSize, withDeclaredDpi } from '../../../../src/images/raster.js';
import { texDpiFactor, TEX_MAX_PT } from '../../../../src/emit/pdf/images/print-resolution.js';
import { solidPng } from '../../../png.js';

/** SOI, an Exif APP1 (resolution 72), SOF0 (w × h), a stub SOS with 3 scan bytes, EOI. */
function jpeg(width: number, height: number): Buffer {
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 10]), Buffer.from('Exif\0\0MM', 'latin1')]);
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  const sos = Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0xaa, 0xbb, 0xcc, 0xff, 0xd9]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), exif, sof, sos]);
}

const A5 = [{ width: 312, height: 500 }];

describe('images past TeX’s largest dimension', () => {
  it('leaves an image within the limit alone, and brings a wider one to the text block', () => {
    expect(texDpiFactor({ width: 15_000, height: 10, dpiX: 72, dpiY: 72 }, A5)).toBe(1);
    const k = texDpiFactor({ width: 17_000, height: 10, dpiX: 72, dpiY: 72 }, A5);
    expect((17_000 / (72 * k)) * 72).toBeCloseTo(312, 6); // natural width = the text block, in bp
    expect(TEX_MAX_PT).toBeLessThan(16_383.99998);
  });

  it('a PNG declares the new resolution in one pHYs chunk; its pixels are the same bytes', () => {
    const png = solidPng(17_000, 10);
    const out = Buffer.from(withDeclaredDpi(png, 4000, 4000)!);
    expect(rasterSize(out)).toMatchObject({ width: 17_000, height: 10 });
    expect(Math.round(rasterSize(out)!.dpiX)).toBe(4000);
    expect(out.toString('latin1').split('pHYs')).toHaveLength(2);
    const idat = (b: Buffer) => b.subarray(b.indexOf('IDAT') - 4);
    expect(idat(out).equals(idat(png))).toBe(true);
  });

  it('a JPEG gets a JFIF density, loses its Exif segment (XeTeX prefers Exif’s resolution), keeps its scan', () => {
    const src = jpeg(20_000, 30);
    expect(rasterSize(src)).toMatchObject({ width: 20_000, height: 30, dpiX: 72 });
    const out = Buffer.from(withDeclaredDpi(src, 5000, 5000)!);
    expect(rasterSize(out)).toMatchObject({ width: 20_000, height: 30, dpiX: 5000, dpiY: 5000 });
    expect(out.includes(Buffer.from('Exif'))).toBe(false);
    expect(out.subarray(out.indexOf(Buffer.from([0xff, 0xda]))).equals(src.subarray(src.indexOf(Buffer.from([0xff, 0xda]))))).toBe(true);
  });
});
