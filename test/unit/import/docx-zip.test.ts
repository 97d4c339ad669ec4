import { describe, expect, it } from 'vitest';
import { centralDirectory, checkBudget, DOCX_LIMITS, type ZipEntry } from '../../../src/import/docx-zip.js';
import { writeZip } from '../../zip-write.js';

const MB = 1024 * 1024;
const entry = (name: string, size: number, compressedSize = size): ZipEntry => ({ name, size, compressedSize, method: 8, localOffset: 0 });
const refusal = (entries: ZipEntry[]) => {
  try {
    checkBudget(entries, 'x.docx');
  } catch (err) {
    return err as Error & { code: string };
  }
  return undefined;
};

describe('checkBudget: a .docx is refused from its zip directory, with the numbers', () => {
  it('passes a real-sized document', () => {
    expect(refusal([entry('word/document.xml', 8 * MB, MB), entry('word/media/image1.jpeg', 20 * MB), entry('word/styles.xml', 60_000, 5_000)])).toBeUndefined();
  });

  it('refuses an XML part past 32 MB', () => {
    const err = refusal([entry('word/document.xml', 40 * MB, 4 * MB)]);
    expect(err?.code).toBe('E_DOCX_TOO_LARGE');
    expect(err?.message).toBe('word/document.xml would inflate to 41,943,040 bytes (40 MB); the limit for an XML part is 33,554,432 bytes (32 MB)');
  });

  it('refuses a picture past 100 MB', () => {
    expect(refusal([entry('word/media/big.png', 101 * MB)])?.message).toMatch(/^word\/media\/big\.png would inflate to 105,906,176 bytes \(101 MB\); the limit for a picture or other embedded file is 104,857,600 bytes/);
  });

  it('refuses a ratio past 100:1 on a part over 1 MB, and lets a small one be', () => {
    expect(refusal([entry('word/media/a.bin', 50 * MB, 100_000)])?.message).toBe(
      'word/media/a.bin would inflate 524:1 (52,428,800 bytes from 100,000 bytes); more than 100:1 is a zip bomb, not a document',
    );
    expect(refusal([entry('word/settings.xml', 900_000, 1_000)])).toBeUndefined();
  });

  it('refuses parts that pass one by one but not together', () => {
    const parts = [1, 2, 3].map((i) => entry(`word/media/image${i}.jpeg`, 90 * MB));
    expect(refusal(parts)?.message).toBe(`its 3 parts would inflate to 283,115,520 bytes (270 MB); the limit is ${DOCX_LIMITS.totalBytes.toLocaleString('en')} bytes (200 MB)`);
  });
});

describe('centralDirectory', () => {
  it('reads names, sizes and offsets as written, and refuses a file with no directory', () => {
    const zip = writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }, { name: '图片/一.png', data: Buffer.alloc(5000) }]);
    const entries = centralDirectory(zip, 'x.docx');
    expect(entries.map((e) => [e.name, e.size])).toEqual([['word/document.xml', 13], ['图片/一.png', 5000]]);
    expect(() => centralDirectory(zip.subarray(0, zip.length - 30), 'x.docx')).toThrow(/no zip directory at its end/);
  });
});
