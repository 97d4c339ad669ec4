import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../../e2e/epub-zip.js';
import { BookdeckError } from '../../../../src/errors.js';
import { packEpub, type PackInput, type Templates } from '../../../../src/emit/epub/package.js';

const TEMPLATES = path.join(import.meta.dirname, '../../../../templates/epub');
const templates = (edit: Partial<Record<keyof Templates, (text: string) => string>> = {}): Templates => {
  const read = (key: keyof Templates, name: string) => {
    const file = path.join(TEMPLATES, name);
    return { file, text: (edit[key] ?? ((t) => t))(readFileSync(file, 'utf8')) };
  };
  return {
    contentOPF: read('contentOPF', 'content.opf.ejs'),
    tocNCX: read('tocNCX', 'toc.ncx.ejs'),
    tocXHTML: read('tocXHTML', 'nav.xhtml.ejs'),
    chapterXHTML: read('chapterXHTML', 'page.xhtml.ejs'),
  };
};
/** Bytes that look like nothing compressible. */
const noise = (n: number, seed: number) => new Uint8Array(n).map((_, i) => (i * 7919 + seed * 104729) % 251);

let requests = 0;
let server: ReturnType<typeof createServer>;
let origin = '';
beforeAll(async () => {
  server = createServer((_req, res) => (requests++, res.end('x')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function input(date: Date, extra: Partial<PackInput> = {}): PackInput {
  return {
    lang: 'zh-Hans',
    tocTitle: '目录',
    css: 'p { text-indent: 2em; }\n',
    templates: templates(),
    pages: [
      // A web image and an attribute epub-gen-memory's HTML clean-up drops: neither may reach it.
      { filename: 's1.xhtml', title: '第一篇', xhtml: `<section><ol start="3"><li>京津冀</li></ol><img src="${origin}/a.png" alt=""/></section>`, bodyClass: 'chapter' },
    ],
    data: {
      identifier: 'urn:uuid:0b6f0c7d-2e18-5c3e-9a47-b0f1e5a26d1c',
      title: '书',
      subjects: [],
      modified: date.toISOString().replace(/\.\d+Z$/, 'Z'),
      a11y: { accessModes: ['textual'], sufficient: ['textual'], features: [], hazards: ['none'], summary: '摘要' },
      manifest: [{ id: 's1', href: 's1.xhtml', mediaType: 'application/xhtml+xml' }],
      spine: [{ idref: 's1', linear: true }],
      nav: [],
      ncx: [],
      navDepth: 1,
      landmarks: [],
      labels: { landmarks: '地标' },
    },
    cover: noise(5000, 1),
    fonts: [{ href: 'fonts/Serif.otf', mediaType: 'font/otf', data: noise(20000, 2) }],
    images: [{ href: 'images/0123456789abcdef.svg', mediaType: 'image/svg+xml', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') }],
    date,
    warn: (message) => {
      throw new Error(`unexpected warning: ${message}`);
    },
    ...extra,
  };
}

/** MS-DOS date and time fields of a UTC instant. */
const dos = (d: Date) => ({
  dosDate: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  dosTime: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
});

describe('packEpub (epub-gen-memory with bookdeck’s templates)', () => {
  it('gives the same bytes twice: mimetype first and stored, one date on every entry, compressed data stored, text deflated', async () => {
    const date = new Date('2018-07-26T00:00:00Z');
    const a = Buffer.from(await packEpub(input(date)));
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the next tick of a zip's 2-second clock
    const b = Buffer.from(await packEpub(input(date)));
    expect(b.equals(a)).toBe(true);
    const entries = readZip(a);
    expect(entries[0]).toMatchObject({ name: 'mimetype', method: 0, offset: 0 });
    expect(entries[0]!.data.toString()).toBe('application/epub+zip');
    for (const e of entries) expect({ name: e.name, dosDate: e.dosDate, dosTime: e.dosTime }).toEqual({ name: e.name, ...dos(date) });
    const method = Object.fromEntries(entries.map((e) => [e.name, e.method]));
    expect(method).toMatchObject({ 'OEBPS/cover.png': 0, 'OEBPS/fonts/Serif.otf': 0, 'OEBPS/s1.xhtml': 8, 'OEBPS/content.opf': 8, 'OEBPS/images/0123456789abcdef.svg': 8 });
    const data = Object.fromEntries(entries.map((e) => [e.name, e.data]));
    expect(data['OEBPS/fonts/Serif.otf']!.equals(Buffer.from(noise(20000, 2)))).toBe(true);
    expect(data['OEBPS/cover.png']!.equals(Buffer.from(noise(5000, 1)))).toBe(true);
  }, 15_000);

  it('keeps bookdeck’s pages and identifier, and fetches nothing', async () => {
    const bytes = await packEpub(input(new Date('2018-07-26T00:00:00Z'), {
      // The package hands its own id to the templates: it must be the book's, not a random UUID.
      templates: templates({ contentOPF: (t) => t.replace('<dc:identifier id="pub-id"><%= book.identifier %>', '<dc:identifier id="pub-id"><%= id %>') }),
    }));
    const text = Object.fromEntries(readZip(Buffer.from(bytes)).map((e) => [e.name, e.data.toString('utf8')]));
    expect(text['OEBPS/content.opf']).toContain('<dc:identifier id="pub-id">urn:uuid:0b6f0c7d-2e18-5c3e-9a47-b0f1e5a26d1c</dc:identifier>');
    expect(text['OEBPS/s1.xhtml']).toContain(`<body class="chapter">\n<section><ol start="3"><li>京津冀</li></ol><img src="${origin}/a.png" alt=""/></section>\n</body>`);
    expect(requests).toBe(0);
  });

  it.each([
    ['1949-10-01T00:00:00Z', '1980-01-02T00:00:00Z'],
    ['9999-12-31T00:00:00Z', '2107-12-31T23:59:58Z'],
  ])('stamps the zip entries of a book dated %s with the nearest date a zip holds', async (when, clamped) => {
    const entries = readZip(Buffer.from(await packEpub(input(new Date(when)))));
    for (const e of entries) expect([e.name, e.dosDate, e.dosTime]).toEqual([e.name, dos(new Date(clamped)).dosDate, dos(new Date(clamped)).dosTime]);
  });

  it.each([
    ['contentOPF', 'content.opf.ejs', '<%= book.title %>'],
    ['tocNCX', 'toc.ncx.ejs', '<%= book.navDepth %>'],
    ['tocXHTML', 'nav.xhtml.ejs', '<%= tocTitle %>'],
    ['chapterXHTML', 'page.xhtml.ejs', '<%= title %>'],
  ] as const)('names the file and line of a failing %s template', async (key, name, token) => {
    const source = readFileSync(path.join(TEMPLATES, name), 'utf8');
    const line = source.split('\n').findIndex((l) => l.includes(token)) + 1;
    const err = await packEpub(input(new Date(0), { templates: templates({ [key]: (t: string) => t.replace(token, `${token}<%= nosuch.x %>`) }) })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BookdeckError);
    expect(err).toMatchObject({ code: 'E_TEMPLATE', message: 'EJS template failed: nosuch is not defined', location: { file: path.join(TEMPLATES, name), line } });
  });

  it('names the file of a template with an EJS syntax error', async () => {
    const err = await packEpub(input(new Date(0), { templates: templates({ tocNCX: (t) => `${t}<% if (book.title) { %>` }) })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_TEMPLATE', location: { file: path.join(TEMPLATES, 'toc.ncx.ejs') } });
    expect((err as Error).message).toMatch(/^EJS template failed: Unexpected token '\w+' \(EJS syntax\)$/);
  });
});
