import { crc32 } from 'node:zlib';

/** One PNG chunk: length, type, data and the CRC over type and data. Pure. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A pHYs chunk giving `dpi` on both axes. Pure. */
export function physChunk(dpiX: number, dpiY = dpiX): Buffer {
  const data = Buffer.alloc(9);
  data.writeUInt32BE(Math.round(dpiX / 0.0254), 0);
  data.writeUInt32BE(Math.round(dpiY / 0.0254), 4);
  data[8] = 1;
  return pngChunk('pHYs', data);
}
