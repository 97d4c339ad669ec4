// `npm run screenshots`: README pictures of the current build: an EPUB chapter page and a
// deck slide rendered by headless Debian Chromium, and a PDF body page by pdftoppm, in
// each layout (the gongwen PDF is built here from the same manuscript).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { launchBrowser } from '../lib/tools/browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const OUT = path.join(ROOT, 'docs/images');
mkdirSync(OUT, { recursive: true });
for (const f of ['book.epub', 'book.pdf', 'deck/index.html']) {
  if (!existsSync(path.join(DIST, f))) {
    console.error(`screenshots: ${path.join(DIST, f)} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
}

// PDF: the first page of the first speech, at 80 dpi.
const pdfPage = Number(process.env.PDF_PAGE ?? findFirstBodyPage());
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(pdfPage), '-l', String(pdfPage), '-singlefile', path.join(DIST, 'book.pdf'), path.join(OUT, 'pdf-page')]);
// The same page in the gongwen layout: a build of its own, into a temporary folder.
const gongwen = mkdtempSync(path.join(os.tmpdir(), 'bookdeck-gongwen-'));
execFileSync('node', [path.join(ROOT, 'bin/bookdeck.js'), 'build', '--only', 'pdf', '--layout', 'gongwen', '--quiet', '-o', gongwen], { stdio: 'inherit' });
const gongwenPage = findFirstBodyPage(path.join(gongwen, 'book.pdf'));
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(gongwenPage), '-l', String(gongwenPage), '-singlefile', path.join(gongwen, 'book.pdf'), path.join(OUT, 'pdf-gongwen-page')]);

const browser = await launchBrowser();
try {
  // EPUB: unzip and open the first speech's chapter as a reader would, at phone-reader size.
  const zip = await JSZip.loadAsync(readFileSync(path.join(DIST, 'book.epub')));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bookdeck-epub-'));
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await entry.async('nodebuffer'));
  }
  const opf = Object.keys(zip.files).find((n) => n.endsWith('.opf'));
  const opfText = readFileSync(path.join(dir, opf), 'utf8');
  const spine = [...opfText.matchAll(/<itemref[^>]*idref="([^"]+)"/g)].map((m) => m[1]);
  const hrefOf = (id) => new RegExp(`<item[^>]*id="${id}"[^>]*href="([^"]+)"|<item[^>]*href="([^"]+)"[^>]*id="${id}"`).exec(opfText);
  const chapter = spine
    .map((id) => hrefOf(id))
    .map((m) => m && (m[1] ?? m[2]))
    .find((href) => href && /s1|chapter|ch1|speech/i.test(href) && readFileSync(path.join(dir, path.dirname(opf), href), 'utf8').includes('<p'));
  const epubPage = await browser.newPage({ viewport: { width: 560, height: 820 } });
  await epubPage.goto(pathToFileURL(path.join(dir, path.dirname(opf), chapter)).href);
  await epubPage.addStyleTag({ content: 'body{margin:32px 28px !important}' });
  await epubPage.screenshot({ path: path.join(OUT, 'epub-page.png') });

  // Deck: the first proposal slide at 1280×720.
  const deck = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await deck.goto(pathToFileURL(path.join(DIST, 'deck/index.html')).href);
  await deck.waitForFunction(() => globalThis.Reveal?.isReady());
  const index = await deck.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.classList.contains('proposal')));
  // Show the slide as the speaker ends it: every key-point fragment revealed.
  await deck.evaluate((h) => {
    const fragments = document.querySelectorAll('.reveal .slides > section')[h].querySelectorAll('.fragment').length;
    globalThis.Reveal.slide(h, 0, fragments - 1);
  }, Math.max(index, 0));
  await deck.waitForTimeout(500);
  await deck.screenshot({ path: path.join(OUT, 'deck-slide.png') });
} finally {
  await browser.close();
}
console.log(`screenshots: wrote ${['epub-page.png', 'pdf-page.png', 'pdf-gongwen-page.png', 'deck-slide.png'].map((f) => path.relative(ROOT, path.join(OUT, f))).join(', ')}`);

/** The page where the first speech starts, found from pdftotext's page breaks. */
function findFirstBodyPage(pdf = path.join(DIST, 'book.pdf')) {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  const i = pages.findIndex((p, n) => n > 1 && /京津冀协同发展，是习近平/.test(p.replace(/\s/g, '')));
  return i >= 0 ? i + 1 : 3;
}
