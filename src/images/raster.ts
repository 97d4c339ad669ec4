import { deflateSync } from 'node:zlib';
import { pngChunk } from './png-chunk.js';
import { createRequire } from 'node:module';

/** A raster image's pixel size and the resolution it declares (72 dpi when it declares none, as xdvipdfmx assumes). */
export interface RasterSize {
  width: number;
  height: number;
  dpiX: number;
  dpiY: number;
}

/** Pixel size and declared resolution of a PNG or JPEG; undefined for anything else. Pure. */
export function rasterSize(bytes: Uint8Array): RasterSize | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 24 && b.toString('latin1', 1, 4) === 'PNG') {
    const size = { width: b.readUInt32BE(16), height: b.readUInt32BE(20), dpiX: 72, dpiY: 72 };
    for (let at = 8; at + 8 <= b.length; ) {
      const len = b.readUInt32BE(at);
      const type = b.toString('latin1', at + 4, at + 8);
      if (type === 'pHYs' && b[at + 16] === 1) {
        size.dpiX = b.readUInt32BE(at + 8) * 0.0254;
        size.dpiY = b.readUInt32BE(at + 12) * 0.0254;
      }
      if (type === 'IDAT' || type === 'IEND') break;
      at += 12 + len;
    }
    return size;
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let dpiX = 72;
    let dpiY = 72;
    for (let at = 2; at + 9 < b.length; ) {
      if (b[at] !== 0xff) return undefined;
      const marker = b[at + 1]!;
      const len = b.readUInt16BE(at + 2);
      // JFIF density: units 1 = per inch, 2 = per cm.
      if (marker === 0xe0 && b.toString('latin1', at + 4, at + 9) === 'JFIF\0' && b[at + 11]) {
        const perCm = b[at + 11] === 2 ? 2.54 : 1;
        dpiX = b.readUInt16BE(at + 12) * perCm;
        dpiY = b.readUInt16BE(at + 14) * perCm;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5), dpiX, dpiY };
      }
      at += 2 + len;
    }
  }
  return undefined;
}

/**
 * The resolution an image prints at: the template prints it at its declared size, shrunk
 * to fit the text block (never enlarged), so ppi = pixels / printed inches. Pure.
 */
export function printedPpi(size: RasterSize, area: { width: number; height: number }): number {
  const wIn = size.width / size.dpiX;
  const hIn = size.height / size.dpiY;
  const scale = Math.min(1, area.width / 72 / wIn, area.height / 72 / hIn);
  return Math.min(size.width / (wIn * scale), size.height / (hIn * scale));
}

const require = createRequire(import.meta.url);

/**
 * A PNG or JPEG as a gray PNG (gray, or gray + alpha when it has transparency), keeping
 * its declared resolution so it prints at the same size. resvg decodes it (drawn 1:1
 * inside an SVG), luma is Rec. 601. Returns the input for anything resvg cannot read.
 */
export function toGrayPng(bytes: Uint8Array): Uint8Array {
  const size = rasterSize(bytes);
  if (!size) return bytes;
  const mime = bytes[0] === 0x89 ? 'image/png' : 'image/jpeg';
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><image width="${size.width}" height="${size.height}" preserveAspectRatio="none" href="data:${mime};base64,${Buffer.from(bytes).toString('base64')}"/></svg>`;
  const rgba = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().pixels;
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) opaque = false;
  const channels = opaque ? 1 : 2;
  const row = size.width * channels + 1;
  const raw = Buffer.alloc(row * size.height);
  for (let y = 0; y < size.height; y++) {
    for (let x = 0; x < size.width; x++) {
      const p = (y * size.width + x) * 4;
      const a = rgba[p + 3]!;
      // resvg's pixels are premultiplied: undo it before taking the luma.
      const k = a === 0 ? 0 : 255 / a;
      const luma = Math.round(Math.min(255, (0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!) * k));
      const o = y * row + 1 + x * channels;
      raw[o] = luma;
      if (!opaque) raw[o + 1] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size.width, 0);
  ihdr.writeUInt32BE(size.height, 4);
  ihdr[8] = 8;
  ihdr[9] = opaque ? 0 : 4;
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(Math.round(size.dpiX / 0.0254), 0);
  phys.writeUInt32BE(Math.round(size.dpiY / 0.0254), 4);
  phys[8] = 1;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('pHYs', phys), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]));
}


/**
 * The same PNG or JPEG declaring another resolution, so it has another natural size in
 * TeX; the pixels are untouched. A PNG gets its pHYs chunk replaced (or one added after
 * IHDR); a JPEG its JFIF density (or a JFIF segment added), with any Exif segment left
 * out, since XeTeX would take Exif's resolution over JFIF's. Undefined for anything else.
 */
export function withDeclaredDpi(bytes: Uint8Array, dpiX: number, dpiY: number): Uint8Array | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 33 && b.toString('latin1', 1, 4) === 'PNG') {
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(Math.ceil(dpiX / 0.0254), 0);
    phys.writeUInt32BE(Math.ceil(dpiY / 0.0254), 4);
    phys[8] = 1;
    const parts: Buffer[] = [b.subarray(0, 8)];
    for (let at = 8; at + 8 <= b.length; ) {
      const len = b.readUInt32BE(at);
      const type = b.toString('latin1', at + 4, at + 8);
      const end = Math.min(b.length, at + 12 + len);
      if (type !== 'pHYs') parts.push(b.subarray(at, end));
      if (type === 'IHDR') parts.push(pngChunk('pHYs', phys));
      at = end;
    }
    return new Uint8Array(Buffer.concat(parts));
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Densities are 16-bit: past 65535 dpi the image is no wider than a point anyway.
    const density = (d: number) => Math.min(0xffff, Math.ceil(d));
    const jfif = Buffer.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0]);
    jfif.writeUInt16BE(density(dpiX), 12);
    jfif.writeUInt16BE(density(dpiY), 14);
    const parts: Buffer[] = [b.subarray(0, 2), jfif];
    let at = 2;
    while (at + 4 <= b.length && b[at] === 0xff) {
      const marker = b[at + 1]!;
      if (marker === 0xda || marker === 0xd9) break; // scan data follows: copy the rest as it is
      const end = at + 2 + b.readUInt16BE(at + 2);
      const isJfif = marker === 0xe0 && b.toString('latin1', at + 4, at + 9) === 'JFIF\0';
      const isExif = marker === 0xe1 && b.toString('latin1', at + 4, at + 8) === 'Exif';
      if (!isJfif && !isExif) parts.push(b.subarray(at, end));
      at = end;
    }
    parts.push(b.subarray(at));
    return new Uint8Array(Buffer.concat(parts));
  }
  return undefined;
}
