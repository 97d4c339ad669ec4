import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

const GONGWEN = path.join(ROOT, 'test/fixtures/gongwen/speech.md');

async function part(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const entry = zip.file(name);
  if (!entry) throw new Error(`${file} has no ${name}`);
  return entry.async('string');
}

/** Every run (`w:r`) of a part that holds text, with its properties. */
function textRuns(xml: string): string[] {
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:t[ >](?:(?!<\/w:r>)[\s\S])*<\/w:r>/g)].map((m) => m[0]);
}

describe('bookdeck build --docx --layout gongwen', () => {
  for (const [name, manuscript, speeches] of [['the default book', MANUSCRIPT, 3], ['the gongwen fixture', GONGWEN, 1]] as const) {
    it(`writes book.docx and one NN-title.docx per speech for ${name}, with the grid, margins, footers and East Asian fonts`, async () => {
      const out = await scratchDir(`docx-${speeches}`);
      const r = await runCli(['build', '-m', manuscript, '-o', out, '--only', 'docx', '--layout', 'gongwen', '--split', '--force'], { env: { SOURCE_DATE_EPOCH: '1532563200' } });
      expect(r.stderr).not.toMatch(/error|warning|W_/i);
      expect(r.exitCode).toBe(0);
      const files = (await readdir(out)).filter((f) => f.endsWith('.docx')).sort();
      expect(files).toHaveLength(speeches + 1);
      expect(files).toContain('book.docx');
      expect(files.filter((f) => /^\d\d-.+\.docx$/.test(f))).toHaveLength(speeches);
      for (const f of files) {
        const doc = await part(path.join(out, f), 'word/document.xml');
        expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
        expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
        expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
        const runs = textRuns(doc);
        expect(runs.length).toBeGreaterThan(10);
        const withoutEastAsia = runs.filter((run) => !/<w:rFonts [^>]*w:eastAsia="[^"]+"/.test(run));
        expect(withoutEastAsia).toEqual([]);
        // Quotes are East Asian runs: Word would set “ ” in the Latin face otherwise.
        const quoted = runs.filter((run) => /[“”]/.test(run));
        if (manuscript === GONGWEN) expect(quoted.length).toBeGreaterThan(0);
        for (const run of quoted) expect(run).toMatch(/w:hint="eastAsia"/);
        const settings = await part(path.join(out, f), 'word/settings.xml');
        expect(settings).toContain('<w:evenAndOddHeaders/>');
        const zip = await JSZip.loadAsync(await readFile(path.join(out, f)));
        const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
        const aligned = footers.map((x) => /<w:jc w:val="(\w+)"\/>/.exec(x)?.[1]).sort();
        expect(aligned).toEqual(['left', 'right']);
        for (const x of footers) {
          expect(x).toContain('PAGE');
          expect(x).toMatch(/<w:t xml:space="preserve">— <\/w:t>/);
          expect(x).toContain('w:eastAsia="宋体"');
          expect(x).toContain('<w:sz w:val="28"/>');
        }
        // No font file is embedded.
        expect(Object.keys(zip.files).filter((n) => /\.(odttf|ttf|otf)$/i.test(n))).toEqual([]);
        const fonts = await part(path.join(out, f), 'word/fontTable.xml');
        for (const face of ['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312', '黑体', '宋体', 'Times New Roman']) expect(fonts).toContain(`w:name="${face}"`);
        const styles = await part(path.join(out, f), 'word/styles.xml');
        for (const s of ['公文标题', '正文', '一级标题', '二级标题', '三级标题', '四级标题', '题注']) expect(styles).toContain(`<w:name w:val="${s}"/>`);
      }
    });
  }

  it('leaves one empty line between a title and the text, with or without a byline, as the PDF does', async () => {
    const out = await scratchDir('docx-title-gap');
    const r = await runCli(['build', '-m', MANUSCRIPT, '-o', out, '--only', 'docx', '--layout', 'gongwen', '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = await part(path.join(out, 'book.docx'), 'word/document.xml');
    const paras = [...doc.matchAll(/<w:p>((?:(?!<\/w:p>)[\s\S])*)<\/w:p>/g)].map((m) => ({ style: /<w:pStyle w:val="([^"]+)"/.exec(m[1]!)?.[1], text: [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }));
    const titles = paras.flatMap((p, i) => (p.style === 'GongwenTitle' ? [i] : []));
    expect(titles).toHaveLength(3);
    // The default book's speeches have no byline lines: the title, an empty line, then the first paragraph.
    for (const i of titles) expect(paras[i + 1], paras[i]!.text).toEqual({ style: 'GongwenBody', text: '' });
  });

  it('gives the same bytes on a second build under SOURCE_DATE_EPOCH', async () => {
    const a = await scratchDir('docx-bytes-a');
    const b = await scratchDir('docx-bytes-b');
    const env = { SOURCE_DATE_EPOCH: '1532563200' };
    for (const out of [a, b]) {
      const r = await runCli(['build', '-m', GONGWEN, '-o', out, '--docx', '--only', 'docx', '--layout', 'gongwen', '--force'], { env });
      expect(r.exitCode).toBe(0);
    }
    const [x, y] = await Promise.all([readFile(path.join(a, 'book.docx')), readFile(path.join(b, 'book.docx'))]);
    expect(x.equals(y)).toBe(true);
    const core = await part(path.join(a, 'book.docx'), 'docProps/core.xml');
    expect(core).toContain('2018-07-26T00:00:00Z');
  });

  it('--layout book writes an editor’s book.docx with Heading 1–3 styles for the navigation pane', async () => {
    const headingsOf = async (manuscript: string, name: string) => {
      const out = await scratchDir(name);
      const r = await runCli(['build', '-m', manuscript, '-o', out, '--docx', '--only', 'docx', '--force']);
      expect(r.exitCode).toBe(0);
      const doc = await part(path.join(out, 'book.docx'), 'word/document.xml');
      return [...doc.matchAll(/<w:pStyle w:val="(Heading\d)"\/>/g)].map((m) => m[1]);
    };
    expect(await headingsOf(MANUSCRIPT, 'docx-book')).toEqual(['Heading1', 'Heading1', 'Heading1']);
    expect(await headingsOf(GONGWEN, 'docx-book-gongwen')).toEqual(['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading2']);
  });
});

describe('bookdeck build --docx keeps every character', () => {
  it('every construct (notes with code, lists, quotes, tables, links): the text of the .docx holds each character of the manuscript', async () => {
    const { loadBook } = await import('../../src/manuscript/load.js');
    const { toString } = await import('mdast-util-to-string');
    const manuscript = path.join(ROOT, 'test/fixtures/every-construct');
    const out = await scratchDir('docx-every');
    const r = await runCli(['build', '-m', manuscript, '-o', out, '--only', 'docx', '--layout', 'gongwen', '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    const { book } = await loadBook(manuscript);
    // Images print as pictures: their alt text is a caption when alone in a paragraph, so it is counted where it is shown.
    // Raw HTML prints its text, never its tags or comments: its one paragraph is checked by name below.
    const source = book.sections.map((ch) => [ch.title, ...ch.body.map((n) => toString(n, { includeImageAlt: true, includeHtml: false })), ch.attribution?.text ?? ''].join('')).join('');
    const file = path.join(out, 'book.docx');
    const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join('');
    const written = text(await part(file, 'word/document.xml')) + text(await part(file, 'word/footnotes.xml'));
    const count = (s: string) => [...s.replace(/\s/g, '')].reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
    const have = count(written);
    const lost = [...count(source)].filter(([c, n]) => (have.get(c) ?? 0) < n).map(([c, n]) => `${c}×${n - (have.get(c) ?? 0)}`);
    expect(lost).toEqual([]);
    expect(written).toContain('HTML 块里的段落。');
    expect(written).not.toContain('这是一条注释');
    expect(written).not.toMatch(/<\/?(?:div|p)\b/);
  });
});
