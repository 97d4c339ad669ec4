import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config-file.js';
import type { BuildRequest } from '../../../src/request/request.js';
import { serve, type ServeSession } from '../../../src/serve/session.js';
import { scratchDir } from '../../helpers.js';
import { testRequest } from '../../request.js';

// serve() in this process (no CLI, no PDF): what the session decides on each save — rebuild,
// report an error once, reload the config, watch a templates folder the config names.
let dir: string;
let manuscript: string;
let templates: string;
let closed = false;
let session: ServeSession;
const logs: string[] = [];
const body = (text: string) => `# 第一篇\n\n${text}\n\n（摘自某次会议的讲话）\n`;
const request = (over: { templatesDir?: string; outDir?: string } = {}): BuildRequest =>
  testRequest({
    manuscript: { input: manuscript, files: [manuscript], root: dir },
    outDir: path.join(dir, 'dist'),
    formats: ['deck'],
    epub: { embedFonts: false },
    ...over,
  });
const preview = async () => (await fetch(new URL('preview/', session.server.url))).text();
/** The error the server shows open pages now (its event stream's first event), or null. */
async function shownError(): Promise<string | null> {
  const abort = new AbortController();
  const res = await fetch(new URL('__bookdeck/events', session.server.url), { signal: abort.signal });
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  abort.abort();
  return JSON.parse(/^data: (.*)$/m.exec(text)![1]!).message;
}
const POLL = { timeout: 20_000, interval: 100 };
/** Save as editors do, by rename: a watcher never sees the file half written (a busy machine would read it so). */
async function save(file: string, data: string | Buffer): Promise<void> {
  await writeFile(`${file}.tmp`, data);
  await rename(`${file}.tmp`, file);
}

beforeAll(async () => {
  dir = await scratchDir('session');
  manuscript = path.join(dir, 'm.md');
  await writeFile(manuscript, body('起初甲乙丙丁的正文。'));
  templates = await scratchDir('session-templates');
  session = await serve({
    request: request(),
    port: 0,
    log: (line) => logs.push(line),
    // The config names a templates folder outside the manuscript's, and another output folder.
    reload: async () => {
      const config = await loadConfig(dir);
      const named = config.config.build?.out !== undefined;
      return { ...request(named ? { templatesDir: templates, outDir: path.join(dir, 'elsewhere') } : {}), config };
    },
  });
  await mkdir(path.join(templates, 'epub'));
}, 60_000);

afterAll(async () => {
  if (!closed) await session?.close();
});

describe('a serve session', () => {
  it('shows the first build, then each save', async () => {
    expect(await preview()).toContain('起初甲乙丙丁');
    expect(logs.filter((l) => l.startsWith('rebuilt preview and deck'))).toHaveLength(1);
    await save(manuscript, body('保存之后戊己庚的正文。'));
    await expect.poll(preview, POLL).toContain('保存之后戊己庚');
  });

  it('reports a broken save once however often it is saved, keeps the last good preview, and clears the error when fixed', async () => {
    const bad = Buffer.concat([Buffer.from('# 第一篇\n\n坏'), Buffer.from([0xff, 0xfe]), Buffer.from('的字节。\n')]);
    await save(manuscript, bad);
    await expect.poll(shownError, POLL).toMatch(/E_ENCODING/);
    // The same error again, a separate save after the first settled.
    await save(manuscript, Buffer.concat([bad, Buffer.from('\n')]));
    await new Promise((r) => setTimeout(r, 1000));
    expect(logs.filter((l) => l.includes('E_ENCODING'))).toHaveLength(1);
    expect(await preview()).toContain('保存之后戊己庚');
    await save(manuscript, body('修好之后辛壬癸的正文。'));
    await expect.poll(preview, POLL).toContain('修好之后辛壬癸');
    // The preview changes first, then the deck is written, then the error goes.
    await expect.poll(shownError, POLL).toBeNull();
  });

  it('reloads the config when it changes, says when build.out moved, and watches the templates folder the new config names', async () => {
    await save(path.join(dir, 'bookdeck.config.json'), JSON.stringify({ title: '配置乙', build: { out: 'elsewhere' } }));
    await expect.poll(preview, POLL).toContain('<h1>配置乙</h1>');
    expect(logs.some((l) => /^reloaded .*bookdeck\.config\.json$/.test(l))).toBe(true);
    expect(logs.some((l) => l.startsWith(`build.out changed to ${path.join(dir, 'elsewhere')}: restart serve`))).toBe(true);
    // Outside the manuscript's folder: seen only because the watchers started again on the new folder.
    await save(path.join(templates, 'epub/book.css'), '/* session-marker */ body { color: #111; }');
    await expect.poll(preview, POLL).toContain('session-marker');
  });

  it('stops serving when closed', async () => {
    const url = session.server.url;
    await session.close();
    closed = true;
    await expect(fetch(url)).rejects.toThrow();
  });
});
