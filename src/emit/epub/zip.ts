import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../io/crc32.js';

/** A file to put into a zip. */
export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** Deflate it (text) or store it (mimetype, already-compressed images and fonts). */
  compress: boolean;
}

/** The instants a zip entry can carry: MS-DOS dates run from 1980 to 2107. */
const DOS_FIRST = Date.UTC(1980, 0, 2);
const DOS_LAST = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * MS-DOS time and date fields of a UTC instant (zip has no time zone; 2-second steps).
 * An instant outside 1980–2107 (a speech of 1949, a date of 9999) is clamped to the
 * nearest one a zip can hold; the EPUB's own dates keep the real value.
 */
export function dosDateTime(instant: Date): { time: number; date: number } {
  const d = new Date(Math.min(Math.max(instant.getTime(), DOS_FIRST), DOS_LAST));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Write a zip in exactly the given order, every entry with the same timestamp, no
 * extra fields and no directory entries: the same files give the same bytes. Uses
 * node's zlib, several times faster than a JavaScript deflate.
 */
export function writeZip(files: ZipInput[], date: Date): Uint8Array {
  const { time, date: day } = dosDateTime(date);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const body = f.compress ? deflateRawSync(f.data, { level: 9 }) : Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength);
    const method = f.compress ? 8 : 0;
    const crc = crc32(f.data);
    const flags = /[^\x20-\x7e]/.test(f.name) ? 0x0800 : 0;
    // Version needed … extra-field length: the same 26 bytes in the local header and the central directory.
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0);
    fields.writeUInt16LE(flags, 2);
    fields.writeUInt16LE(method, 4);
    fields.writeUInt16LE(time, 6);
    fields.writeUInt16LE(day, 8);
    fields.writeUInt32LE(crc, 10);
    fields.writeUInt32LE(body.length, 14);
    fields.writeUInt32LE(f.data.length, 18);
    fields.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields.copy(local, 4);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    fields.copy(cd, 6);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}
