import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubcheck, type EpubcheckReport } from '../../src/tools/epubcheck.js';
import { runCli, scratchDir } from '../helpers.js';
import { solidPng } from '../png.js';
import { readZip } from './epub-zip.js';

/** Text of XHTML without its tags (bookdeck wraps the last characters of a paragraph in a no-break span). */
const plain = (xhtml: string) => xhtml.replace(/<[^>]+>/g, '');

/** The chapters' XHTML of a built EPUB, joined. */
async function chapters(epub: string): Promise<string> {
  return readZip(await readFile(epub))
    .filter((e) => e.name.endsWith('.xhtml') && !e.name.endsWith('nav.xhtml'))
    .map((e) => e.data.toString('utf8'))
    .join('\n');
}

describe('raw HTML that made an invalid EPUB (EPUBCheck)', () => {
  let res: Awaited<ReturnType<typeof runCli>>;
  let xhtml: string;
  let report: EpubcheckReport;
  const errors = () => report.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL').map((m) => `${m.id} ${m.message}`);

  beforeAll(async () => {
    const work = await scratchDir('html-leftovers');
    const md = [
      '# 讲话',
      '',
      '会议<time datetime="昨天">昨天</time>召开，<time datetime="2018-07-26">7月26日</time>闭幕。',
      '',
      '<details><summary>第一个摘要</summary><summary>第二个摘要</summary><p>详情。</p></details>',
      '',
    ].join('\n');
    await writeFile(path.join(work, 'book.md'), md);
    res = await runCli(['build', '-m', path.join(work, 'book.md'), '-o', path.join(work, 'out'), '--only', 'epub']);
    xhtml = await chapters(path.join(work, 'out', 'book.epub'));
    report = await epubcheck(path.join(work, 'out', 'book.epub'));
  });

  it('<time datetime="昨天">: the invalid datetime is dropped with a warning, the text and a valid datetime stay; EPUBCheck clean', () => {
    expect(res.exitCode, res.all).toBe(0);
    expect(errors()).toEqual([]);
    expect(res.stderr).toMatch(/book\.md:3:\d+: warning M_HTML_REPAIRED: raw HTML: datetime="昨天" on <time> is not a date or time HTML can read; it is dropped/);
    expect(xhtml).toMatch(/<time>昨天<\/time>/);
    expect(xhtml).toMatch(/<time datetime="2018-07-26">7月26日<\/time>/);
  });

  it('<details> with two <summary>: the second is a paragraph, its text kept; EPUBCheck clean', () => {
    expect(res.exitCode, res.all).toBe(0);
    expect(errors()).toEqual([]);
    expect(res.stderr).toMatch(/warning M_HTML_REPAIRED: raw HTML: a second <summary> in one <details> is shown as a paragraph/);
    const details = /<details>.*?<\/details>/s.exec(xhtml)![0];
    expect(details).toMatch(/^<details><summary>第一个摘要<\/summary><p>.*<\/p><p>.*<\/p><\/details>$/s);
    expect(plain(details)).toBe('第一个摘要第二个摘要详情。');
  });
});

describe('paths and encodings that were refused', () => {
  it('an image named ..foo.png inside the manuscript folder is inside; ../foo.png is still outside', async () => {
    const work = await scratchDir('dotdot-name');
    const dir = path.join(work, 'm');
    await mkdir(dir);
    await writeFile(path.join(dir, '..foo.png'), solidPng(20, 10));
    await writeFile(path.join(work, 'foo.png'), solidPng(20, 10));
    await writeFile(path.join(dir, 'book.md'), '# 讲话\n\n![图](..foo.png)\n');
    const ok = await runCli(['build', '-m', path.join(dir, 'book.md'), '-o', path.join(work, 'out'), '--only', 'epub', '--quiet']);
    expect(ok.exitCode, ok.all).toBe(0);
    const names = readZip(await readFile(path.join(work, 'out', 'book.epub'))).map((e) => e.name);
    expect(names.some((n) => n.endsWith('.png'))).toBe(true);
    await writeFile(path.join(dir, 'book.md'), '# 讲话\n\n![图](../foo.png)\n');
    const out = await runCli(['build', '-m', path.join(dir, 'book.md'), '-o', path.join(work, 'out2'), '--only', 'epub']);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/E_IMAGE_OUTSIDE: image '\.\.\/foo\.png' refused: it leaves the manuscript folder/);
  });

  for (const [label, encode] of [
    ['UTF-16LE', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16BE', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
  ] as const) {
    it(`a ${label} file with a byte order mark builds and imports, with a notice, every character kept (was E_BINARY)`, async () => {
      const work = await scratchDir(`utf16-${label}`);
      const text = '---\ntitle: 测试\n---\n\n# 第一篇\n\n京津冀协同发展𠀀，“引号”。\r\n\r\n第二段 ABC。\n';
      await writeFile(path.join(work, 'book.md'), encode(text));
      const built = await runCli(['build', '-m', path.join(work, 'book.md'), '-o', path.join(work, 'out'), '--only', 'epub']);
      expect(built.exitCode, built.all).toBe(0);
      expect(built.all).toContain(`book.md: converted from ${label} to UTF-8; save the file as UTF-8 to silence this notice`);
      const xhtml = await chapters(path.join(work, 'out', 'book.epub'));
      expect(plain(xhtml)).toContain('京津冀协同发展𠀀，“引号”。');
      expect(plain(xhtml)).toContain('第二段 ABC。');

      await writeFile(path.join(work, 'speech.txt'), encode('第一篇讲话\n\n京津冀协同发展𠀀，“引号”。\n'));
      const imported = await runCli(['import', path.join(work, 'speech.txt'), '-o', path.join(work, 'draft.md')]);
      expect(imported.exitCode, imported.all).toBe(0);
      expect(imported.all).toContain(`converted from ${label} to UTF-8`);
      expect(await readFile(path.join(work, 'draft.md'), 'utf8')).toContain('京津冀协同发展𠀀，“引号”。');
    });
  }
});

describe('--split', () => {
  it('with 12 speeches prints no MaxListenersExceededWarning', async () => {
    const work = await scratchDir('split-12');
    const speeches = Array.from({ length: 12 }, (_, i) => `# 第${i + 1}篇\n\n**一是加强合作。**内容${i + 1}。\n`).join('\n');
    await writeFile(path.join(work, 'book.md'), `---\ntitle: 分篇\n---\n\n${speeches}`);
    const res = await runCli(['build', '-m', path.join(work, 'book.md'), '-o', path.join(work, 'out'), '--split', '--only', 'pdf'], { spawn: true });
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).not.toMatch(/MaxListenersExceededWarning|memory leak/);
  });
});
