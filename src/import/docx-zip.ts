import { inflateRawSync } from 'node:zlib';
import { BookdeckError } from '../errors.js';
import { openRegular } from '../io/read-regular.js';

const MB = 1024 * 1024;

/** What a .docx may inflate to before anything is unzipped: past these it is a zip bomb, not a document. */
export const DOCX_LIMITS = {
  /** The .docx file itself. */
  fileBytes: 200 * MB,
  /** All its parts together, inflated. */
  totalBytes: 200 * MB,
  /** One picture or other embedded file, inflated. */
  mediaBytes: 100 * MB,
  /** One XML part (document.xml of a 1,000-page book is about 20 MB); pandoc needs many times this in memory. */
  xmlBytes: 32 * MB,
  /** Inflated : compressed, for parts larger than `ratioFrom`; Word's XML compresses 5–20:1, zeros 1,000:1. */
  ratio: 100,
  ratioFrom: 1 * MB,
  entries: 10_000,
} as const;

/** One file in a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A .docx read and measured: its bytes, its directory, and a bounded reader for one part. */
export interface DocxZip {
  bytes: Buffer;
  entries: ZipEntry[];
  /** The part's bytes (never more than its declared size), or undefined if there is no such part. */
  read(name: string): Buffer | undefined;
}

const bytesOf = (n: number) => `${n.toLocaleString('en')} bytes`;
const human = (n: number) => (n >= MB ? `${Math.round(n / MB).toLocaleString('en')} MB` : `${Math.round(n / 1024).toLocaleString('en')} KB`);

/**
 * Read a .docx and measure it before anything is inflated or pandoc runs: its size, then
 * each part's inflated size and ratio from the zip's central directory, then the total.
 * Every part is then inflated once with its declared size as the cap, so a directory that
 * lies about a part is caught without inflating more than it claimed.
 */
export async function readDocxZip(file: string, limits = DOCX_LIMITS): Promise<DocxZip> {
  const fh = await openRegular(file);
  let bytes: Buffer;
  try {
    const { size } = await fh.stat();
    if (size > limits.fileBytes) tooLarge(file, `this .docx is ${bytesOf(size)} (${human(size)}); the limit is ${bytesOf(limits.fileBytes)} (${human(limits.fileBytes)})`);
    bytes = await fh.readFile();
  } finally {
    await fh.close();
  }
  return measureDocx(bytes, file, limits);
}

/** {@link readDocxZip} for bytes already read. */
export function measureDocx(bytes: Buffer, file: string, limits = DOCX_LIMITS): DocxZip {
  const entries = centralDirectory(bytes, file, limits.entries);
  checkBudget(entries, file, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (!e.name.endsWith('/')) inflateEntry(bytes, e, file);
    if (!byName.has(e.name)) byName.set(e.name, e);
  }
  return {
    bytes,
    entries,
    read: (name) => {
      const e = byName.get(name);
      return e ? inflateEntry(bytes, e, file) : undefined;
    },
  };
}

/** Refuse a part or a whole that would inflate past the limits, saying the numbers. Pure. */
export function checkBudget(entries: readonly ZipEntry[], file: string, limits = DOCX_LIMITS): void {
  let total = 0;
  for (const e of entries) {
    const xml = /\.(xml|rels)$/i.test(e.name);
    const limit = xml ? limits.xmlBytes : limits.mediaBytes;
    if (e.size > limit) {
      tooLarge(file, `${e.name} would inflate to ${bytesOf(e.size)} (${human(e.size)}); the limit for ${xml ? 'an XML part' : 'a picture or other embedded file'} is ${bytesOf(limit)} (${human(limit)})`);
    }
    if (e.size > limits.ratioFrom && e.size > e.compressedSize * limits.ratio) {
      const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
      tooLarge(file, `${e.name} would inflate ${ratio.toLocaleString('en')}:1 (${bytesOf(e.size)} from ${bytesOf(e.compressedSize)}); more than ${limits.ratio}:1 is a zip bomb, not a document`);
    }
    total += e.size;
  }
  if (total > limits.totalBytes) {
    tooLarge(file, `its ${entries.length.toLocaleString('en')} parts would inflate to ${bytesOf(total)} (${human(total)}); the limit is ${bytesOf(limits.totalBytes)} (${human(limits.totalBytes)})`);
  }
}

function tooLarge(file: string, message: string): never {
  throw new BookdeckError('E_DOCX_TOO_LARGE', message, {
    location: { file },
    hint: 'if the document is real, save it again from Word or LibreOffice with pictures compressed, or split it into several files',
  });
}

function corrupt(file: string, why: string): never {
  throw new BookdeckError('E_DOCX_CORRUPT', `this .docx is damaged or incomplete (${why})`, {
    location: { file },
    hint: 'open it in Word or LibreOffice and save it again, or ask for a fresh copy',
  });
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip's central directory, read from its end record (ZIP64 too). */
export function centralDirectory(bytes: Buffer, file: string, maxEntries: number = DOCX_LIMITS.entries): ZipEntry[] {
  if (bytes.length < 22) corrupt(file, 'too short to be a zip file');
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD && i + 22 + bytes.readUInt16LE(i + 20) <= bytes.length) {
      end = i;
      break;
    }
  }
  if (end === -1) corrupt(file, 'no zip directory at its end: cut off, or not a zip file');
  let count = bytes.readUInt16LE(end + 10);
  let size = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const at = Number(bytes.readBigUInt64LE(end - 12));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) corrupt(file, 'a broken ZIP64 directory record');
    count = Number(bytes.readBigUInt64LE(at + 32));
    size = Number(bytes.readBigUInt64LE(at + 40));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  if (count > maxEntries) tooLarge(file, `its zip directory lists ${count.toLocaleString('en')} parts; the limit is ${maxEntries.toLocaleString('en')}`);
  if (offset + size > bytes.length) corrupt(file, 'its zip directory points past the end of the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) corrupt(file, `zip directory entry ${i + 1} is broken`);
    const nameLen = bytes.readUInt16LE(at + 28);
    const extraLen = bytes.readUInt16LE(at + 30);
    const commentLen = bytes.readUInt16LE(at + 32);
    const e: ZipEntry = {
      name: bytes.toString((bytes.readUInt16LE(at + 8) & 0x800) !== 0 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLen),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    zip64Sizes(e, bytes.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen));
    entries.push(e);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Sizes and offset given as 0xFFFFFFFF are in the ZIP64 extra field (id 1), in this order. */
function zip64Sizes(e: ZipEntry, extra: Buffer): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 1) {
      let p = i + 4;
      const next = () => {
        const v = p + 8 <= i + 4 + len && p + 8 <= extra.length ? Number(extra.readBigUInt64LE(p)) : undefined;
        p += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next() ?? e.size;
      if (e.compressedSize === 0xffffffff) e.compressedSize = next() ?? e.compressedSize;
      if (e.localOffset === 0xffffffff) e.localOffset = next() ?? e.localOffset;
      return;
    }
    i += 4 + len;
  }
}

/** One entry's bytes, inflating no more than its declared size: a lying directory is an error, not a bomb. */
function inflateEntry(bytes: Buffer, e: ZipEntry, file: string): Buffer {
  const at = e.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) corrupt(file, `the part ${e.name} is missing`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + e.compressedSize > bytes.length) corrupt(file, `the part ${e.name} is cut off`);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) corrupt(file, `the stored part ${e.name} is not the size its directory says`);
    return data;
  }
  if (e.method !== 8) corrupt(file, `the part ${e.name} uses compression method ${e.method}, which Word never writes`);
  let out: Buffer;
  try {
    // One byte more than declared: getting it means the data inflates past what the directory says.
    out = inflateRawSync(data, { maxOutputLength: e.size + 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      tooLarge(file, `${e.name} inflates to more than the ${bytesOf(e.size)} its zip directory says (stopped there: a crafted file)`);
    }
    corrupt(file, `the part ${e.name} does not inflate: ${(err as Error).message}`);
  }
  if (out.length > e.size) tooLarge(file, `${e.name} inflates to more than the ${bytesOf(e.size)} its zip directory says (stopped there: a crafted file)`);
  if (out.length < e.size) corrupt(file, `the part ${e.name} inflates to ${bytesOf(out.length)}, not the ${bytesOf(e.size)} its directory says`);
  return out;
}
