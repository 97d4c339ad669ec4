import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';
import { readZip, zipTexts } from './epub-zip.js';

const MANUSCRIPT = [
  '# 2023年全县安全生产形势分析及2024年工作要点\n\n同志们：今天召开会议。\n',
  '# 在2024年全县经济工作会议暨县委农村工作会议上的讲话\n\n同志们：今天召开会议。\n',
  '在全县防汛抗旱工作会议\\\n上的讲话\n===\n\n同志们：今天召开会议。\n',
].join('\n');

/** The text of each title paragraph, `|` where a w:br stands. */
function titleLines(xml: string, style: string): string[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>|<w:p [^>]*>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
    .map((m) => m[0])
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => [...p.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => (t[0] === '<w:br/>' ? '|' : t[1])).join(''));
}

describe('docx titles broken as an office breaks them', () => {
  it('puts a w:br only between words, upper line longer, and keeps the author’s break (gongwen and book looks)', async () => {
    const dir = await scratchDir('titles-docx');
    const md = path.join(dir, 'speeches.md');
    await writeFile(md, MANUSCRIPT);
    for (const [layout, style, lines] of [
      ['gongwen', 'GongwenTitle', ['2023年全县安全生产形势分析|及2024年工作要点', '在2024年全县经济工作会议暨|县委农村工作会议上的讲话', '在全县防汛抗旱工作会议|上的讲话']],
      ['book', 'Heading1', ['2023年全县安全生产形势分析及2024年工作要点', '在2024年全县经济工作会议暨|县委农村工作会议上的讲话', '在全县防汛抗旱工作会议|上的讲话']],
    ] as const) {
      const out = path.join(dir, layout);
      const res = await runCli(['build', '--only', 'docx', '--layout', layout, '-m', md, '-o', out]);
      expect(res.exitCode, res.all).toBe(0);
      const xml = zipTexts(readZip(await readFile(path.join(out, 'book.docx')))).get('word/document.xml')!;
      expect(titleLines(xml, style), layout).toEqual(lines);
    }
  }, 120_000);
});
