import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';

/** What a file system entry is, in words, for messages. */
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** The error for a path that exists but is not a regular file. */
export function notRegular(file: string, info: Stats, location: Location = { file }): BookdeckError {
  const what = location.file === file ? 'this' : `'${file}'`;
  return new BookdeckError('E_NOT_REGULAR', `${what} is ${kindOf(info)}, not a regular file`, {
    location,
    hint: 'bookdeck reads only plain files: point at the file itself',
  });
}

/**
 * Open a regular file for reading, never blocking on a FIFO or a device and never
 * opening a folder for reading: opened with O_NONBLOCK (a FIFO opens at once instead of
 * waiting for a writer), then checked with fstat on the open descriptor, so what is read
 * is what was checked. `noFollow` also refuses a symbolic link in the last component.
 */
export async function openRegular(file: string, opts: { location?: Location; noFollow?: boolean } = {}): Promise<FileHandle> {
  const location = opts.location ?? { file };
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (opts.noFollow ? constants.O_NOFOLLOW : 0);
  const handle = await open(file, flags).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code === 'ELOOP') throw new BookdeckError('E_NOT_REGULAR', `'${file}' is a symbolic link, which is not followed here`, { location, hint: 'copy the file itself into place' });
    const info = e.code === 'ENOENT' ? undefined : await stat(file).catch(() => undefined);
    if (info && !info.isFile()) throw notRegular(file, info, location);
    const what = location.file === file ? 'the file' : `'${file}'`;
    throw new BookdeckError(e.code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ', `cannot read ${what} (${e.code ?? e.message})`, { location, hint: 'check the path and its permissions' });
  });
  const info = await handle.stat();
  if (info.isFile()) return handle;
  await handle.close();
  throw notRegular(file, info, location);
}

/** A cap on the bytes {@link readRegularFile} reads, and the error for a file past it (given the size seen). */
export interface ReadLimit {
  bytes: number;
  tooLarge: (size: number) => BookdeckError;
}

/**
 * Read a whole regular file (see {@link openRegular}). With a `limit`, a file whose size is
 * past it is refused before reading, and no more than the limit (plus one byte, to notice a
 * file that grows while it is read) is ever read.
 */
export async function readRegularFile(file: string, opts: { location?: Location; noFollow?: boolean; limit?: ReadLimit } = {}): Promise<Buffer> {
  const handle = await openRegular(file, opts);
  try {
    if (!opts.limit) return await handle.readFile();
    return await readCapped(handle, opts.limit);
  } finally {
    await handle.close();
  }
}

async function readCapped(handle: FileHandle, limit: ReadLimit): Promise<Buffer> {
  const { size } = await handle.stat();
  if (size > limit.bytes) throw limit.tooLarge(size);
  // Room for the size fstat gave plus one byte; a file that grows gets more room, up to one byte past the limit.
  let buf = Buffer.alloc(size + 1);
  let got = 0;
  for (;;) {
    if (got === buf.length) {
      if (got > limit.bytes) throw limit.tooLarge(Math.max(got, (await handle.stat()).size));
      const more = Buffer.alloc(Math.min(buf.length * 2, limit.bytes + 1));
      buf.copy(more);
      buf = more;
    }
    const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
    if (bytesRead === 0) return buf.subarray(0, got);
    got += bytesRead;
  }
}
