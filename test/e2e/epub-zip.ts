import { inflateRawSync } from 'node:zlib';

/** One entry of a zip file, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  /** MS-DOS date and time fields, as stored. */
  dosDate: number;
  dosTime: number;
  /** Offset of the local header. */
  offset: number;
  data: Buffer;
}

/** Read a zip (no ZIP64, which EPUBs of this size never need) into its entries, in stored order. */
export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const dosTime = zip.readUInt16LE(at + 12);
    const dosDate = zip.readUInt16LE(at + 14);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    const local = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const raw = zip.subarray(local, local + size);
    entries.push({ name, method, dosDate, dosTime, offset, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Entries by name, text decoded. */
export function zipTexts(entries: ZipEntry[]): Map<string, string> {
  return new Map(entries.filter((e) => /\.(xhtml|opf|ncx|css|xml)$/.test(e.name)).map((e) => [e.name, e.data.toString('utf8')]));
}
