import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip } from './epub-zip.js';
import { epubcheck } from '../../src/tools/epubcheck.js';

// An 8×6 red PNG and the same picture as a lossless WebP (made with cwebp), small enough to write here.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM4ISeHFTEMpAQAaYgwwWSFouIAAAAASUVORK5CYII=';
const WEBP = 'UklGRiIAAABXRUJQVlA4TBYAAAAvB0ABAAdQjyLXo/8BgCD8b5uI6H8I';

const CORPUS_DOCX = path.resolve(ROOT, '../shared/corpora/realworld/docx/pandoc');

describe('import: a draft always builds (issue 27 item 1)', () => {
  it('a saved page: data: decoded, NAME_files/ resolved, remote, //cdn, /static and missing images removed with their alt text and one warning naming each', async () => {
    const dir = await scratchDir('import-images-html');
    const page = path.join(dir, 'page.html');
    await mkdir(path.join(dir, 'page_files'));
    await writeFile(path.join(dir, 'page_files', 'kept.png'), Buffer.from(PNG, 'base64'));
    await writeFile(
      page,
      [
        '<!doctype html><html><head><title>图片</title></head><body><article><h1>图片之页</h1>',
        '<p>第一段正文，说明下面的图。</p>',
        `<p><img src="data:image/png;base64,${PNG}" alt="内嵌的图"></p>`,
        '<p><img src="./page_files/kept.png" alt="保存的图"></p>',
        '<p><img src="https://example.com/remote.png" alt="远程的图"></p>',
        '<p><img src="//cdn.example.com/cdn.png" alt="CDN 的图"></p>',
        '<p><img src="/static/abs.png" alt="绝对路径的图"></p>',
        '<p>句中<img src="gone.png" alt="丢失的图">之后。</p>',
        '<p>最后一段正文。</p>',
        '</article></body></html>',
      ].join('\n'),
    );
    const out = path.join(dir, 'out');
    const imp = await runCli(['import', page, '-o', path.join(out, 'draft.md')]);
    expect(imp.exitCode, imp.all).toBe(0);
    const warnings = imp.stderr.split('\n').filter((l) => /W_IMPORT_IMAGE_DROPPED/.test(l));
    expect(warnings, imp.stderr).toHaveLength(1);
    for (const [src, line] of [
      ['https://example.com/remote.png', 5],
      ['//cdn.example.com/cdn.png', 6],
      ['/static/abs.png', 7],
      ['gone.png', 8],
    ] as const) {
      expect(warnings[0]).toContain(`'${src}' (line ${line})`);
    }
    expect(warnings[0]).toMatch(/page\.html:5:.*removed 4 images/);
    const draft = await readFile(path.join(out, 'draft.md'), 'utf8');
    // Alt text kept, each on a line of its own; no reference to what build refuses.
    for (const alt of ['远程的图', 'CDN 的图', '绝对路径的图']) expect(draft).toMatch(new RegExp(`^${alt}$`, 'm'));
    expect(draft).toMatch(/句中\\?\n丢失的图\\?\n之后。/);
    expect(draft).not.toMatch(/https:|\/\/cdn|\/static|gone\.png/);
    const media = await readdir(path.join(out, 'page-media'));
    expect(media).toHaveLength(1); // the data: image and the saved file are the same bytes: one file
    expect(draft.match(/!\[[^\]]*\]\(page-media\/img-[0-9a-f]{16}\.png\)/g)).toHaveLength(2);
    const build = await runCli(['build', '-m', path.join(out, 'draft.md'), '-o', path.join(dir, 'book'), '--only', 'epub']);
    expect(build.exitCode, build.all).toBe(0);
  });

  it.skipIf(!existsSync(CORPUS_DOCX))("a Word file's EMF picture is converted to PNG and the draft builds", async () => {
    const dir = await scratchDir('import-images-emf');
    const imp = await runCli(['import', path.join(CORPUS_DOCX, 'image_with_textbox_caption.docx'), '-o', path.join(dir, 'draft.md')]);
    expect(imp.exitCode, imp.all).toBe(0);
    expect(imp.stderr).toMatch(/converted image_with_textbox_caption-media\/media\/image1\.emf \(EMF, which e-readers need not show\) to image_with_textbox_caption-media\/img-[0-9a-f]{16}\.png/);
    const draft = await readFile(path.join(dir, 'draft.md'), 'utf8');
    const png = /!\[[^\]]*\]\((image_with_textbox_caption-media\/img-[0-9a-f]{16}\.png)\)/.exec(draft);
    expect(png, draft).not.toBeNull();
    // Cropped to the drawing, not the A4 page LibreOffice lays it on.
    const bytes = await readFile(path.join(dir, png![1]!));
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(w).toBeLessThan(2480);
    expect(h).toBeLessThan(1500);
    const build = await runCli(['build', '-m', path.join(dir, 'draft.md'), '-o', path.join(dir, 'book'), '--only', 'epub']);
    expect(build.exitCode, build.all).toBe(0);
  }, 120_000);

  it('a picture LibreOffice cannot convert is removed, its alt text kept, with a warning that says the conversion failed', async () => {
    const dir = await scratchDir('import-images-bad-emf');
    await writeFile(path.join(dir, 'broken.emf'), 'not an EMF at all\n');
    const page = path.join(dir, 'page.html');
    await writeFile(page, '<!doctype html><html><body><article><h1>标题</h1><p>正文。</p>\n<p><img src="broken.emf" alt="坏的图"></p></article></body></html>');
    const imp = await runCli(['import', page, '-o', path.join(dir, 'out', 'draft.md')]);
    expect(imp.exitCode, imp.all).toBe(0);
    expect(imp.stderr).toMatch(/page\.html:2: warning W_IMPORT_IMAGE_DROPPED: removed 1 image .*'broken\.emf' \(line 2\): bookdeck could not convert this EMF picture to PNG \(LibreOffice [^)]*\); convert it by hand/);
    expect(await readFile(path.join(dir, 'out', 'draft.md'), 'utf8')).toMatch(/^坏的图$/m);
    const build = await runCli(['build', '-m', path.join(dir, 'out', 'draft.md'), '-o', path.join(dir, 'book'), '--only', 'epub']);
    expect(build.exitCode, build.all).toBe(0);
  }, 120_000);

  it('a WebP image builds: the EPUB and the PDF carry it converted to PNG (EPUBCheck 4 wants a fallback for WebP), EPUBCheck-clean', async () => {
    const dir = await scratchDir('import-images-webp');
    await writeFile(path.join(dir, 'red.webp'), Buffer.from(WEBP, 'base64'));
    await writeFile(path.join(dir, 'book.md'), '---\ntitle: 图书\nlang: zh-Hans\n---\n\n# 第一篇\n\n正文一段。\n\n![红色的图](red.webp)\n');
    const out = path.join(dir, 'out');
    const res = await runCli(['build', '-m', path.join(dir, 'book.md'), '-o', out, '--only', 'epub,pdf']);
    expect(res.exitCode, res.all).toBe(0);
    const entries = readZip(await readFile(path.join(out, 'book.epub')));
    const opf = entries.find((e) => e.name.endsWith('.opf'))!.data.toString('utf8');
    expect(opf).toMatch(/href="images\/[0-9a-f]{16}\.png" media-type="image\/png"/);
    expect(opf).not.toContain('image/webp');
    const report = await epubcheck(path.join(out, 'book.epub'));
    expect(report.messages, JSON.stringify(report.messages)).toEqual([]);
    expect(existsSync(path.join(out, 'book.pdf'))).toBe(true);
  }, 180_000);
});
