import { execa } from 'execa';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip } from './epub-zip.js';
import { scanDeck, scanEpub, scanPdf } from './scan.js';
import { allowedRoots, outsideRoots, traceCli } from './trace.js';

const HOSTILE = path.join(ROOT, 'test/fixtures/hostile');
const BUILTIN_SCRIPTS = {
  'reveal/reveal.js': path.join(ROOT, 'node_modules/reveal.js/dist/reveal.js'),
  'reveal/plugin/notes.js': path.join(ROOT, 'node_modules/reveal.js/dist/plugin/notes.js'),
  'deck.js': path.join(ROOT, 'templates/deck/deck.js'),
};

/** A copy of a hostile case in a fresh folder: the manuscript in `m/`, the output in `out/` beside it. */
async function stage(name: string, edit?: (dir: string) => Promise<void>) {
  const work = await scratchDir(`hostile-${name}`);
  const dir = path.join(work, 'm');
  await cp(path.join(HOSTILE, name), dir, { recursive: true });
  await edit?.(dir);
  return { work, dir, out: path.join(work, 'out') };
}

/** Build under strace; assert nothing outside the allowed roots was opened; return what it printed. */
async function tracedBuild(dir: string, out: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const res = await traceCli(['build', ...args], path.join(path.dirname(out), 'strace.log'), opts);
  const leaks = outsideRoots(res.opened, await allowedRoots(dir, out, opts.cwd));
  expect(leaks, `opened outside the allowed roots:\n${leaks.join('\n')}\n${res.all}`).toEqual([]);
  expect(res.opened.length).toBeGreaterThan(10); // strace really traced the build
  return res;
}

/** No script or outside reference in any artifact that was built. */
async function expectClean(out: string) {
  const found = [
    ...(existsSync(path.join(out, 'book.epub')) ? await scanEpub(path.join(out, 'book.epub')) : []),
    ...(existsSync(path.join(out, 'deck/index.html')) ? await scanDeck(path.join(out, 'deck'), BUILTIN_SCRIPTS) : []),
    ...(existsSync(path.join(out, 'book.pdf')) ? await scanPdf(path.join(out, 'book.pdf')) : []),
  ];
  expect(found).toEqual([]);
}

const epubText = async (file: string) => new Map(readZip(await readFile(file)).map((e) => [e.name, e.data.toString('utf8')]));

describe('hostile manuscripts (strace: nothing opened outside the allowed roots)', () => {
  let secret: string;
  beforeAll(async () => {
    // Outside every allowed root (test/ is not one): reading it would be a leak.
    const dir = await scratchDir('hostile-secret');
    secret = path.join(dir, 'secret.png');
    await cp(path.join(HOSTILE, 'svg-script/dot.png'), secret);
  });

  it('the default book: all three artifacts, clean', async () => {
    const work = await scratchDir('hostile-default');
    const out = path.join(work, 'out');
    const res = await tracedBuild(path.dirname(MANUSCRIPT), out, ['-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    await expectClean(out);
  });

  it('SVG: script, handlers, javascript:/data:, @import, remote and outside images are dropped; the inside PNG kept', async () => {
    const { dir, out } = await stage('svg-script', async (d) => {
      const svg = await readFile(path.join(d, 'evil.svg'), 'utf8');
      await writeFile(path.join(d, 'evil.svg'), svg.replace('SECRET_ABS', () => secret));
    });
    const res = await tracedBuild(dir, out, ['-m', path.join(dir, 'book.md'), '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).toMatch(/book\.md:10:1: warning W_SVG_SANITIZED: SVG image 'evil\.svg' sanitized: dropped <\?xml-stylesheet\?> at line 2; attribute onload/);
    // The EPUB and the PDF both read the drawing; each warning is told once.
    expect(res.all.match(/warning W_SVG_SANITIZED/g)).toHaveLength(1);
    expect(res.all.match(/warning W_SVG_IMAGE: .*outside\.png/g)).toHaveLength(1);
    expect(res.all).toMatch(/evil\.svg:20:\d+: warning W_SVG_IMAGE: SVG image 'evil\.svg': <image href="\.\.\/\.\.\/\.\.\/outside\.png"> dropped: .*leaves the manuscript folder/);
    expect(res.opened).not.toContain(secret);
    await expectClean(out);
    const files = await epubText(path.join(out, 'book.epub'));
    const svgName = [...files.keys()].find((n) => n.endsWith('.svg'))!;
    const svg = files.get(svgName)!;
    expect(svg).not.toMatch(/secret|evil\.example|script|onload|onclick|foreignObject|<set|data:/i);
    // The drawing itself survives: gradient, shapes, the safe animation, the text, the inside image.
    expect(svg).toMatch(/<linearGradient id="g">/);
    expect(svg).toMatch(/<animate attributeName="r"/);
    expect(svg).toContain('图示 &amp; 说明');
    const inner = /<image xlink:href="([0-9a-f]{16}\.png)"/.exec(svg)?.[1];
    expect(inner).toBeDefined();
    expect(files.get('OEBPS/content.opf')).toContain(`images/${inner}`);
    expect([...files.keys()]).toContain(`OEBPS/images/${inner}`);
  });

  it.each([
    ['svg-xxe', /.*xxe\.svg:2:1: error E_SVG_DTD: SVG with a DOCTYPE refused/],
    ['svg-bomb', /.*bomb\.svg:2:1: error E_SVG_DTD: SVG with a DOCTYPE refused/],
    ['yaml-bomb', /.*book\.md:3: error E_YAML: YAML aliases in front matter expand too far/],
    ['paths', /.*book\.md:8:1: error E_IMAGE_OUTSIDE: image '\/etc\/hostname\.png' refused: absolute paths/],
  ])('%s: exit 1 naming file:line', async (name, message) => {
    const { dir, out } = await stage(name);
    const res = await tracedBuild(dir, out, ['-m', path.join(dir, 'book.md'), '-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toMatch(message);
    expect(res.opened).not.toContain('/etc/passwd');
  });

  it('an image path with .. out of the folder: exit 1', async () => {
    const { dir, out } = await stage('paths', async (d) => {
      const rel = path.relative(d, secret);
      await writeFile(path.join(d, 'book.md'), `---\ntitle: 路径\ndate: 2018-07-26\n---\n\n# 第一篇\n\n![上级目录](${rel})\n`);
    });
    const res = await tracedBuild(dir, out, ['-m', path.join(dir, 'book.md'), '-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toMatch(/.*book\.md:8:1: error E_IMAGE_OUTSIDE: image '\.\.\/.*secret\.png' refused: it leaves the manuscript folder/);
  });

  it('javascript: and data: in every link slot, handlers and script in raw HTML: none reaches an output, the text stays', async () => {
    const { dir, out } = await stage('urls');
    const res = await tracedBuild(dir, out, ['-m', path.join(dir, 'book.md'), '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).toMatch(/book\.md:12:\d+: warning M_HTML_REMOVED: raw HTML: <script> removed/);
    await expectClean(out);
    const page = (await epubText(path.join(out, 'book.epub'))).get('OEBPS/s1.xhtml')!;
    for (const t of ['脚本链接', '编码的', '数据链接', '引用式', '点这里', 'javascript:alert(5)']) expect(page).toContain(t);
  });

  it('templates/ beside the manuscript run no code: EJS, LaTeX and deck.js are ignored with a warning', async () => {
    const { dir, out, work } = await stage('templates-ejs');
    const pwned = path.join(work, 'pwned');
    const res = await tracedBuild(dir, out, ['-m', path.join(dir, 'book.md'), '-o', out], { env: { HOSTILE_PWNED: pwned } });
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).toMatch(/warning W_TEMPLATES: .*templates\/ is not used: templates can run code/);
    expect(existsSync(pwned)).toBe(false);
    // The folder is listed (for the warning); no template in it is opened.
    expect(res.opened.filter((p) => p.startsWith(path.join(dir, 'templates')) && path.extname(p))).toEqual([]);
    expect(res.opened).not.toContain('/etc/hostname');
    await expectClean(out);
  });

  it('build.out in a config may not leave the config folder; build.templates needs trustTemplates', async () => {
    const a = await stage('config-out');
    const res = await tracedBuild(a.dir, path.join(a.dir, 'dist'), ['-m', 'book.md', '--quiet'], { cwd: a.dir });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toMatch(/(?:.*\/)?bookdeck\.config\.yaml:3: error E_OUT_OUTSIDE: build\.out '\.\.\/\.\.\/escaped-out' leaves the project folder/);
    expect(existsSync(path.resolve(a.dir, '../../escaped-out'))).toBe(false);
    const b = await stage('config-templates');
    const res2 = await runCli(['build', '-m', 'book.md', '--quiet'], { cwd: b.dir });
    expect(res2.exitCode, res2.all).toBe(1);
    expect(res2.all).toMatch(/(?:.*\/)?bookdeck\.config\.yaml:3: error E_TEMPLATE_TRUST: build\.templates is set but build\.trustTemplates is not/);
  });

  it("$' $& $` $1 in every front-matter field come out literally in the EPUB, the deck and the PDF", async () => {
    const { dir, out } = await stage('dollar');
    const res = await tracedBuild(dir, out, ['-m', path.join(dir, 'book.md'), '-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    const unxml = (s: string) => s.replace(/&#39;/g, () => "'").replace(/&quot;/g, () => '"').replace(/&lt;/g, () => '<').replace(/&amp;/g, () => '&');
    const opf = unxml((await epubText(path.join(out, 'book.epub'))).get('OEBPS/content.opf')!);
    const amp = (s: string) => s.replace(/&/g, () => '&amp;');
    for (const v of ["标题$'甲$&乙$`丙$1丁$$戊", "副题$'$&$`$1", "作者$'$&$`$1", "出版$'$&$`$1", "urn:x:$'$&$`$1", "简介$'$&$`$1", "词$'$&$`$1", "版权$'$&$`$1"]) {
      expect(opf).toContain(v);
    }
    const deck = await readFile(path.join(out, 'deck/index.html'), 'utf8');
    expect(deck).toContain(`<title>${amp("标题$'甲$&乙$`丙$1丁$$戊")}`);
    expect(deck).toContain(amp("讲话$'$&$`$1"));
    expect(deck).toContain(amp("提高$'$&$`$1站位"));
    const text = (await execa('pdftotext', [path.join(out, 'book.pdf'), '-'])).stdout.replace(/\s+/g, '');
    for (const v of ["讲话$'$&$`$1", "正文$'$&$`$1继续", "（摘自$'$&$`$1致辞）"]) expect(text).toContain(v);
    // One speech: no title page, so the book's fields are in the document information.
    const info = (await execa('pdfinfo', [path.join(out, 'book.pdf')])).stdout;
    expect(info).toContain("标题$'甲$&乙$`丙$1丁$$戊");
    expect(info).toContain("作者$'$&$`$1");
  });
});

describe('only regular files are read (FIFOs, folders, links made here)', () => {
  /** Run a build that must fail fast; a hang is killed after 10 s and fails the test. */
  async function fast(args: string[], cwd?: string) {
    const t0 = performance.now();
    const res = await execa('node', [path.join(ROOT, 'bin/bookdeck.js'), 'build', '--only', 'epub', '--quiet', ...args], { cwd, reject: false, all: true, timeout: 10_000 });
    return { ...res, ms: performance.now() - t0 };
  }
  const book = '---\ntitle: 特殊文件\ndate: 2018-07-26\n---\n\n# 第一篇\n\n![图](x.png)\n';

  it('a FIFO as an image, a folder named x.png: exit 1 naming the path', async () => {
    for (const make of ['fifo', 'folder'] as const) {
      const dir = await scratchDir(`special-${make}`);
      await writeFile(path.join(dir, 'book.md'), book);
      if (make === 'fifo') await execa('mkfifo', [path.join(dir, 'x.png')]);
      else await mkdir(path.join(dir, 'x.png'));
      const res = await fast(['-m', path.join(dir, 'book.md'), '-o', path.join(dir, 'out')]);
      expect(res.timedOut).toBe(false);
      expect(res.exitCode, res.all).toBe(1);
      expect(res.all).toMatch(new RegExp(`.*book\\.md:8:1: error E_NOT_REGULAR: '.*x\\.png' is ${make === 'fifo' ? 'a FIFO \\(named pipe\\)' : 'a folder'}, not a regular file`));
    }
  });

  it('a FIFO or a device as -m, a folder named x.md and an outside symlink in a folder manuscript: exit 1 naming the path', async () => {
    const dir = await scratchDir('special-m');
    await execa('mkfifo', [path.join(dir, 'pipe.md')]);
    const fifo = await fast(['-m', path.join(dir, 'pipe.md'), '-o', path.join(dir, 'out')]);
    expect(fifo.timedOut).toBe(false);
    expect(fifo.exitCode, fifo.all).toBe(1);
    expect(fifo.all).toMatch(/.*pipe\.md: error E_NOT_REGULAR: this is a FIFO \(named pipe\), not a regular file/);
    const imported = await execa('node', [path.join(ROOT, 'bin/bookdeck.js'), 'import', path.join(dir, 'pipe.md')], { reject: false, all: true, timeout: 10_000 });
    expect(imported.timedOut).toBe(false);
    expect(imported.exitCode, imported.all).toBe(1);
    expect(imported.all).toMatch(/.*pipe\.md: error E_NOT_REGULAR: this is a FIFO \(named pipe\), not a regular file/);
    const dev = await fast(['-m', '/dev/zero', '-o', path.join(dir, 'out')]);
    expect(dev.exitCode, dev.all).toBe(1);
    expect(dev.all).toMatch(/\/dev\/zero: error E_NOT_REGULAR: this is a device/);

    const folder = path.join(dir, 'book');
    await mkdir(path.join(folder, 'b.md'), { recursive: true });
    await writeFile(path.join(folder, 'a.md'), '---\ntitle: 文件夹\ndate: 2018-07-26\n---\n\n# 第一篇\n\n正文。\n');
    const sub = await fast(['-m', folder, '-o', path.join(dir, 'out')]);
    expect(sub.exitCode, sub.all).toBe(1);
    expect(sub.all).toMatch(/.*book\/b\.md: error E_NOT_REGULAR: this is a folder, not a regular file/);

    const linked = path.join(dir, 'linked');
    await mkdir(linked);
    await writeFile(path.join(linked, 'a.md'), '---\ntitle: 链接\ndate: 2018-07-26\n---\n\n# 第一篇\n\n正文。\n');
    await writeFile(path.join(dir, 'outside.md'), '# 外面\n\n不该出现。\n');
    await symlink(path.join(dir, 'outside.md'), path.join(linked, 'b.md'));
    await writeFile(path.join(linked, 'inner.txt'), '# 里面\n\n可以出现。\n');
    await symlink('inner.txt', path.join(linked, 'c.md'));
    const link = await fast(['-m', linked, '-o', path.join(dir, 'out')]);
    expect(link.exitCode, link.all).toBe(1);
    expect(link.all).toMatch(/.*linked\/b\.md: error E_OUTSIDE: this is a symbolic link to .*outside\.md, outside the manuscript folder/);
    // A link to a file inside the folder is followed.
    await execa('rm', [path.join(linked, 'b.md')]);
    const ok = await fast(['-m', linked, '-o', path.join(dir, 'out')]);
    expect(ok.exitCode, ok.all).toBe(0);
    expect((await epubText(path.join(dir, 'out/book.epub'))).get('OEBPS/s2.xhtml')).toContain('<h1 id="s2">里面</h1>');
  });
});

describe('encoding is decided once', () => {
  const enc = path.join(HOSTILE, 'encoding');

  it('one bad sequence in a UTF-8 file is E_ENCODING at its line and column, in build, check and import', async () => {
    const file = path.join(enc, 'bad-utf8.md');
    const expected = /.*bad-utf8\.md:9:8: error E_ENCODING: the file is UTF-8 but has an invalid byte sequence here \(bytes ED A0 80 at offset 111\)/;
    const out = await scratchDir('enc-bad');
    for (const args of [['build', '-m', file, '-o', out, '--only', 'epub'], ['check', '-m', file, '-o', out], ['import', file]]) {
      const res = await runCli(args);
      expect(res.exitCode, `${args[0]}: ${res.all}`).toBe(1);
      expect(res.all).toMatch(expected);
    }
  });

  it.each([
    ['gb18030.md', 'GB18030/GBK', '京津冀协同发展'],
    ['big5.md', 'Big5', '推動區域協調發展'],
    ['shift-jis.md', 'Shift-JIS', '地域の協調的な発展について'],
  ])('%s is converted with a notice naming %s, by import and build', async (name, label, text) => {
    const file = path.join(enc, name);
    const imported = await runCli(['import', file]);
    expect(imported.exitCode, imported.all).toBe(0);
    expect(imported.stderr).toContain(`notice: ${file}: converted from ${label} to UTF-8`);
    expect(imported.stdout).toContain(text);
    const out = await scratchDir('enc-ok');
    const built = await runCli(['build', '-m', file, '-o', out, '--only', 'epub']);
    expect(built.exitCode, built.all).toBe(0);
    expect(built.all).toContain(`converted from ${label} to UTF-8`);
    const pages = [...(await epubText(path.join(out, 'book.epub'))).values()].join('');
    expect(pages).toContain(text);
  });
});
