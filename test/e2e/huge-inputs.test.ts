import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';
import { solidPng } from '../png.js';

describe('inputs past TeX’s or the stack’s limits: built or refused, never exit 70', () => {
  it('an image 17,000 px wide (past TeX’s 16,384 pt at 72 dpi) prints in the PDF, scaled to the text width', async () => {
    const work = await scratchDir('wide-image');
    await writeFile(path.join(work, 'wide.png'), solidPng(17_000, 10));
    await writeFile(path.join(work, 'book.md'), '# 讲话\n\n一段文字。\n\n![宽图](wide.png)\n\n又一段。\n');
    const out = path.join(work, 'out');
    const res = await runCli(['build', '-m', path.join(work, 'book.md'), '-o', out, '--only', 'pdf', '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    // The PDF holds the image with all its pixels (only its declared resolution changed).
    const list = execFileSync('pdfimages', ['-list', path.join(out, 'book.pdf')], { encoding: 'utf8' });
    expect(list).toMatch(/\s17000\s+10\s/);
  });

  it('100,000 paragraphs in one speech: refused in seconds with E_TOO_MANY_PARAGRAPHS and the line, exit 1 (was a stack overflow after 92 s)', async () => {
    const work = await scratchDir('many-paragraphs');
    const file = path.join(work, 'p.md');
    await writeFile(file, `# 讲话\n\n${Array.from({ length: 100_000 }, (_, i) => `第${i}段，内容。`).join('\n\n')}\n`);
    const started = Date.now();
    const res = await runCli(['build', '-m', file, '-o', path.join(work, 'out'), '--only', 'epub']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/p\.md:40001: error E_TOO_MANY_PARAGRAPHS: more than 20,000 paragraphs in one file/);
  }, 60_000);
});
