import { crc32, inflateSync } from 'node:zlib';

/**
 * Why a PNG, JPEG or GIF's bytes cannot be shown or printed, or undefined when they are
 * sound. The PDF's xdvipdfmx dies on a broken image (and takes the whole build with it,
 * naming no image), so the structure is checked here, where the manuscript line is known.
 * Pure.
 */
export function rasterProblem(bytes: Uint8Array, mediaType: string): string | undefined {
  if (mediaType === 'image/png') return pngProblem(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (mediaType === 'image/jpeg') return jpegProblem(bytes);
  if (mediaType === 'image/gif') return gifProblem(bytes);
  return undefined;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Chunks whole, CRCs right, IHDR sane, and the pixel data inflating to the size IHDR says. */
function pngProblem(b: Buffer): string | undefined {
  let at = 8;
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  let ended = false;
  while (at < b.length && !ended) {
    if (at + 12 > b.length) return `it is cut off at byte ${at}`;
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return `byte ${at} starts no PNG chunk`;
    if (at + 12 + length > b.length) return `its ${type} chunk is cut off`;
    const data = b.subarray(at + 8, at + 8 + length);
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== b.readUInt32BE(at + 8 + length)) return `its ${type} chunk is damaged (CRC mismatch)`;
    if (!ihdr && type !== 'IHDR') return 'it does not begin with an IHDR chunk';
    if (type === 'IHDR') ihdr = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!ihdr || ihdr.length !== 13) return 'it has no valid IHDR chunk';
  if (!ended) return 'it is cut off (no IEND chunk)';
  if (!idat.length) return 'it has no pixel data (no IDAT chunk)';
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [depth, color, , , interlace] = [ihdr[8]!, ihdr[9]!, ihdr[10], ihdr[11], ihdr[12]!];
  if (!width || !height) return `it is ${width}×${height} pixels`;
  if (!DEPTHS[color]?.includes(depth)) return `colour type ${color} with bit depth ${depth} is not PNG`;
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat));
  } catch (e) {
    return `its pixel data does not decompress (${(e as Error).message})`;
  }
  const rowBytes = (w: number) => (w ? 1 + Math.ceil((w * depth * CHANNELS[color]!) / 8) : 0);
  const passes = interlace
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
    : [[0, 0, 1, 1]];
  let expected = 0;
  for (const [x0, y0, dx, dy] of passes as [number, number, number, number][]) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) expected += h * rowBytes(w);
  }
  if (pixels.length < expected) return `its pixel data is short: ${pixels.length} of ${expected} bytes`;
  return undefined;
}

/** Markers whole up to the scan, with a frame header giving a size and 1–4 components. */
function jpegProblem(b: Uint8Array): string | undefined {
  let at = 2;
  let frame = false;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return `byte ${at} starts no JPEG marker`;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2 || at + 2 + length > b.length) return `its segment at byte ${at} is cut off`;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      const height = (b[at + 5]! << 8) | b[at + 6]!;
      const width = (b[at + 7]! << 8) | b[at + 8]!;
      const components = b[at + 9]!;
      if (!width || !height) return `its frame is ${width}×${height} pixels`;
      if (components < 1 || components > 4) return `its frame has ${components} colour components`;
      frame = true;
    }
    if (marker === 0xda) return frame ? undefined : 'its scan comes before any frame header';
    if (marker === 0xd9) break;
    at += 2 + length;
  }
  return frame ? 'it is cut off before the image data' : 'it has no frame header (no SOF marker)';
}

/** Header, then blocks followed to the trailer. */
function gifProblem(b: Uint8Array): string | undefined {
  const sig = new TextDecoder('latin1').decode(b.subarray(0, 6));
  if (sig !== 'GIF87a' && sig !== 'GIF89a') return 'it has no GIF87a/GIF89a header';
  if (b.length < 13) return 'it is cut off in its header';
  const width = b[6]! | (b[7]! << 8);
  const height = b[8]! | (b[9]! << 8);
  if (!width || !height) return `it is ${width}×${height} pixels`;
  let at = 13 + (b[10]! & 0x80 ? 3 * 2 ** ((b[10]! & 7) + 1) : 0);
  const subBlocks = () => {
    while (at < b.length && b[at] !== 0) at += 1 + b[at]!;
    at++;
  };
  let frames = 0;
  while (at < b.length) {
    const kind = b[at]!;
    if (kind === 0x3b) return frames ? undefined : 'it has no image in it';
    if (kind === 0x21) {
      at += 2;
      subBlocks();
    } else if (kind === 0x2c) {
      if (at + 10 > b.length) break;
      const flags = b[at + 9]!;
      at += 10 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0) + 1;
      subBlocks();
      frames++;
    } else return `byte ${at} starts no GIF block`;
  }
  return 'it is cut off (no trailer)';
}
