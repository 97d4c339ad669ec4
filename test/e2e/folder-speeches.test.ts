import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubcheck } from '../../src/tools/epubcheck.js';
import { runCli, scratchDir } from '../helpers.js';
import { readZip } from './epub-zip.js';

/** The nav's top-level titles, in order. */
function navTitles(xhtml: string): string[] {
  const toc = xhtml.slice(xhtml.indexOf('<nav epub:type="toc"'), xhtml.indexOf('</nav>'));
  return [...toc.matchAll(/<li><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]!);
}

/** Lines of stdout/stderr that carry a message code, as `severity CODE`. */
const codes = (out: string) => [...out.matchAll(/: (error|warning|info) (M_\w+)/g)].map((m) => `${m[1]} ${m[2]}`);

describe('a folder of speeches with book.yaml, a 00-前言.md and each speech’s metadata in its own file', () => {
  let dir: string;
  let entries: Map<string, string>;
  let built: { exitCode?: number; stderr: string; all?: string };
  beforeAll(async () => {
    dir = await scratchDir('folder-speeches');
    const m = path.join(dir, 'manuscript');
    await mkdir(m);
    await writeFile(path.join(m, 'book.yaml'), 'title: 讲话选编\ndate: 2020-01-15\nauthor: 编委会\n');
    await writeFile(path.join(m, '00-前言.md'), '# 前言\n\n本书收录两篇讲话。\n');
    await writeFile(path.join(m, '01-甲.md'), '---\ntitle: 在甲会上的讲话\nspeaker: 张三\ndate: 2019年3月2日\noccasion: 甲会\nlayout: post\n---\n\n正文甲。\n');
    await writeFile(path.join(m, '02-乙.md'), '---\ntitle: 在乙会上的讲话\nspeaker: [李四, 编委会]\ndate: 2019-05-06\n---\n\n正文乙。\n');
    built = await runCli(['build', '-m', m, '-o', path.join(dir, 'out'), '--only', 'epub']);
    entries = new Map(readZip(await readFile(path.join(dir, 'out/book.epub'))).map((e) => [e.name, e.data.toString('utf8')]));
  });

  it('builds with the book’s title and date from book.yaml and each speech under its own title in the nav', () => {
    expect(built.exitCode, built.all).toBe(0);
    const opf = entries.get('OEBPS/content.opf')!;
    expect(opf).toContain('<dc:title id="title">讲话选编</dc:title>');
    expect(opf).toContain('<dc:date>2020-01-15</dc:date>');
    expect(navTitles(entries.get('OEBPS/toc.xhtml')!)).toEqual(['前言', '在甲会上的讲话', '在乙会上的讲话']);
  });

  it('names the author as dc:creator and every other speaker as a dc:contributor with the role spk, and passes EPUBCheck', async () => {
    const opf = entries.get('OEBPS/content.opf')!;
    expect([...opf.matchAll(/<dc:(creator|contributor) id="([^"]+)">([^<]*)<\/dc:\1>\n<meta refines="#\2" property="role" scheme="marc:relators">(\w+)<\/meta>/g)].map((m) => [m[1], m[3], m[4]])).toEqual([
      ['creator', '编委会', 'aut'],
      ['contributor', '张三', 'spk'],
      ['contributor', '李四', 'spk'],
    ]);
    const report = await epubcheck(path.join(dir, 'out/book.epub'));
    expect(report.messages, JSON.stringify(report.messages)).toEqual([]);
  });

  it('build and check report the other tool’s key alike: one M_FRONT_MATTER_UNKNOWN warning, nothing else about metadata', async () => {
    expect(codes(built.stderr)).toEqual(['warning M_FRONT_MATTER_UNKNOWN']);
    const checked = await runCli(['check', '-m', path.join(dir, 'manuscript'), '-o', path.join(dir, 'out')]);
    expect(codes(checked.stdout)).toEqual(['warning M_FRONT_MATTER_UNKNOWN']);
    expect(checked.stdout).toMatch(/01-甲\.md:6: warning M_FRONT_MATTER_UNKNOWN: front matter key 'layout' is not bookdeck's, so it is ignored/);
  });
});
