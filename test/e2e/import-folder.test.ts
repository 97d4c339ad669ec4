import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBook } from '../../src/manuscript/load.js';
import { epubcheck } from '../../src/tools/epubcheck.js';
import { runCli, scratchDir } from '../helpers.js';
import { bylineDocx, type BylineSpeech } from '../office-docx.js';
import { outline, pdfLines } from '../pdf-read.js';
import { readZip } from './epub-zip.js';

/** Three speeches of a county's year, each typed by its office with the speaker and the date under the title. */
const SPEECHES: BylineSpeech[] = [
  {
    title: '坚定信心　真抓实干　奋力开创经济发展新局面',
    subtitle: '——在全县经济工作会议上的讲话',
    speaker: '县委书记　王建国',
    date: '（2024年1月15日）',
    body: ['同志们：', '这次会议的主要任务是总结去年经济工作，部署今年工作。'],
  },
  { title: '在全县安全生产工作会议上的讲话', speaker: '县委副书记、县长　张文斌', date: '（2024年4月18日）', body: ['同志们：', '安全生产是发展的底线。'] },
  { title: '在全县乡村振兴工作推进会上的讲话', speaker: '副县长　李　明', date: '（2024年6月3日）', body: ['同志们：', '乡村振兴要久久为功。'] },
];
/** What each speech's file must say about it: the byline, read as metadata. */
const META = [
  { title: SPEECHES[0]!.title, speaker: '王建国', date: '2024-01-15', occasion: '全县经济工作会议' },
  { title: SPEECHES[1]!.title, speaker: '张文斌', date: '2024-04-18' },
  { title: SPEECHES[2]!.title, speaker: '李　明', date: '2024-06-03' },
];
const BOOK_TITLE = '二〇二四年县领导讲话汇编';
const PREFACE = '本书收录二〇二四年县领导的三篇讲话。\n\n编　者\n';

/** The three .docx imported with `--title` into FOLDER/, and a 00-前言.md without front matter added. */
async function importedFolder(name: string): Promise<{ dir: string; folder: string; stderr: string }> {
  const dir = await scratchDir(name);
  const inputs = await Promise.all(SPEECHES.map(async (s, i) => {
    const file = path.join(dir, `speech${i + 1}.docx`);
    await bylineDocx(file, s);
    return file;
  }));
  const folder = path.join(dir, '汇编');
  const res = await runCli(['import', ...inputs, '-o', `${folder}/`, '--title', BOOK_TITLE]);
  expect(res.exitCode, res.all).toBe(0);
  return { dir, folder, stderr: res.stderr };
}

/** A file's front matter as data, and the text after it. */
function split(text: string): { front: unknown; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return m ? { front: parse(m[1]!), body: text.slice(m[0].length) } : { front: undefined, body: text };
}

describe('import -o FOLDER/: the book’s metadata once in book.yaml, each speech’s in its own file', () => {
  it('writes book.yaml with the --title and each file with its speech’s title, speaker, date and occasion; a 00-前言.md never retitles the book', async () => {
    const { folder } = await importedFolder('import-folder');
    const names = readdirSync(folder).sort();
    expect(names).toEqual(['01-坚定信心真抓实干奋力开创经济发展新局面.md', '02-在全县安全生产工作会议上的讲话.md', '03-在全县乡村振兴工作推进会上的讲话.md', 'book.yaml']);
    expect(parse(await readFile(path.join(folder, 'book.yaml'), 'utf8'))).toEqual({ title: BOOK_TITLE, lang: 'zh-Hans' });
    for (const [i, name] of names.slice(0, 3).entries()) {
      const { front, body } = split(await readFile(path.join(folder, name), 'utf8'));
      // The speech's own metadata only: never the book's title or lang repeated.
      expect(front).toEqual(META[i]);
      // Its title is in the front matter, not a # line; the byline stays in the text as typed.
      expect(body).not.toMatch(/^#/m);
      expect(body).toContain(SPEECHES[i]!.speaker);
    }
    await writeFile(path.join(folder, '00-前言.md'), PREFACE);
    const { book, warnings } = await loadBook(folder);
    expect(warnings.map((w) => `${w.ruleId}: ${w.message}`)).toEqual([]);
    expect(book.meta.title).toBe(BOOK_TITLE);
    expect(book.meta.date).toBeUndefined();
    expect(book.sections.map((s) => [s.kind, s.title])).toEqual([['front', '前言'], ...SPEECHES.map((s) => ['speech', s.title])]);
    expect(book.chapters.map((c) => c.meta)).toEqual(META.map(({ title: _t, ...m }) => m));
  });

  it('acceptance (#23): with build.tocByline the folder builds under the book title, each speech’s speaker and date in the nav and the PDF contents, and no M_FRONT_MATTER warning', async () => {
    const { dir, folder } = await importedFolder('import-folder-build');
    await writeFile(path.join(folder, '00-前言.md'), PREFACE);
    await writeFile(path.join(folder, 'bookdeck.config.yaml'), 'build:\n  tocByline: true\n');
    const out = path.join(dir, 'dist');
    const res = await runCli(['build', '-m', folder, '-o', out, '--only', 'epub,pdf']);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).not.toMatch(/M_FRONT_MATTER|M_NO_TITLE| warning /);
    const entries = new Map(readZip(await readFile(path.join(out, 'book.epub'))).map((e) => [e.name, e.data.toString('utf8')]));
    expect(entries.get('OEBPS/content.opf')).toContain(`<dc:title id="title">${BOOK_TITLE}</dc:title>`);
    const nav = entries.get('OEBPS/toc.xhtml')!;
    const items = [...nav.slice(0, nav.indexOf('</nav>')).matchAll(/<a href="[^"]*">(.*?)<\/a>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const bylines = ['王建国 · 2024年1月15日', '张文斌 · 2024年4月18日', '李　明 · 2024年6月3日'];
    expect(items).toEqual(['前言', ...SPEECHES.map((s, i) => `${s.title}　${bylines[i]}`)]);
    const report = await epubcheck(path.join(out, 'book.epub'));
    expect(report.messages, JSON.stringify(report.messages)).toEqual([]);
    const contents = async (pdf: string) => {
      const lines = await pdfLines(pdf);
      // One contents line a speech, the byline beside its title, its spaces as typed (xeCJK drops a bare one beside ·).
      for (const b of bylines) {
        const at = lines.filter((l) => l.text.replace(/\s+/g, '').includes(b.replace(/\s+/g, '')));
        expect(at.map((l) => l.page), lines.map((l) => l.text).join('\n')).toEqual([at[0]!.page]);
        expect(at[0]!.text).toMatch(/ · 2024/);
      }
      // Only in the contents: the title pages and the bookmarks show the titles alone.
      expect(lines.filter((l) => / · 2024/.test(l.text))).toHaveLength(3);
      expect((await outline(pdf)).join('\n')).not.toMatch(/·/);
    };
    await contents(path.join(out, 'book.pdf'));
    const gongwen = path.join(dir, 'gongwen');
    const gw = await runCli(['build', '-m', folder, '-o', gongwen, '--only', 'pdf', '--layout', 'gongwen']);
    expect(gw.exitCode, gw.all).toBe(0);
    await contents(path.join(gongwen, 'book.pdf'));
    // Off by default: the same folder without the switch lists the titles alone.
    await writeFile(path.join(folder, 'bookdeck.config.yaml'), 'build:\n  tocDepth: 1\n');
    const plain = await runCli(['build', '-m', folder, '-o', out, '--only', 'epub']);
    expect(plain.exitCode, plain.all).toBe(0);
    const plainNav = readZip(await readFile(path.join(out, 'book.epub'))).find((e) => e.name === 'OEBPS/toc.xhtml')!.data.toString('utf8');
    expect(plainNav).not.toContain('·');
  });
});
