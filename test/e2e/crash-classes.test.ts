import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { epubcheck } from '../../src/tools/epubcheck.js';
import { runCli, scratchDir } from '../helpers.js';
import { readZip } from './epub-zip.js';

/**
 * One test per class of input that used to exit 70 (issue 11, step 6): each either builds
 * every output with its text intact, or is refused with exit 1/2 and a place, by `build`
 * and by `check` alike.
 */

const HEAD = '---\ntitle: 测试\ndate: 2018-07-26\n---\n\n# 第一篇\n\n正文。\n\n';
const squash = (s: string) => s.replace(/\s+/gu, '');
/** Text without tags and whitespace: what a reader finds, whatever spans bookdeck adds. */
const textOf = (xhtml: string) => squash(xhtml.replace(/<[^>]+>/g, ''));

/**
 * The inputs that must build, one speech each, built together once (EPUB, PDF, deck),
 * checked once and EPUBChecked once: a build per input would cost minutes.
 */
const BUILT: Record<string, string> = {
  'quotes-deep': `${'> '.repeat(7)}第七层引文。\n\n> > > - 一层\n> > >   - 二层\n> > >     - 三层\n> > >       - 四层\n`,
  'code-end': '```\n\\end{verbatim}\n\\input{/etc/hostname} $x$ ~ ^ % # & _ { }\n```\n\n脚注里的代码[^code]。\n\n[^code]: 注：\n\n    ```\n    \\end{Verbatim} \\end{Shaded}\n    ```\n',
  'long-words': `${'a'.repeat(1500)}\n\n${'b'.repeat(5000)}\n\n<https://example.com/${'c'.repeat(300)}?q=${'d'.repeat(200)}>\n\n\`${'e'.repeat(400)}\`\n\n\`\`\`\n${'f'.repeat(600)}\n\`\`\`\n`,
  'ten-deep': `${'> '.repeat(10)}第十层引文。\n\n${Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层列表`).join('\n')}\n`,
  'link-malformed': '[坏链接](#%zz)\n',
  'html-p-in-pre': '<pre><p>段落在预排版里</p></pre>\n',
  'html-orphans': '<li>孤立项</li>\n\n<dd>孤立释义</dd>\n\n<summary>孤立摘要</summary>\n',
  'html-details': '<details>\n<p>没有摘要的详情</p>\n</details>\n',
  'html-img-no-src': '<img alt="无源图片">\n',
  'html-bad-start': '<ol start="abc"><li>第一项</li></ol>\n',
  'html-unclosed': '文字<span>未闭合\n\n下一段。\n',
  refdef: '见[官网][site]。\n',
  math: '<math><mi>x</mi><mo>=</mo><mn>2</mn></math>\n\n<div>\n*foo*\n\n*bar*\n',
  'id-clash': '<p id="s14-p2">抢锚点</p>\n\n第三段[见](#s14-p2)。\n',
  autolink: '<https://例子.com/路径?q=中文>\n',
};
const NAMES = Object.keys(BUILT);
let work: string;
let all: { res: Awaited<ReturnType<typeof runCli>>; chk: Awaited<ReturnType<typeof runCli>>; pdf: string; file: string; out: string; page: (name: string) => string };

beforeAll(async () => {
  work = await scratchDir('crash-classes');
  const file = path.join(work, 'all.md');
  const speeches = NAMES.map((name, i) => `# 第${i + 1}篇 ${name}\n\n正文。\n\n${BUILT[name]}`);
  // The definition the first speeches use stands at the very end of the book.
  await writeFile(file, `---\ntitle: 测试\ndate: 2018-07-26\n---\n\n${speeches.join('\n\n')}\n\n[site]: https://example.com/\n`);
  const out = path.join(work, 'all');
  const res = await runCli(['build', '-m', file, '-o', out]);
  const chk = await runCli(['check', '-m', file, '-o', path.join(work, 'no-book')]);
  // A failed build fails each test below (with its output) instead of skipping them.
  const pdf = res.exitCode === 0 ? (await execa('pdftotext', [path.join(out, 'book.pdf'), '-'])).stdout : '';
  const zip = res.exitCode === 0 ? readZip(await readFile(path.join(out, 'book.epub'))) : [];
  const page = (name: string) => zip.find((e) => e.name === `OEBPS/s${NAMES.indexOf(name) + 1}.xhtml`)?.data.toString('utf8') ?? '';
  all = { res, chk, pdf, file, out, page };
}, 600_000);

/** The shared build, for the speech `name`. */
function buildOk(name: string) {
  expect(all.res.exitCode, all.res.all).toBe(0);
  expect(all.chk.exitCode, all.chk.all).toBe(0);
  return { ...all, xhtml: all.page(name) };
}

async function refused(name: string, content: string, message: RegExp, place: string, exit = 1, env: Record<string, string> = {}) {
  const file = path.join(work, `${name}.md`);
  await writeFile(file, content);
  const res = await runCli(['build', '-m', file, '-o', path.join(work, name)], { env });
  expect(res.exitCode, res.all).toBe(exit);
  const line = res.stderr.split('\n').find((l) => /: error E_[A-Z0-9_]+: /.test(l));
  expect(line, res.stderr).toMatch(message);
  expect(line).toContain(place.replace('FILE', file));
  const chk = await runCli(['check', '-m', file, '-o', path.join(work, name)], { env });
  expect(chk.exitCode, chk.all).toBe(exit);
  expect(chk.stderr).toContain(line!);
}

/** Words whose box leaves the page: text that overflows instead of wrapping. */
async function overflowing(pdf: string): Promise<string[]> {
  const { stdout } = await execa('pdftotext', ['-bbox', pdf, '-']);
  const out: string[] = [];
  let width = 0;
  for (const line of stdout.split('\n')) {
    const page = /<page width="([\d.]+)"/.exec(line);
    if (page) width = Number(page[1]);
    const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*)<\/word>/.exec(line);
    if (word && (Number(word[1]) < 0 || Number(word[2]) > width)) out.push(word[3]!.slice(0, 30));
  }
  return out;
}

describe('PDF: LaTeX limits', () => {
  it('block quotes 7 deep, and 3 quotes around a 4-level list, print every level', async () => {
    const { pdf } = buildOk('quotes-deep');
    for (const t of ['第七层引文。', '一层', '二层', '三层', '四层']) expect(squash(pdf)).toContain(t);
  });

  it('a code block containing \\end{verbatim}, also in a footnote, prints as written', async () => {
    const { pdf } = buildOk('code-end');
    expect(squash(pdf)).toContain(squash('\\end{verbatim}\\input{/etc/hostname} $x$ ~ ^ % # & _ { }'));
    expect(squash(pdf)).toContain(squash('\\end{Verbatim} \\end{Shaded}'));
  });

  it('1,500- and 5,000-character words and a long URL wrap inside the page', async () => {
    const { pdf, out } = buildOk('long-words');
    // Running heads (测试, 第3篇 long-words) and page numbers (— 4 —) fall between the pages of a 5,000-letter word.
    const letters = pdf.split('\n').filter((l) => !/测试|long-words|—/.test(l)).join('').replace(/[^a-z:/.?=]/g, '');
    const url = `https://example.com/${'c'.repeat(300)}?q=${'d'.repeat(200)}`;
    for (const t of ['a'.repeat(1500), 'b'.repeat(5000), url, 'e'.repeat(400), 'f'.repeat(600)]) expect(letters).toContain(t);
    expect(await overflowing(path.join(out, 'book.pdf'))).toEqual([]);
  });
});

describe('deep nesting in the parser, model and EPUB', () => {
  it.each([
    ['quotes-4000', `${'>'.repeat(4000)} 深。`],
    ['bullets-10000', `${'- '.repeat(10_000)}x`],
    ['ordered-10000', `${'1. '.repeat(10_000)}x`],
    ['stars-10000', `${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`],
    ['images-3000', `${'!['.repeat(3000)}x${'](u)'.repeat(3000)}`],
  ])('%s is refused with E_TOO_DEEP and its line, before the parse that took up to 78 s', (name, body) => refused(name, HEAD + body + '\n', /E_TOO_DEEP/, 'FILE:10'));

  it('nesting over the limit across lines (indentation) is refused after the parse, with its line', () =>
    refused('indented-40', HEAD + Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层`).join('\n') + '\n', /E_TOO_DEEP: .*nested more than 32 deep/, 'FILE:42'));

  it('emphasis nested past the inline limit is refused', () =>
    refused('emphasis-40', HEAD + `${'*a '.repeat(40)}x${' a*'.repeat(40)}\n`, /E_TOO_DEEP: .*emphasis and links nested more than 32 deep/, 'FILE:'));

  it('quotes and lists ten deep build', async () => {
    const { pdf, xhtml } = buildOk('ten-deep');
    expect(squash(pdf)).toContain('第十层引文。');
    for (let i = 1; i <= 10; i++) {
      expect(squash(pdf)).toContain(`第${i}层列表`);
      expect(textOf(xhtml)).toContain(`第${i}层列表`);
    }
  });
});

describe('characters XML cannot hold', () => {
  it.each([
    ['ctrl-text', `${HEAD}控制\u0001字符。\n`, 'FILE:10:3', 'U\\+0001'],
    ['ctrl-fffe', `${HEAD}非字符\ufffe。\n`, 'FILE:10:4', 'U\\+FFFE'],
    ['ctrl-tab-ok-but-vt', `${HEAD}\t制表可以，\u000b不行。\n`, 'FILE:10:7', 'U\\+000B'],
    ['ctrl-front-matter', '---\ntitle: 书\u0007名\ndate: 2018-07-26\n---\n\n# 一\n\n正文。\n', 'FILE:2:9', 'U\\+0007'],
  ])('%s is refused with its line and column', (name, content, place, code) => refused(name, content, new RegExp(`E_CONTROL_CHAR: .*${code}`), place));

  it('a YAML escape that makes a control character in the title is refused', () =>
    refused('ctrl-yaml-escape', '---\ntitle: "标题\\x02"\ndate: 2018-07-26\n---\n\n# 一\n\n正文。\n', /E_CONFIG: .*'title': holds a control character/, 'FILE:2'));

  it('a character reference to a control character in raw HTML is refused', () =>
    refused('ctrl-charref', `${HEAD}<div>&#1;</div>\n`, /E_CONTROL_CHAR/, 'FILE:10'));
});

describe('metadata values', () => {
  it.each([
    ['date-month-13', '2018-13-45'],
    ['date-zero', '0000-00-00'],
    ['date-feb-30', '2019-02-29'],
  ])('%s is refused', (name, date) =>
    refused(name, `---\ntitle: 书\ndate: ${date}\n---\n\n# 一\n\n正文。\n`, new RegExp(`E_CONFIG: .*'date': ${date} is not a day of the calendar`), 'FILE:3'));

  it('9999-12-31 and 1949-10-01 are real days: the book builds, its zip entries clamped to 1980–2107', async () => {
    for (const date of ['9999-12-31', '1949-10-01']) {
      const file = path.join(work, `date-${date}.md`);
      await writeFile(file, `---\ntitle: 书\ndate: ${date}\n---\n\n# 一\n\n正文。\n`);
      const res = await runCli(['build', '-m', file, '-o', path.join(work, `date-${date}`), '--only', 'epub']);
      expect(res.exitCode, res.all).toBe(0);
      const opf = readZip(await readFile(path.join(work, `date-${date}`, 'book.epub'))).find((e) => e.name === 'OEBPS/content.opf')!.data.toString();
      expect(opf).toContain(`<dc:date>${date}</dc:date>`);
    }
  });

  it('SOURCE_DATE_EPOCH past the year 9999 is a usage error (exit 2)', () =>
    refused('sde-huge', `${HEAD}\n`, /E_SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH is 99999999999999, after the year 9999/, 'E_SOURCE_DATE_EPOCH', 2, { SOURCE_DATE_EPOCH: '99999999999999' }));

  it('an undefined YAML alias is refused with its line', () =>
    refused('yaml-undefined-alias', '---\ntitle: 书\ndate: 2018-07-26\nsubtitle: *nothing\n---\n\n# 一\n\n正文。\n', /E_YAML: .*Unresolved alias/, 'FILE:4'));

  it('a YAML alias bomb is refused', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let c = 98; c <= 105; c++) {
      const p = String.fromCharCode(c - 1);
      lines.push(`${String.fromCharCode(c)}: &${String.fromCharCode(c)} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    return refused('yaml-bomb', `---\ntitle: 书\ndate: 2018-07-26\n${lines.join('\n')}\n---\n\n# 一\n\n正文。\n`, /E_YAML: .*Excessive alias count/, 'FILE:5');
  });
});

describe('links', () => {
  it('[x](#%zz) builds with a warning naming it, in build and check', async () => {
    const { res, chk, pdf } = buildOk('link-malformed');
    expect(res.stderr).toContain("link '#%zz' points to no anchor");
    expect(chk.stdout).toMatch(/all\.md:\d+:1: warning M_LINK_DEAD: link '#%zz' points to no anchor/);
    expect(squash(pdf)).toContain('坏链接');
  });
});

describe('raw HTML that is not valid XHTML is repaired, with a warning, text kept', () => {
  it.each([
    ['html-p-in-pre', ['段落在预排版里'], /<p> cannot stand inside <pre>/],
    ['html-orphans', ['孤立项', '孤立释义', '孤立摘要'], /<li> cannot stand outside <ul> or <ol>/],
    ['html-details', ['没有摘要的详情'], /<details> without a <summary>/],
    ['html-img-no-src', ['无源图片'], /<img> without a usable src is shown as its alt text/],
    ['html-bad-start', ['第一项'], /start="abc" on <ol> is not a valid number/],
    ['html-unclosed', ['未闭合', '下一段。'], undefined],
  ] as const)('%s', (name, texts, warning) => {
    const { res, chk, xhtml, pdf } = buildOk(name);
    for (const t of texts) {
      expect(textOf(xhtml)).toContain(t);
      expect(squash(pdf)).toContain(t);
    }
    if (warning) {
      expect(res.stderr).toMatch(warning);
      expect(chk.stdout).toMatch(warning);
    }
  });
});

describe('text that was silently lost', () => {
  it('a link definition at the end of the file serves an earlier speech, in the EPUB and PDF', async () => {
    const { xhtml, pdf } = buildOk('refdef');
    expect(xhtml).toContain('见<a href="https://example.com/">官网</a>。');
    expect(squash(pdf)).toContain('见官网。');
  });

  it('<math> and a malformed HTML block keep their text, with a warning', async () => {
    const { res, xhtml, pdf } = buildOk('math');
    expect(res.stderr).toMatch(/all\.md:\d+:\d+: warning M_HTML_UNWRAPPED: raw HTML: <math> is shown as its text/);
    expect(textOf(xhtml)).toContain('x=2');
    for (const t of ['x=2', '*foo*', 'bar']) expect(squash(pdf)).toContain(t);
  });

  it('a raw-HTML id="s1-p2" cannot take bookdeck’s anchor', async () => {
    const { xhtml } = buildOk('id-clash');
    expect(NAMES.indexOf('id-clash')).toBe(13);
    expect(xhtml).toMatch(/<p id="s14-p2">第三段<a href="#s14-p2">/);
    expect(xhtml).toMatch(/<p id="user-s14-p2">抢/);
  });

  it('PDF autolink text is printed as written, not percent-encoded', async () => {
    const { pdf } = buildOk('autolink');
    expect(squash(pdf)).toContain('https://例子.com/路径?q=中文');
  });
});

describe('the inputs that build', () => {
  it('make one EPUBCheck-clean book together', async () => {
    expect(all.res.exitCode, all.res.all).toBe(0);
    const report = await epubcheck(path.join(all.out, 'book.epub'));
    expect(report.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')).toEqual([]);
  });
});
