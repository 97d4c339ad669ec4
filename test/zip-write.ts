// A small zip writer for hostile .docx fixtures: entries given as content, or as a deflate
// stream made without compressing the whole thing (a gigabyte of zeros in a second), and
// central-directory sizes that may lie about what the data inflates to.
import { crc32, deflateRawSync, constants } from 'node:zlib';

/** One zip entry: its name and either its bytes or a ready deflate stream with the true size and CRC. */
export interface ZipEntry {
  name: string;
  data?: Uint8Array;
  deflated?: { stream: Buffer; size: number; crc: number };
  /** Write this as the uncompressed size (in both headers) instead of the true one: a lying zip. */
  claimSize?: number;
}

/**
 * A raw deflate stream of `size` zero bytes (a multiple of `chunk`), made by repeating one
 * non-final flushed block: each copy inflates to `chunk` zeros on its own, since its first
 * byte is a literal and its matches only reach back over zeros.
 */
export function zerosDeflated(size: number, chunk = 16 * 1024 * 1024): { stream: Buffer; size: number; crc: number } {
  if (size % chunk !== 0) throw new Error('size must be a multiple of chunk');
  const zeros = Buffer.alloc(chunk);
  const block = deflateRawSync(zeros, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const copies = size / chunk;
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = crc32(zeros, crc);
  // A final, empty fixed-Huffman block ends the stream.
  const stream = Buffer.concat([...Array.from({ length: copies }, () => block), Buffer.from([0x03, 0x00])]);
  return { stream, size, crc };
}

/**
 * A raw deflate stream of `head`, then `middle` repeated `copies` times, then `tail`: each
 * piece is compressed from a fresh state and flushed, so its matches stay inside it and a
 * copy of its bytes inflates to the same text anywhere in the stream.
 */
export function repeatedDeflated(head: Buffer, middle: Buffer, copies: number, tail: Buffer): { stream: Buffer; size: number; crc: number } {
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const block = flushed(middle);
  let crc = crc32(head);
  for (let i = 0; i < copies; i++) crc = crc32(middle, crc);
  crc = crc32(tail, crc);
  const stream = Buffer.concat([flushed(head), ...Array.from({ length: copies }, () => block), deflateRawSync(tail)]);
  return { stream, size: head.length + middle.length * copies + tail.length, crc };
}

/** The bytes of a zip file holding `entries`, deflated, with a central directory and its end record. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const d = e.deflated ?? { stream: deflateRawSync(e.data ?? new Uint8Array()), size: e.data?.length ?? 0, crc: crc32(e.data ?? new Uint8Array()) };
    const size = e.claimSize ?? d.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(d.crc >>> 0, 14);
    local.writeUInt32LE(d.stream.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, d.stream);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(d.crc >>> 0, 16);
    cd.writeUInt32LE(d.stream.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + d.stream.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}
