import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { buildBook } from '../../../../src/model/build-book.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { deckSlides, leadIn, packSummary } from '../../../../src/emit/deck/slides.js';
import { renderDeck, sizeClass } from '../../../../src/emit/deck/render.js';
import { zhDate as chineseDate } from '../../../../src/text/dates.js';
import { escapeScript, escapeStyle, inlineAssets } from '../../../../src/emit/deck/single-file.js';
import { MANUSCRIPT } from '../../../helpers.js';

const meta = { title: '标题', subtitle: '副标题', date: '2018-07-26', lang: 'zh-Hans' };
const book = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);

describe('deckSlides', () => {
  it('orders the default manuscript: title, overview, sections with context and proposals, summary', async () => {
    const text = await readFile(MANUSCRIPT, 'utf8');
    const b = buildBook([parseSource({ path: MANUSCRIPT, text, notices: [] })], meta);
    const kinds = deckSlides(b).map((s) => s.kind);
    expect(kinds).toEqual([
      'title', 'overview',
      'speech', 'proposal', 'proposal', 'proposal',
      'speech', 'context', 'proposal', 'proposal', 'proposal', 'proposal',
      'speech', 'proposal', 'proposal', 'proposal', 'proposal', 'proposal',
      'summary', 'summary',
    ]);
    const context = deckSlides(b).find((s) => s.kind === 'context')!;
    expect(context).toMatchObject({ heading: '这主要体现在4个方面' });
    if (context.kind === 'context') expect(context.notes).toEqual(b.chapters[1]!.paragraphs.filter((p) => p.role === 'context').map((p) => p.text));
  });

  it('places a context slide where the context paragraphs are, and skips speeches without proposals in the summary', () => {
    const slides = deckSlides(book('# 甲\n\n**一是建议。**要做。\n\n:::context\n一是成效。\n:::\n\n# 乙\n\n正文。\n'));
    expect(slides.map((s) => s.kind)).toEqual(['title', 'overview', 'speech', 'proposal', 'context', 'speech', 'summary']);
    const summary = slides.at(-1)!;
    if (summary.kind === 'summary') expect(summary.groups.map((g) => g.speech.title)).toEqual(['甲']);
  });

  it('takes the context heading only from a lead-in sentence ending in a colon', () => {
    expect(leadIn('4年来，成效显著。这主要体现在4个方面：')).toBe('这主要体现在4个方面');
    expect(leadIn('成效显著。')).toBeUndefined();
  });

  it('packs speeches whole onto summary slides by estimated lines', () => {
    const p = (n: number) => ({ title: '字'.repeat(n) }) as never;
    expect(packSummary([{ proposals: [p(10), p(10)] }, { proposals: [p(10)] }]).map((g) => g.length)).toEqual([2]);
    expect(packSummary([{ proposals: Array(6).fill(p(40)) }, { proposals: [p(10)] }]).map((g) => g.length)).toEqual([1, 1]);
  });
});

describe('renderDeck', () => {
  it('escapes manuscript text and fills the shell', () => {
    const html = renderDeck(book('# A < & "B"\n\n**一是建议a<b。**要做，要推动合作，要完善机制。\n'), '<html lang="{{lang}}"><title>{{title}}</title>{{slides}}</html>');
    expect(html).toContain('<html lang="zh-Hans"><title>标题</title>');
    expect(html).toContain('A &lt; &amp; &quot;B&quot;');
    expect(html).not.toContain('a<b');
    expect(html).toContain('<aside class="notes"><p><strong>一是建议a&lt;b。</strong>要做，要推动合作，要完善机制。</p></aside>');
  });

  it('sizes titles by length and writes dates the Chinese way', () => {
    expect([sizeClass('短标题'), sizeClass('字'.repeat(20)), sizeClass('字'.repeat(40))]).toEqual(['size-l', 'size-m', 'size-s']);
    expect(chineseDate('2018-07-26')).toBe('2018年7月26日');
    expect(chineseDate('2018')).toBe('2018');
  });
});

describe('inlineAssets', () => {
  it('inlines local stylesheets and scripts, escaping what would close the element', async () => {
    const files: Record<string, string> = { 'a.css': 'p{}</style>', 'b.js': 'var s="</script><!--";' };
    const html = await inlineAssets('<link rel="stylesheet" href="a.css"><script src="b.js"></script><script src="https://x/y.js"></script>', async (r) => files[r]!);
    expect(html).toBe('<style>p{}<\\/style></style><script>var s="\\x3C/script>\\x3C!--";</script><script src="https://x/y.js"></script>');
    expect(new Function(`${escapeScript('return "</script><!--";')}`)()).toBe('</script><!--');
    expect(escapeStyle('a</STYLE>')).toBe('a<\\/style>');
  });
});
