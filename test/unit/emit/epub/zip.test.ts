import { describe, expect, it } from 'vitest';
import { readZip } from '../../../e2e/epub-zip.js';
import { crc32 } from '../../../../src/io/crc32.js';
import { dosDateTime, writeZip } from '../../../../src/emit/epub/zip.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writeZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
  });

  it('writes entries in order, stored or deflated, all with one date, and the same input gives the same bytes', () => {
    const date = new Date('2018-07-26T00:00:00Z');
    const files = [
      { name: 'mimetype', data: bytes('application/epub+zip'), compress: false },
      { name: 'OEBPS/a.xhtml', data: bytes('京津冀'.repeat(500)), compress: true },
    ];
    const zip = writeZip(files, date);
    expect(Buffer.from(writeZip(files, date)).equals(Buffer.from(zip))).toBe(true);
    const entries = readZip(Buffer.from(zip));
    expect(entries.map((e) => [e.name, e.method])).toEqual([['mimetype', 0], ['OEBPS/a.xhtml', 8]]);
    expect(entries[0]!.offset).toBe(0);
    expect(entries[1]!.data.toString()).toBe('京津冀'.repeat(500));
    const { time, date: day } = dosDateTime(date);
    for (const e of entries) expect([e.dosTime, e.dosDate]).toEqual([time, day]);
    expect(day).toBe((38 << 9) | (7 << 5) | 26);
  });
});
