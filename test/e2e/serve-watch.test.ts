import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratchDir, startServe } from '../helpers.js';

// serve started in a folder that holds the config, with the manuscript in a subfolder: the config is the current folder's.
let child: ChildProcess;
let url: string;
let work: string;
let manuscript: string;
let stderrOf: () => string = () => '';

const page = async (p: string) => {
  const res = await fetch(new URL(p, url));
  return { status: res.status, text: await res.text() };
};
const preview = async () => (await page('/preview/')).text;
const config = (c: object) => writeFile(path.join(work, 'bookdeck.config.json'), JSON.stringify(c));
const body = (text: string) => `# 第一篇\n\n${text}\n\n（摘自某次会议的讲话）\n`;

beforeAll(async () => {
  work = await scratchDir('serve-watch');
  await mkdir(path.join(work, 'book'));
  manuscript = path.join(work, 'book', 'm.md');
  await writeFile(manuscript, body('起初的正文。'));
  await config({ title: '配置甲' });
  let read: () => string;
  ({ child, url, stderr: read } = await startServe(['-m', 'book/m.md', '-o', 'dist', '--no-pdf'], work));
  stderrOf = read;
});

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('bookdeck serve watches what the book is made from', () => {
  it('reloads a config in the current folder when it changes', async () => {
    await expect.poll(preview, { timeout: 10_000 }).toContain('<h1>配置甲</h1>');
    await config({ title: '配置乙' });
    await expect.poll(preview, { timeout: 10_000 }).toContain('<h1>配置乙</h1>');
    expect(stderrOf()).toMatch(/reloaded .*bookdeck\.config\.json/);
  });

  it('keeps seeing saves by rename, by writing in place, and by delete and create', async () => {
    const temp = path.join(work, 'book', '.m.md.swp');
    await writeFile(temp, body('改名保存的正文。'));
    await rename(temp, manuscript);
    await expect.poll(preview, { timeout: 10_000 }).toContain('改名保存的');
    await writeFile(manuscript, body('原地写入的正文。'));
    await expect.poll(preview, { timeout: 10_000 }).toContain('原地写入的');
    await rm(manuscript);
    await writeFile(manuscript, body('删除后新建的正文。'));
    await expect.poll(preview, { timeout: 10_000 }).toContain('删除后新建的');
    await writeFile(temp, body('再次改名保存。'));
    await rename(temp, manuscript);
    await expect.poll(preview, { timeout: 10_000 }).toContain('再次改名');
  });

  it('shows the last of two saves a moment apart (chokidar drops a change within 50 ms of the one before)', async () => {
    for (const gap of [10, 30, 42, 44, 46, 48]) {
      await writeFile(manuscript, body(`第${gap}号先存的正文，到此为止。`));
      await new Promise((r) => setTimeout(r, gap));
      await writeFile(manuscript, body(`第${gap}号后存的正文，到此为止。`));
      await expect.poll(preview, { timeout: 5_000 }).toContain(`第${gap}号后存的`);
    }
  });

  it('watches the templates folder a config change names (the watchers restart)', async () => {
    const css = path.join(work, 'tpl', 'epub', 'book.css');
    await mkdir(path.dirname(css), { recursive: true });
    const base = await readFile(path.join(ROOT, 'templates/epub/book.css'), 'utf8');
    await writeFile(css, `${base}\n/* 模板标记一 */\n`);
    await config({ title: '配置乙', build: { templates: 'tpl', trustTemplates: true } });
    await expect.poll(preview, { timeout: 10_000 }).toContain('模板标记一');
    await writeFile(css, `${base}\n/* 模板标记二 */\n`);
    await expect.poll(preview, { timeout: 10_000 }).toContain('模板标记二');
  });

  it('links from its start page only what it serves', async () => {
    const start = await page('/');
    expect(start.status).toBe(200);
    expect(start.text).not.toContain('/book.epub');
    const links = [...start.text.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(links).toEqual(['/preview/', '/deck/index.html']);
    for (const link of links) expect((await page(link)).status, link).toBe(200);
  });

  it('prints a broken save’s error once', async () => {
    const before = stderrOf().length;
    await writeFile(manuscript, `---\ntitle: [broken\n---\n\n${body('坏的。')}`);
    await expect.poll(() => stderrOf().slice(before), { timeout: 10_000 }).toMatch(/E_YAML/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(stderrOf().slice(before).match(/E_YAML/g)).toHaveLength(1);
    await writeFile(manuscript, body('这回修好了的正文。'));
    await expect.poll(preview, { timeout: 10_000 }).toContain('修好');
  });
});
