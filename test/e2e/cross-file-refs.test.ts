import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip, zipTexts } from './epub-zip.js';

/** A folder whose first file cites a note and a link that the second file defines. */
const FIXTURE = path.join(ROOT, 'test/fixtures/cross-file-refs');

describe('a footnote and a link defined in another file of the folder', () => {
  let out: string;
  let built: { exitCode?: number; all?: string; stderr: string };

  beforeAll(async () => {
    out = await scratchDir('cross-file-refs');
    built = await runCli(['build', '-m', FIXTURE, '-o', out, '--only', 'epub,pdf', '--quiet'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  });

  it('the EPUB’s first speech has a note reference to 注释正文 and a link to https://example.com', async () => {
    expect(built.exitCode, built.all).toBe(0);
    const s1 = zipTexts(readZip(await readFile(path.join(out, 'book.epub')))).get('OEBPS/s1.xhtml')!;
    expect(s1).not.toContain('[^a]');
    expect(s1).not.toContain('[ref]');
    const ref = /正文引用注释<sup><a [^>]*href="#([^"]+)" epub:type="noteref"[^>]*>1<\/a><\/sup>/u.exec(s1);
    expect(ref, s1).not.toBeNull();
    const note = new RegExp(`<aside id="${ref![1]}"[^>]*epub:type="footnote"[^>]*>([\\s\\S]*?)</aside>`, 'u').exec(s1);
    expect(note?.[1]?.replace(/<[^>]+>/gu, '')).toBe('1 注释正文。');
    expect(s1).toContain('<a href="https://example.com">链接</a>');
  });

  it('the PDF prints the note under the first speech too, and no literal [^a]', async () => {
    expect(built.exitCode, built.all).toBe(0);
    const { stdout } = await execa('pdftotext', ['-enc', 'UTF-8', path.join(out, 'book.pdf'), '-']);
    expect(stdout).not.toContain('[^a]');
    expect(stdout).not.toContain('[链接]');
    const second = stdout.lastIndexOf('第二篇正文');
    expect(second).toBeGreaterThan(0);
    const first = stdout.slice(0, second);
    expect(first.replace(/\s+/gu, '')).toMatch(/正文引用注释1，还有链接。/u);
    expect(first.replace(/\s+/gu, '')).toContain('1注释正文。');
    expect(stdout.slice(second).replace(/\s+/gu, '')).toContain('1注释正文。');
  });
});
