import { describe, expect, it } from 'vitest';
import { dateOfLines } from '../../../src/import/draft.js';
import { findDate } from '../../../src/text/dates.js';
import { isPageNumber, removeFurniture } from '../../../src/import/furniture.js';
import { familyDepths, headingFamily } from '../../../src/import/gongwen.js';
import type { PdfLine, PdfPage } from '../../../src/import/pdf-lines.js';
import { parseBboxLayout } from '../../../src/import/pdf-lines.js';
import { pdfSpeeches } from '../../../src/import/pdf-paragraphs.js';
import { speechFileName } from '../../../src/import/write.js';
import { plainText } from '../../../src/model/text.js';

describe('公文 headings', () => {
  it.each([
    ['一、总体成效', 1],
    ['（二）加强协同创新', 2],
    ['(三)推进一体化', 2],
    ['第一部分 回顾', 0],
    ['第三章　展望', 0],
  ])('%s is family %i', (text, fam) => expect(headingFamily(text)).toBe(fam));

  it.each(['一、加大协同创新力度，提升产业整体竞争力。京津冀作为北方最核心的发展区域', '一是提高政治站位', '一、总体成效很好。', '2018年'])(
    'reads %s as body text',
    (text) => expect(headingFamily(text)).toBeUndefined(),
  );

  it('gives the outermost family present ##, the next ###', () => {
    expect([...familyDepths([2, 1, 2])]).toEqual([[1, 2], [2, 3]]);
    expect([...familyDepths([0, 1, 2])]).toEqual([[0, 2], [1, 3], [2, 4]]);
  });
});

describe('page numbers and dates', () => {
  it.each(['— 1 —', '-1-', '- 12 -', '7', '第 1 页', '第1页 共3页', '3/10', 'Page 2 of 9'])('%s is a page number', (t) => expect(isPageNumber(t)).toBe(true));
  it.each(['2018年7月26日', '一是', '— 1 — 京津冀', '12345'])('%s is not', (t) => expect(isPageNumber(t)).toBe(false));

  it('finds a full date, ignores partial and impossible ones', () => {
    expect(findDate('（2018年7月26日）')).toBe('2018-07-26');
    expect(findDate('7月26日在论坛上')).toBeUndefined();
    expect(findDate('2018年2月30日')).toBeUndefined();
    expect(dateOfLines(['一段很长的正文，其中提到2014年2月26日这一天，但它不是日期行，因为这一行远远超过了四十个字的长度限制。', '（2018年7月26日）'])).toBe('2018-07-26');
  });

  it('names split files NN-title.md without characters file systems refuse', () => {
    expect(speechFileName(0, '筑梦京津冀，共谱新华章')).toBe('01-筑梦京津冀，共谱新华章.md');
    expect(speechFileName(11, 'a/b: c?')).toBe('12-abc.md');
  });
});

/** A page of lines at 12 pt, 10 characters a line, left edge 50. */
function page(rows: [indent: number, text: string][], extra: PdfLine[] = []): PdfPage {
  const lines = rows.map(([indent, text], i) => ({ x0: 50 + indent * 12, x1: 50 + indent * 12 + Array.from(text).length * 12, y0: 100 + i * 20, y1: 112 + i * 20, text }));
  return { width: 300, height: 600, lines: [...lines, ...extra].sort((a, b) => a.y0 - b.y0) };
}

describe('PDF layout', () => {
  it('joins the pieces poppler cuts from one printed line', () => {
    const xhtml = `<doc><page width="300" height="600"><flow><block>
      <line xMin="50" yMin="100" xMax="110" yMax="112"><word xMin="50" yMin="100" xMax="110" yMax="112">“甲乙”</word></line>
      <line xMin="104" yMin="100" xMax="170" yMax="112"><word xMin="104" yMin="100" xMax="116" yMax="112">，</word><word xMin="116" yMin="100" xMax="170" yMax="112">丙 &amp; 4</word></line>
    </block></flow></page></doc>`;
    expect(parseBboxLayout(xhtml)[0]!.lines.map((l) => l.text)).toEqual(['“甲乙”，丙 & 4']);
  });

  it('starts paragraphs at indents, across pages, and keeps （摘自……） whole', () => {
    const p1 = page([[2, '一二三四五六七八'], [0, '九十一二三四五六七八'], [0, '九十。'], [2, '甲乙丙丁戊己庚辛'], [0, '壬癸甲乙丙丁戊己庚辛']]);
    const p2 = page([[0, '结束。'], [2, '（摘自7月26日在论坛'], [0, '上的致辞）']]);
    const [s] = pdfSpeeches([p1, p2]);
    expect(s!.body.map((b) => plainText(b))).toEqual(['一二三四五六七八九十一二三四五六七八九十。', '甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛结束。', '（摘自7月26日在论坛上的致辞）']);
  });

  it('without any indents, a short line that ends a sentence ends its paragraph', () => {
    const [s] = pdfSpeeches([page([[0, '一二三四五六七八九十'], [0, '完了。'], [0, '甲乙丙丁戊己庚辛壬癸'], [0, '子丑']])]);
    expect(s!.body.map((b) => plainText(b))).toEqual(['一二三四五六七八九十完了。', '甲乙丙丁戊己庚辛壬癸子丑']);
  });

  it('drops page numbers and running heads only in the bands, counts them, keeps them on request', () => {
    const head = (y: number): PdfLine => ({ x0: 100, x1: 200, y0: y, y1: y + 10, text: '讲话选编' });
    const num = (n: number): PdfLine => ({ x0: 140, x1: 160, y0: 560, y1: 572, text: `— ${n} —` });
    const pages = [1, 2, 3].map((n) => page([[2, `正文${'甲乙丙'[n - 1]}开头`], [0, '第 1 页']], [head(20), num(n)]));
    const { pages: out, found, heads } = removeFurniture(pages);
    expect(found).toEqual({ pageNumbers: 3, runningHeads: 3 });
    expect(heads).toEqual(['讲话选编']);
    // “第 1 页” in the body (y 120, not in a band) is text, not furniture.
    expect(out[0]!.lines.map((l) => l.text)).toEqual(['正文甲开头', '第 1 页']);
    const kept = removeFurniture(pages, true);
    expect(kept.pages[0]!.lines.filter((l) => l.furniture).map((l) => l.text)).toEqual(['讲话选编', '— 1 —']);
  });
});

describe('pandoc AST → mdast', () => {
  it('keeps every character of marks Markdown lacks, numbers notes in order, and reads a pandoc 3 Figure', async () => {
    const P = await import('../../../src/tools/pandoc-ast.js');
    const { blocksToMdast } = await import('../../../src/import/pandoc-to-mdast.js');
    const figure = { t: 'Figure', c: [P.attr(), [null, [P.plain([P.str('图注')])]], [P.plain([P.image([P.str('图')], 'media/a.png')])]] } as unknown as import('../../../src/tools/pandoc-ast.js').Block;
    const ctx = { notes: [], image: (u: string) => `x/${u}` };
    const md = blocksToMdast(
      [P.para([P.underline([P.str('下划')]), P.superscript([P.str('2')]), P.quoted('DoubleQuote', [P.str('引')]), P.note([P.para([P.str('注一')])]), P.note([P.para([P.str('注二')])])]), figure],
      ctx,
    );
    expect(plainText({ type: 'root', children: md })).toBe('下划2“引”图注');
    expect(ctx.notes.map((n: { identifier: string }) => n.identifier)).toEqual(['1', '2']);
    expect(JSON.stringify(md)).toContain('"url":"x/media/a.png"');
  });
});
