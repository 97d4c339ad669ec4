import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';

describe('a book title that holds the deck template’s placeholders', () => {
  it('builds a deck whose <title> is exactly the title and whose slides are inside .slides', async () => {
    const dir = await scratchDir('title-placeholders');
    const title = '关于{{slides}}与{{lang}}的讲话 & <b>';
    await writeFile(
      path.join(dir, 'book.md'),
      `---\ntitle: "${title}"\ndate: 2018-07-26\n---\n\n# 第一篇\n\n**一是加强协同。**各方要形成合力，共同推进。\n\n**二是完善机制。**建立定期会商制度，及时解决问题。\n\n（摘自某次会议的讲话）\n`,
    );
    const res = await runCli(['build', '--only', 'deck', '-m', path.join(dir, 'book.md'), '-o', path.join(dir, 'out'), '--quiet'], { cwd: dir });
    expect(res.exitCode, res.all).toBe(0);
    const html = await readFile(path.join(dir, 'out/deck/index.html'), 'utf8');
    expect([...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual(['关于{{slides}}与{{lang}}的讲话 &amp; &lt;b&gt;']);
    expect(html).toContain('<html lang="zh-Hans">');
    const slides = html.slice(html.indexOf('<div class="slides">'), html.lastIndexOf('</div></div>'));
    expect(slides.match(/<section /g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(slides).toContain('加强协同');
    expect(html.slice(0, html.indexOf('<div class="slides">'))).not.toContain('<section');
  });
});
