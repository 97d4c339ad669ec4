import { describe, expect, it } from 'vitest';
import { bookIdentifier, displayDate, uuidV5 } from '../../../../src/emit/epub/metadata.js';
import { isoSeconds } from '../../../../src/emit/zip-dates.js';
import { documentDate, readBuildDate } from '../../../../src/request/build-date.js';
import { BookdeckError } from '../../../../src/errors.js';
import type { Book } from '../../../../src/model/book.js';

const book = (meta: Partial<Book['meta']>, titles = ['甲', '乙']): Book =>
  ({ meta: { title: '书', date: '2018-07-26', lang: 'zh-Hans', ...meta }, chapters: titles.map((title) => ({ title })), root: '/m', files: [] }) as unknown as Book;

describe('EPUB metadata', () => {
  it('makes RFC 4122 version-5 UUIDs (the RFC example for the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('uses the front-matter identifier, otherwise one derived from the work, never random', () => {
    expect(bookIdentifier(book({ identifier: 'urn:isbn:9787000000000' }))).toBe('urn:isbn:9787000000000');
    const a = bookIdentifier(book({}));
    expect(a).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookIdentifier(book({}))).toBe(a);
    expect(bookIdentifier(book({ title: '另一本书' }))).not.toBe(a);
    expect(bookIdentifier(book({}, ['甲', '丙']))).not.toBe(a);
  });

  it('takes dcterms:modified from SOURCE_DATE_EPOCH, else from the manuscript date, else the start of the build day', () => {
    const now = new Date('2026-12-08T01:23:45Z');
    const modified = (sde: string | undefined, date: string | undefined) => isoSeconds(documentDate(readBuildDate(sde, now), date));
    expect(modified(undefined, '2018-07-26')).toBe('2018-07-26T00:00:00Z');
    expect(modified('', '2018-07-26')).toBe('2018-07-26T00:00:00Z');
    expect(modified('1700000000', '2018-07-26')).toBe('2023-11-14T22:13:20Z');
    expect(modified(undefined, undefined)).toBe('2026-12-08T00:00:00Z');
    expect(() => readBuildDate('yesterday', now)).toThrow(BookdeckError);
  });

  it('writes Chinese dates for Chinese books', () => {
    expect(displayDate('2018-07-26', 'zh-Hans')).toBe('2018年7月26日');
    expect(displayDate('2018-07-26', 'en')).toBe('2018-07-26');
  });
});
