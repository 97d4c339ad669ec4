// The acceptance: no import opens a socket. Images and links in a page are kept as
// written, never fetched; pandoc reads the docx offline.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers.js';
import { savedHtml, wordDocx } from '../import-fixtures.js';
import { traceConnects } from './trace-connect.js';

describe('import opens no socket (strace -f -e trace=connect)', () => {
  it('imports a docx with a picture without a single connect', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('connect-docx');
    const res = await traceConnects(['import', await wordDocx(), '-o', path.join(dir, 'draft.md')], path.join(dir, 'strace.log'));
    expect(res.exitCode, res.all).toBe(0);
    expect(res.connects).toEqual([]);
  });

  it('imports a saved page whose images, scripts and styles are remote without a single connect', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('connect-html');
    const page = path.join(dir, 'remote.html');
    await writeFile(
      page,
      `<!doctype html><html><head><meta charset="utf-8"><title>远程图片</title>
<link rel="stylesheet" href="https://example.com/site.css"><script src="http://example.net/a.js"></script></head>
<body><article><h1>远程图片</h1>
<p>第一段。<img src="https://example.com/photo.jpg" alt="照片"></p>
<p><img src="http://203.0.113.7/x.png" srcset="https://cdn.example.org/x@2x.png 2x" alt="图"></p>
<picture><source srcset="https://example.com/a.webp"><img src="//example.com/b.png" alt="b"></picture>
<p>见<a href="https://example.com/more">链接</a>。</p></article></body></html>\n`,
    );
    const out = path.join(dir, 'draft.md');
    const res = await traceConnects(['import', page, '-o', out], path.join(dir, 'strace.log'));
    expect(res.exitCode, res.all).toBe(0);
    expect(res.connects).toEqual([]);
    const html = await traceConnects(['import', await savedHtml(), '-o', path.join(dir, 'saved.md')], path.join(dir, 'strace2.log'));
    expect(html.exitCode, html.all).toBe(0);
    expect(html.connects).toEqual([]);
  });
});
