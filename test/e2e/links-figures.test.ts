import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { linkTargets, pdfLines } from '../pdf-read.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/links-figures/speeches.md');

/**
 * The links the fixture keeps live, as the Book decides them: web and mail addresses as
 * written, in-book anchors by id. `#s9-p9` (no such id), `javascript:`, `other.md` are text.
 */
const LIVE = [
  '#s1',
  '#s1-p1',
  '#s1-p3',
  'https://data.example.gov.cn/',
  'https://stats.example.gov.cn/',
  'https://www.example.gov.cn/a.html',
  'https://www.example.gov.cn/gongbao.html',
  'mailto:data@example.gov.cn',
  'mailto:office@example.gov.cn',
];
/** Figures numbered per speech, from 1; a figure without alt text is `图 N` alone (U+3000 read as a space). */
const CAPTIONS = ['图 1 全区议事厅分布', '图 2', '图 1', '图 2 会场照片'];

/** Whitespace as one space, `图2` as `图 2` (xeCJK sets the gap between 图 and a digit as glue, which pdftotext may drop). */
const norm = (s: string) => s.replace(/[\s\u3000]+/gu, ' ').replace(/^图 ?(\d+)/u, '图 $1').trim();
const set = (xs: string[]) => [...new Set(xs)].sort();
/** An EPUB href as the id or address it goes to: `s1.xhtml#s1-p3` → `#s1-p3`. */
const target = (href: string) => (/^(https?|mailto):/.test(href) ? href : `#${href.split('#')[1]}`);
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');

describe('links and figures: decided once in the Book, the same in every output', () => {
  let out: string;
  let build: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    out = await scratchDir('links-figures');
    build = await runCli(['build', '--only', 'epub,pdf,docx,wechat', '-m', FIXTURE, '-o', out], { env: { SOURCE_DATE_EPOCH: '1714521600' } });
  }, 180_000);

  it('builds', () => {
    expect(build.exitCode, build.all).toBe(0);
  });

  it('EPUB: the same live links and figure captions', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'book.epub')));
    const pages = await Promise.all(['s1', 's2'].map((s) => zip.file(`OEBPS/${s}.xhtml`)!.async('string')));
    const hrefs = pages.flatMap((x) => [...x.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => unescape(m[1]!))).filter((h) => !/#s\d+-fn|#s\d+-fnref|#fn/.test(h) && !h.includes('-fn'));
    expect(set(hrefs.map(target))).toEqual(LIVE);
    const captions = pages.flatMap((x) => [...x.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => norm(m[1]!)));
    expect(captions).toEqual(CAPTIONS);
    // Text-only links keep their text and lose their address.
    expect(pages[0]).toContain('危险链接');
    expect(pages[0]).not.toMatch(/javascript:|other\.md|s9-p9/);
  });

  it('PDF: the same live links (URI and internal destinations) and figure captions', async () => {
    const pdf = path.join(out, 'book.pdf');
    // LaTeX's own links (the contents: `chapter*.2`) are not the manuscript's.
    expect(set((await linkTargets(pdf)).filter((l) => !/^#[a-z]+\*?\.\d/.test(l)))).toEqual(LIVE);
    // Lines by baseline: plain pdftotext splits a centred caption at its wide gap.
    const captions = (await pdfLines(pdf)).map((l) => norm(l.text)).filter((l) => /^图 \d/.test(l));
    expect(captions).toEqual(CAPTIONS);
  });

  it('.docx: the same live links (hyperlinks and bookmark anchors) and figure captions', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'book.docx')));
    const doc = await zip.file('word/document.xml')!.async('string');
    const foot = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const footRels = (await zip.file('word/_rels/footnotes.xml.rels')?.async('string')) ?? '';
    const targets = new Map([...`${rels}${footRels}`.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"[^>]*TargetMode="External"/g)].map((m) => [m[1]!, unescape(m[2]!)] as const));
    const links = [...`${doc}${foot}`.matchAll(/<w:hyperlink ([^>]*)>/g)].map((m) => {
      const anchor = /w:anchor="([^"]+)"/.exec(m[1]!)?.[1];
      return anchor ? `#${anchor}` : targets.get(/r:id="([^"]+)"/.exec(m[1]!)![1]!)!;
    });
    expect(set(links)).toEqual(LIVE);
    // Every anchor names a bookmark of the document.
    const marks = new Set([...doc.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]!));
    for (const l of LIVE.filter((l) => l.startsWith('#'))) expect(marks, l).toContain(l.slice(1));
    const paras = [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => norm([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
    expect(paras.filter((t) => /^图 \d/.test(t))).toEqual(CAPTIONS);
  });

  it('WeChat: the web and mail links listed as references, anchors as text, the same captions', async () => {
    const files = (await readdir(path.join(out, 'wechat'))).filter((f) => /^\d\d-.*\.html$/.test(f)).sort();
    const html = await Promise.all(files.map((f) => readFile(path.join(out, 'wechat', f), 'utf8')));
    const refs = html.flatMap((h) => [...h.matchAll(/<p[^>]*>\[\d+\] ((?:https?|mailto):[^<]*)<\/p>/g)].map((m) => unescape(m[1]!)));
    expect(set(refs)).toEqual(LIVE.filter((l) => !l.startsWith('#')));
    const captions = html.flatMap((h) => [...h.matchAll(/<figcaption[^>]*>([^<]*)<\/figcaption>/g)].map((m) => norm(m[1]!)));
    expect(captions).toEqual(CAPTIONS);
    expect(html.join('')).not.toMatch(/javascript:|other\.md/);
  });
});
