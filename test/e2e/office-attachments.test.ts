import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip, zipTexts } from './epub-zip.js';
import { type BoxLine, boxLines } from '../pdf-read.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/office-attachments/speeches.md');
const SPEECH = '在全县防汛抗旱工作会议上的讲话';

const centre = (l: BoxLine) => (l.x0 + l.x1) / 2;
const find = (lines: BoxLine[], text: string) => {
  const l = lines.find((x) => x.text === text);
  expect(l, `a line reading ${text}`).toBeDefined();
  return l!;
};

describe('an office speech with a byline without subtitle, a 附件说明 and two attachment pages', () => {
  let gw: string;
  let book: string;
  beforeAll(async () => {
    gw = await scratchDir('office-attachments-gw');
    book = await scratchDir('office-attachments-book');
    const a = await runCli(['build', '--layout', 'gongwen', '--split', '--only', 'pdf,epub,deck', '-m', FIXTURE, '-o', gw]);
    expect(a.exitCode, a.all).toBe(0);
    const b = await runCli(['build', '--only', 'pdf', '-m', FIXTURE, '-o', book]);
    expect(b.exitCode, b.all).toBe(0);
  }, 240_000);

  it('gongwen: the speaker and date lines (no subtitle) are centred under the title', async () => {
    const lines = await boxLines(path.join(gw, 'book.pdf'));
    const speaker = find(lines, '县委副书记、县长　张文斌');
    // The title and the date on the speaker's page (the contents list the title, the title page has the book's date).
    for (const l of [speaker, lines.find((x) => x.page === speaker.page && x.text === '（2024年4月18日）')!]) {
      const text = l.text;
      const title = lines.find((x) => x.page === l.page && x.text === SPEECH)!;
      expect(title.y).toBeLessThan(l.y);
      expect(Math.abs(centre(l) - centre(title)), `${text} centred`).toBeLessThan(2);
    }
  });

  it('gongwen --split: 附件1 and 附件2 each open a page of the speech handout, page numbers running on', async () => {
    const handouts = (await readdir(gw)).filter((f) => /^\d\d-.*\.pdf$/.test(f)).sort();
    expect(handouts).toHaveLength(2);
    const own = await boxLines(path.join(gw, handouts[0]!));
    const pages = Math.max(...own.map((l) => l.page));
    for (const [label, title] of [
      ['附件1', '全县防汛抗旱重点工程项目清单'],
      ['附件2', '全县防汛应急物资储备情况表'],
    ] as const) {
      const l = find(own, label);
      const first = own.filter((x) => x.page === l.page).sort((a, b) => a.y - b.y)[0]!;
      expect(first.text, `${label} is the first line of page ${l.page}`).toBe(label);
      const t = find(own, title);
      expect(t.page).toBe(l.page);
      expect(t.y).toBeGreaterThan(l.y);
      // The label at the left edge of the text block, the title centred in it (28 characters of 16 bp); the
      // block moves with the binding margin from odd to even pages.
      const text = own.filter((x) => x.page === l.page && !x.text.startsWith('—'));
      expect(l.x0).toBeLessThanOrEqual(Math.min(...text.map((x) => x.x0)) + 0.5);
      expect(Math.abs(centre(t) - (l.x0 + 224)), `${title} centred`).toBeLessThan(2);
    }
    // Every page carries its own number, the attachment pages too: — 1 — … — N —.
    for (let p = 1; p <= pages; p++) expect(own.some((l) => l.page === p && l.text === `—${p}—`), `page ${p} numbered`).toBe(true);
    const other = await boxLines(path.join(gw, handouts[1]!));
    expect(other.some((l) => l.text.startsWith('附件'))).toBe(false);
  });

  it('gongwen: the 附件说明 hangs: 2． under 1．, a title\'s second line under its first character', async () => {
    const lines = await boxLines(path.join(gw, 'book.pdf'));
    const first = lines.find((l) => l.text.startsWith('附件：1．'))!;
    expect(first).toBeDefined();
    const i = lines.indexOf(first);
    const [wrap, second] = [lines[i + 1]!, lines[i + 2]!];
    expect(second.text).toBe('2．全县防汛应急物资储备情况表');
    // 2． starts under 1．, three characters (附件：) in from 附件; the wrapped title starts right of 2．'s number, under the title.
    expect(Math.abs(second.x0 - (first.x0 + 3 * 16))).toBeLessThan(1.5);
    expect(wrap.x0 - second.x0).toBeGreaterThan(8);
    expect(wrap.x0 - second.x0).toBeLessThan(32);
    expect(first.text + wrap.text).toBe('附件：1．全县防汛抗旱重点工程项目清单及责任单位与完成时限安排表');
  });

  it('book layout: the byline is centred under the title, and each attachment opens a page', async () => {
    const lines = await boxLines(path.join(book, 'book.pdf'));
    for (const text of ['县委副书记、县长　张文斌', '（2024年4月18日）', '——在全县农村人居环境整治推进会上的讲话']) {
      const l = find(lines, text);
      const title = lines.filter((x) => x.page === l.page && x.y < l.y).sort((a, b) => b.y - a.y).find((x) => x.text.startsWith('在全县'))!;
      expect(Math.abs(centre(l) - centre(title)), `${text} centred`).toBeLessThan(2);
    }
    // The first line under the running head (which names the book) is the label.
    for (const label of ['附件1', '附件2']) {
      const l = find(lines, label);
      expect(lines.filter((x) => x.page === l.page && !x.text.includes('全县防汛抗旱工作会议材料')).sort((a, b) => a.y - b.y)[0]!.text).toBe(label);
    }
  });

  it('EPUB: byline lines carry the byline class, the attachments are sections of the speech\'s chapter', async () => {
    // Titles carry <wbr/> at their word boundaries; the words are what is checked.
    const texts = new Map([...zipTexts(readZip(await readFile(path.join(gw, 'book.epub'))))].map(([n, t]) => [n, t.replace(/<wbr\/>/g, '')]));
    const chapter = [...texts.entries()].find(([, t]) => t.includes(`>${SPEECH}</h1>`));
    expect(chapter).toBeDefined();
    // The last two characters of a line are kept together in a span; the text is what matters here.
    const html = chapter![1].replace(/<span class="nobreak">([^<]*)<\/span>/gu, '$1');
    expect(html).toMatch(/<p [^>]*class="byline"[^>]*>县委副书记、县长　张文斌<\/p>/u);
    expect(html).toMatch(/<p [^>]*class="byline"[^>]*>（2024年4月18日）<\/p>/u);
    expect(html).toMatch(/<section [^>]*class="attachment"[^>]*>\s*<p class="attachment-label">附件1<\/p>\s*<h2[^>]*>全县防汛抗旱重点工程项目清单<\/h2>/u);
    expect(html).toContain('class="attachment-note"');
    expect([...texts.values()].filter((t) => t.includes('class="attachment-label"'))).toHaveLength(1);
    const nav = [...texts.values()].find((t) => t.includes('epub:type="toc"'))!;
    expect(nav).not.toMatch(/>附件1/u);
    const css = [...texts.entries()].find(([n]) => n.endsWith('.css'))![1];
    expect(css).toMatch(/\.byline\s*\{[^}]*text-align:\s*center/u);
  });

  it('deck: two speeches, no slide for an attachment, the byline centred on the speech slide', async () => {
    const html = await readFile(path.join(gw, 'deck/index.html'), 'utf8');
    expect(html.match(/<section [^>]*class="[^"]*\bspeech\b/g) ?? []).toHaveLength(2);
    expect(html).not.toContain('应急物资储备情况表</h2>');
    expect(html).not.toMatch(/<h2[^>]*>附件/u);
    expect(html).toMatch(/<p class="byline">县委副书记、县长　张文斌<\/p>/u);
  });
});
