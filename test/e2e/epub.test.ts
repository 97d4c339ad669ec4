import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, defaultBuilt, MANUSCRIPT } from '../helpers.js';
import { loadBook } from '../../src/manuscript/load.js';
import type { Book } from '../../src/model/book.js';
import { epubcheck } from '../../src/tools/epubcheck.js';
import { cmapCodePoints, familyNames } from '../../src/fonts/sfnt.js';
import { readZip, zipTexts, type ZipEntry } from './epub-zip.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

const EPUB = path.join(DEFAULT_OUT, 'book.epub');
const squash = (s: string) => s.replace(/\s+/gu, '');
const decode = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
/** Text nodes of an XHTML document, entities decoded. */
const textNodes = (xhtml: string) => [...xhtml.replace(/^[\s\S]*?<body[^>]*>/, '').matchAll(/>([^<]+)</g)].map((m) => decode(m[1]!));

let entries: ZipEntry[];
let texts: Map<string, string>;
let book: Book;

beforeAll(async () => {
  entries = readZip(await readFile(EPUB));
  texts = zipTexts(entries);
  book = (await loadBook(MANUSCRIPT)).book;
});

describe('the default book (dist/book.epub)', () => {
  it('passes EPUBCheck with no fatals, errors or warnings', async () => {
    const report = await epubcheck(EPUB);
    expect(report.messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE')).toEqual([]);
    expect([report.fatals, report.errors, report.warnings]).toEqual([0, 0, 0]);
  });

  it('holds the text of every manuscript paragraph, title and attribution, whitespace-insensitive', () => {
    for (const chapter of book.chapters) {
      const body = squash(textNodes(texts.get(`OEBPS/${chapter.id}.xhtml`)!).join(''));
      expect(body).toContain(squash(chapter.title));
      for (const p of chapter.paragraphs) expect(body, p.id).toContain(squash(p.text));
      if (chapter.attribution) expect(body).toContain(squash(chapter.attribution.text));
    }
  });

  it('has no text node with whitespace between two CJK characters', () => {
    // Its own oracle, not the implementation's class: Han, and the full-width marks the manuscript uses, listed.
    const cjk = '[\\p{Script=Han}，。、；：？！“”‘’（）《》〈〉「」『』【】—…·]';
    const cjkSpace = new RegExp(`${cjk}\\s+${cjk}`, 'u');
    for (const [name, xhtml] of texts) {
      if (!name.endsWith('.xhtml')) continue;
      for (const t of textNodes(xhtml)) expect(cjkSpace.test(t), `${name}: ${JSON.stringify(t)}`).toBe(false);
    }
  });

  it('marks every XHTML document lang and xml:lang zh-Hans', () => {
    const pages = [...texts.keys()].filter((n) => n.endsWith('.xhtml'));
    expect(pages).toEqual(expect.arrayContaining(['OEBPS/cover.xhtml', 'OEBPS/titlepage.xhtml', 'OEBPS/toc.xhtml', 'OEBPS/s1.xhtml']));
    for (const name of pages) expect(texts.get(name), name).toMatch(/<html [^>]*\blang="zh-Hans" xml:lang="zh-Hans"/);
  });

  it('has the metadata of the front matter, a fixed modified date and accessibility metadata', () => {
    const opf = texts.get('OEBPS/content.opf')!;
    const meta = (re: RegExp) => [...opf.matchAll(re)].map((m) => m[1]);
    expect(meta(/<dc:language>([^<]+)/g)).toEqual(['zh-Hans']);
    expect(meta(/<dc:identifier id="pub-id">([^<]+)/g)).toEqual([book.meta.identifier]);
    expect(meta(/<dc:title id="(\w+)">/g)).toEqual(['title', 'subtitle']);
    expect(opf).toContain(`<dc:title id="title">${book.meta.title}</dc:title>`);
    expect(opf).toContain(`<dc:publisher>${book.meta.publisher}</dc:publisher>`);
    expect(opf).toContain(`<dc:description>${book.meta.description}</dc:description>`);
    const epoch = process.env.SOURCE_DATE_EPOCH;
    const modified = epoch ? new Date(Number(epoch) * 1000).toISOString().replace(/\.\d+Z$/, 'Z') : `${book.meta.date}T00:00:00Z`;
    expect(meta(/<meta property="dcterms:modified">([^<]+)/g)).toEqual([modified]);
    expect(meta(/property="schema:accessibilityFeature">([^<]+)/g)).toEqual(
      expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'readingOrder']),
    );
    for (const p of ['accessMode', 'accessModeSufficient', 'accessibilityHazard', 'accessibilitySummary']) {
      expect(opf).toMatch(new RegExp(`property="schema:${p}">[^<]+<`));
    }
    expect(opf).toMatch(/<item id="cover-image" href="cover.png" media-type="image\/png" properties="cover-image"\/>/);
  });

  it('lists the speeches in the navigation with each proposal nested under its speech and linked to its paragraph, and the NCX matches', () => {
    const nav = texts.get('OEBPS/toc.xhtml')!;
    const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('</nav>'));
    const expected = book.chapters.flatMap((c) => [`${c.id}.xhtml`, ...c.proposals.map((p) => `${c.id}.xhtml#${p.anchor}`)]);
    expect(book.chapters.flatMap((c) => c.proposals).length).toBeGreaterThan(3);
    expect([...toc.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(expected);
    for (const c of book.chapters) {
      const item = toc.slice(toc.indexOf(`<li><a href="${c.id}.xhtml">`));
      const nested = item.slice(0, item.indexOf('</ol>'));
      for (const p of c.proposals) {
        expect(nested).toContain(`<li><a href="${c.id}.xhtml#${p.anchor}">${p.title}</a></li>`);
        expect(texts.get(`OEBPS/${c.id}.xhtml`)).toContain(`id="${p.anchor}"`);
      }
    }
    const ncx = texts.get('OEBPS/toc.ncx')!;
    expect([...ncx.matchAll(/<content src="([^"]+)"/g)].map((m) => m[1])).toEqual(expected);
    expect(ncx).toContain(`<meta name="dtb:uid" content="${book.meta.identifier}"/>`);
    const orders = [...ncx.matchAll(/playOrder="(\d+)"/g)].map((m) => Number(m[1]));
    expect(orders).toEqual(orders.map((_, i) => i + 1));
  });

  it('embeds the SC faces as single-face OpenType subsets, 2 MB at most in all, covering every character of the text', () => {
    const fonts = entries.filter((e) => e.name.startsWith('OEBPS/fonts/') && !e.name.endsWith('/'));
    const families = fonts.flatMap((f) => familyNames(f.data));
    const total = fonts.reduce((n, f) => n + f.data.length, 0);
    console.log(`embedded fonts: ${fonts.map((f) => `${path.basename(f.name)} ${(f.data.length / 1024).toFixed(0)} KiB [${familyNames(f.data).join(', ')}]`).join('; ')}; total ${(total / 1024).toFixed(0)} KiB`);
    expect(families).toEqual(expect.arrayContaining(['Noto Serif CJK SC', 'Noto Sans CJK SC']));
    expect(families.filter((f) => /CJK (JP|KR|TC|HK)/.test(f))).toEqual([]);
    for (const f of fonts) expect(f.data.subarray(0, 4).toString('latin1')).not.toBe('ttcf');
    expect(total).toBeLessThanOrEqual(2 * 1024 * 1024);
    const serif = fonts.find((f) => familyNames(f.data).includes('Noto Serif CJK SC'))!;
    const covered = new Set(cmapCodePoints(serif.data));
    const chars = new Set([...[...texts].filter(([n]) => n.endsWith('.xhtml')).flatMap(([, x]) => textNodes(x)).join('')].filter((c) => /\S/u.test(c)));
    expect([...chars].filter((c) => !covered.has(c.codePointAt(0)!))).toEqual([]);
    const css = texts.get('OEBPS/style.css')!;
    for (const f of fonts) expect(css).toContain(`src: url(fonts/${path.basename(f.name)})`);
  });

  it('styles Chinese text: 2 em indents, justified, ~1.7 line height, strict line breaking, never italic', () => {
    const css = texts.get('OEBPS/style.css')!;
    expect(css).toMatch(/p \{\s*text-indent: 2em;/);
    expect(css).toMatch(/line-height: 1\.7;/);
    expect(css).toMatch(/text-align: justify;/);
    expect(css).toMatch(/\bline-break: strict;/);
    expect(css).not.toMatch(/font-style:\s*italic/);
    expect(css).toMatch(/p\.attribution \{[^}]*text-align: right;/);
  });

  it('is a well-formed EPUB zip: mimetype first and stored, every entry stamped with the same fixed date', () => {
    expect(entries[0]).toMatchObject({ name: 'mimetype', method: 0, offset: 0 });
    expect(entries[0]!.data.toString()).toBe('application/epub+zip');
    expect(new Set(entries.map((e) => `${e.dosDate}:${e.dosTime}`)).size).toBe(1);
    const png = entries.find((e) => e.name === 'OEBPS/cover.png')!.data;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 2400]);
  });
});
