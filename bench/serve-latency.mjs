// `node bench/serve-latency.mjs`: serve's save→paint latency, measured in Chromium.
// Starts `bookdeck serve` on a copy of manuscript/speeches.md in a temp folder, opens the
// book preview, and saves RUNS edits of the first paragraph. Each run is timed from just
// before the file write (in this process) to the moment a MutationObserver in the page sees
// the new text (`runs`, `median`), and to the next animation frame after it (`frames`,
// `frameMedian`: the paint that shows it). Both clocks are wall time (timeOrigin + now) of
// the same machine. Prints JSON on stdout; progress on stderr.
//   BENCH_SERVE_RUNS=15   number of saves
//   BENCH_SERVE_PDF=1     also let serve rebuild the PDF in the background (default --no-pdf)
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_SERVE_RUNS ?? 15);
const PDF = process.env.BENCH_SERVE_PDF === '1';
const log = (s) => process.stderr.write(`serve-latency: ${s}\n`);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

const work = mkdtempSync(path.join(os.tmpdir(), 'bookdeck-serve-latency-'));
const manuscript = path.join(work, 'speeches.md');
copyFileSync(path.join(ROOT, 'manuscript/speeches.md'), manuscript);

const args = ['serve', '-m', manuscript, '-o', path.join(work, 'dist'), ...(PDF ? [] : ['--no-pdf'])];
const child = spawn(process.execPath, [path.join(ROOT, 'bin/bookdeck.js'), ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => (stderr += d));
let browser;
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  let loads = 0;
  page.on('load', () => loads++);
  // In every document of the tab, so a page that reloads instead of patching is timed too:
  // records when #s1-p1 first holds the expected text, and the frame after that.
  await page.addInitScript(() => {
    const store = sessionStorage;
    const check = () => {
      const want = store.getItem('bench-expect');
      if (!want || store.getItem('bench-seen')) return;
      if (document.getElementById('s1-p1')?.textContent?.includes(want)) {
        store.setItem('bench-seen', String(performance.timeOrigin + performance.now()));
        requestAnimationFrame(() => store.setItem('bench-frame', String(performance.timeOrigin + performance.now())));
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`${url}preview/`);
  await page.locator('#s1-p1').waitFor();
  /** The two times, once the frame after the change ran; retried across a reload. */
  const seen = async () => {
    for (const end = Date.now() + 10_000; Date.now() < end; await sleep(5)) {
      const got = await page.evaluate(() => [sessionStorage.getItem('bench-seen'), sessionStorage.getItem('bench-frame')]).catch(() => []);
      if (got[1]) return { seen: Number(got[0]), frame: Number(got[1]) };
    }
    throw new Error('the edit never showed in the page');
  };

  const a = '亲自谋划、亲自推动';
  const b = '亲自谋划、亲自部署';
  const runs = [];
  const frames = [];
  for (let i = 0; i < RUNS; i++) {
    const text = readFileSync(manuscript, 'utf8');
    const [from, to] = text.includes(a) ? [a, b] : [b, a];
    await page.evaluate((t) => (sessionStorage.clear(), sessionStorage.setItem('bench-expect', t)), to);
    const t0 = now();
    writeFileSync(manuscript, text.replace(from, to));
    const t = await seen();
    runs.push(round(t.seen - t0));
    frames.push(round(t.frame - t0));
    log(`run ${i + 1}/${RUNS}: DOM ${runs.at(-1)} ms, frame ${frames.at(-1)} ms`);
    // Let the save settle (serve's own quiet period) before the next one.
    await sleep(250);
  }
  // Saves that reloaded the page instead of patching it (0 unless the fallback ran).
  const reloads = loads - 1;
  console.log(JSON.stringify({ median: median(runs), runs, frameMedian: median(frames), frames, reloads, pdf: PDF }));
} finally {
  await browser?.close();
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  rmSync(work, { recursive: true, force: true });
}
